// Edits of the kind a person makes on the canvas, chosen at random from what their own view shows, plus edits aimed at
// elements they once saw (possibly deleted since, so deletes race edits) and a few the server must reject.

import type { DiagramDocument } from "../diagramDocument";
import { NOTE_TYPE, type DiagramOp, type UpdateNodeOp } from "../diagramTypes";
import type { SeededRandom } from "./seededRandom";

export const testVocabulary = ["client", "api-gateway", "feature-store", "ranking-model", "ann-index", "event-log"];

export class RandomOps {
  #counter = 0;
  /** Every element id this author has seen created. */
  readonly knownIds: string[] = [];

  constructor(
    private readonly random: SeededRandom,
    private readonly author: string,
  ) {}

  next(view: DiagramDocument): DiagramOp {
    const nodes = [...view.nodes.values()];
    const zones = [...view.zones.values()];
    const links = [...view.links.values()];
    const roll = this.random.int(100);
    if (roll < 14) return this.#addNode(zones.map((z) => z.id));
    if (roll < 19) return this.#addZone();
    if (roll < 31 && nodes.length >= 2) {
      const source = this.random.pick(nodes).id;
      const target = this.random.pick(nodes.filter((n) => n.id !== source)).id;
      const label = this.random.chance(0.5) ? this.#text() : null;
      return { type: "addLink", opId: this.#opId(), link: { id: this.#newId("l"), sourceId: source, targetId: target, label, directed: this.random.chance(0.75) } };
    }
    if (roll < 56 && nodes.length > 0) return this.#updateNode(this.random.pick(nodes).id, zones.map((z) => z.id));
    if (roll < 61 && zones.length > 0) return this.#updateZone(this.random.pick(zones).id);
    if (roll < 66 && links.length > 0) {
      return { type: "updateLink", opId: this.#opId(), linkId: this.random.pick(links).id, label: this.random.chance(0.3) ? null : this.#text() };
    }
    if (roll < 82 && nodes.length + zones.length + links.length > 0) {
      const all = [...nodes, ...zones, ...links];
      return { type: "delete", opId: this.#opId(), elementId: this.random.pick(all).id };
    }
    if (roll < 96 && this.knownIds.length > 0) return this.#atKnownId(this.random.pick(this.knownIds), zones.map((z) => z.id));
    if (roll < 100) return this.#rejectable(nodes.map((n) => n.id));
    return this.#addNode(zones.map((z) => z.id));
  }

  /** Remember ids of elements created by anyone, as a person remembers what they saw. */
  saw(op: DiagramOp): void {
    const id = op.type === "addNode" ? op.node.id : op.type === "addZone" ? op.zone.id : op.type === "addLink" ? op.link.id : null;
    if (id !== null && !this.knownIds.includes(id)) this.knownIds.push(id);
  }

  #addNode(zoneIds: string[]): DiagramOp {
    const componentType = this.random.pick([...testVocabulary, NOTE_TYPE]);
    const zoneId = zoneIds.length > 0 && this.random.chance(0.33) ? this.random.pick(zoneIds) : null;
    return {
      type: "addNode",
      opId: this.#opId(),
      node: { id: this.#newId("n"), componentType, label: this.#text(), x: this.#coordinate(), y: this.#coordinate(), width: this.#size(), height: this.#size(), zoneId },
    };
  }

  #addZone(): DiagramOp {
    return {
      type: "addZone",
      opId: this.#opId(),
      zone: { id: this.#newId("z"), label: this.#text(), x: this.#coordinate(), y: this.#coordinate(), width: this.#size() * 4, height: this.#size() * 4 },
    };
  }

  // Each property is included independently, so concurrent partial updates overlap in every combination.
  #updateNode(nodeId: string, zoneIds: string[]): UpdateNodeOp {
    for (;;) {
      const op: UpdateNodeOp = {
        type: "updateNode",
        opId: this.#opId(),
        nodeId,
        label: this.#maybe(() => this.#text()),
        position: this.#maybe(() => ({ x: this.#coordinate(), y: this.#coordinate() })),
        size: this.#maybe(() => ({ width: this.#size(), height: this.#size() })),
        zone: this.#maybe(() => ({ zoneId: zoneIds.length > 0 && this.random.chance(0.66) ? this.random.pick(zoneIds) : null })),
      };
      if (op.label != null || op.position != null || op.size != null || op.zone != null) return op;
    }
  }

  #updateZone(zoneId: string): DiagramOp {
    return this.random.chance(0.5)
      ? { type: "updateZone", opId: this.#opId(), zoneId, label: this.#text() }
      : { type: "updateZone", opId: this.#opId(), zoneId, position: { x: this.#coordinate(), y: this.#coordinate() } };
  }

  #atKnownId(id: string, zoneIds: string[]): DiagramOp {
    if (this.random.chance(0.25)) return { type: "delete", opId: this.#opId(), elementId: id };
    if (id.startsWith("n")) return this.#updateNode(id, zoneIds);
    if (id.startsWith("z")) return this.#updateZone(id);
    return { type: "updateLink", opId: this.#opId(), linkId: id, label: this.#text() };
  }

  #rejectable(nodeIds: string[]): DiagramOp {
    const choice = this.random.int(3);
    if (choice === 1 && nodeIds.length > 0) {
      return { type: "updateNode", opId: this.#opId(), nodeId: this.random.pick(nodeIds), position: { x: Number.NaN, y: 0 } };
    }
    const tooLong = choice === 0;
    return {
      type: "addNode",
      opId: this.#opId(),
      node: {
        id: this.#newId("n"),
        componentType: tooLong ? "ranking-model" : "not-a-component",
        label: tooLong ? "x".repeat(201) : "x",
        x: 0,
        y: 0,
        width: 100,
        height: 50,
      },
    };
  }

  #newId(prefix: string): string {
    return `${prefix}_${this.author}${++this.#counter}`;
  }

  #opId(): string {
    return `op_${this.author}${++this.#counter}`;
  }

  #text(): string {
    return `${this.author}-${this.random.int(1000)}`;
  }

  #coordinate(): number {
    return Math.round((this.random.next() * 2000 - 1000) * 10) / 10;
  }

  #size(): number {
    return 20 + this.random.int(200);
  }

  #maybe<T>(make: () => T): T | null {
    return this.random.chance(0.5) ? make() : null;
  }
}

// Undo and redo of one's OWN edits in a shared diagram. Each batch of local ops (one gesture: a drag of several nodes,
// a multi-delete) records its inverse, computed against the view at the time, and is undone as one step:
//   add    → delete the element;
//   update → update back to the previous values of just the properties the update set, so a peer's concurrent change
//            to another property survives the undo;
//   delete → re-create the element (with its links, or for a zone its members) under a NEW id. The old id is a
//            tombstone and the merge rule (docs/decisions/012) makes re-adding it a no-op, so a delete cannot be
//            reverted in place. Later undo/redo steps that name the old id are redirected to the new one (aliases).
// Undo runs against the current view, which includes the peer's edits: a step on an element that is gone (the peer
// deleted it) is skipped, and an entry left with nothing to do is dropped in favour of the next one.

import { applyOp, kindOf, type DiagramDocument } from "./diagramDocument";
import type { DiagramLink, DiagramNode, DiagramOp, DiagramZone, UpdateNodeOp, UpdateZoneOp } from "./diagramTypes";

export interface UndoIdSource {
  newId(prefix: "n" | "z" | "l"): string;
  newOpId(): string;
}

/** One op of an undo entry; `recreates` names the deleted element an add brings back under a new id. */
interface UndoStep {
  op: DiagramOp;
  recreates?: string;
}

type UndoEntry = UndoStep[];

export class UndoStack {
  #undo: UndoEntry[] = [];
  #redo: UndoEntry[] = [];
  /** Deleted id → the id it was re-created under by an undo or redo. */
  readonly #aliases = new Map<string, string>();

  constructor(
    private readonly ids: UndoIdSource,
    private readonly maxEntries = 200,
  ) {}

  get canUndo(): boolean {
    return this.#undo.length > 0;
  }

  get canRedo(): boolean {
    return this.#redo.length > 0;
  }

  /**
   * A local gesture's ops, about to be applied on top of `viewBefore`. Ops that change nothing (aimed at an element
   * that is already gone) leave nothing to undo. A new edit ends the redo history, as everywhere else.
   */
  record(ops: readonly DiagramOp[], viewBefore: DiagramDocument): void {
    const inverse = this.#invertAll(ops, viewBefore);
    if (inverse.length === 0) return;
    this.#undo.push(inverse);
    if (this.#undo.length > this.maxEntries) this.#undo.shift();
    this.#redo = [];
  }

  /** The ops that undo the latest still-applicable entry, to be applied and sent as local ops (not recorded again). */
  undo(view: DiagramDocument): DiagramOp[] {
    return this.#replay(this.#undo, this.#redo, view);
  }

  redo(view: DiagramDocument): DiagramOp[] {
    return this.#replay(this.#redo, this.#undo, view);
  }

  clear(): void {
    this.#undo = [];
    this.#redo = [];
    this.#aliases.clear();
  }

  #replay(from: UndoEntry[], to: UndoEntry[], view: DiagramDocument): DiagramOp[] {
    for (let entry = from.pop(); entry !== undefined; entry = from.pop()) {
      const { ops, inverse } = this.#execute(entry, view);
      if (ops.length > 0) {
        to.push(inverse);
        return ops;
      }
    }
    return [];
  }

  #execute(entry: UndoEntry, view: DiagramDocument): { ops: DiagramOp[]; inverse: UndoEntry } {
    let rolling = view;
    const ops: DiagramOp[] = [];
    const inverses: UndoEntry[] = [];
    for (const step of entry) {
      const op = this.#resolve(step.op, rolling);
      if (op === null) continue;
      inverses.push(this.#invert(op, rolling));
      rolling = applyOp(rolling, op);
      ops.push(op);
      // Registered only once the add has happened, so the steps after it (the element's links) find the new id.
      const created = addedId(op);
      if (step.recreates !== undefined && created !== null) this.#aliases.set(step.recreates, created);
    }
    return { ops, inverse: inverses.reverse().flat() };
  }

  #invertAll(ops: readonly DiagramOp[], viewBefore: DiagramDocument): UndoEntry {
    let rolling = viewBefore;
    const inverses: UndoEntry[] = [];
    for (const op of ops) {
      inverses.push(this.#invert(op, rolling));
      rolling = applyOp(rolling, op);
    }
    // Undo runs backwards: the inverse of the last op first.
    return inverses.reverse().flat();
  }

  /** The steps that take `view` back from `op`; computed before `op` is applied. */
  #invert(op: DiagramOp, view: DiagramDocument): UndoStep[] {
    switch (op.type) {
      case "addNode":
      case "addZone":
      case "addLink": {
        const id = addedId(op);
        const applied = applyOp(view, op);
        return id !== null && applied !== view && kindOf(applied, id) !== null ? [{ op: this.#delete(id) }] : [];
      }
      case "updateNode": {
        const node = view.nodes.get(op.nodeId);
        return node ? [{ op: this.#restoreNode(op, node) }] : [];
      }
      case "updateZone": {
        const zone = view.zones.get(op.zoneId);
        return zone ? [{ op: this.#restoreZone(op, zone) }] : [];
      }
      case "updateLink": {
        const link = view.links.get(op.linkId);
        return link ? [{ op: { type: "updateLink", opId: this.ids.newOpId(), linkId: link.id, label: link.label ?? null } }] : [];
      }
      case "delete":
        return this.#recreate(op.elementId, view);
    }
  }

  #recreate(id: string, view: DiagramDocument): UndoStep[] {
    const node = view.nodes.get(id);
    if (node) {
      const attached = [...view.links.values()].filter((l) => l.sourceId === id || l.targetId === id);
      return [{ op: this.#addNode({ ...node, id: this.ids.newId("n") }), recreates: id }, ...attached.map((l) => this.#recreateLink(l))];
    }
    const zone = view.zones.get(id);
    if (zone) {
      const members = [...view.nodes.values()].filter((n) => n.zoneId === id);
      const rejoin = members.map<UndoStep>((member) => ({
        op: { type: "updateNode", opId: this.ids.newOpId(), nodeId: member.id, zone: { zoneId: id } },
      }));
      return [{ op: { type: "addZone", opId: this.ids.newOpId(), zone: { ...zone, id: this.ids.newId("z") } }, recreates: id }, ...rejoin];
    }
    const link = view.links.get(id);
    return link ? [this.#recreateLink(link)] : [];
  }

  #recreateLink(link: DiagramLink): UndoStep {
    return { op: { type: "addLink", opId: this.ids.newOpId(), link: { ...link, id: this.ids.newId("l") } }, recreates: link.id };
  }

  #addNode(node: DiagramNode): DiagramOp {
    return { type: "addNode", opId: this.ids.newOpId(), node };
  }

  #delete(elementId: string): DiagramOp {
    return { type: "delete", opId: this.ids.newOpId(), elementId };
  }

  #restoreNode(op: UpdateNodeOp, node: DiagramNode): UpdateNodeOp {
    const restore: UpdateNodeOp = { type: "updateNode", opId: this.ids.newOpId(), nodeId: node.id };
    if (op.label != null) restore.label = node.label;
    if (op.position != null) restore.position = { x: node.x, y: node.y };
    if (op.size != null) restore.size = { width: node.width, height: node.height };
    if (op.zone != null) restore.zone = { zoneId: node.zoneId ?? null };
    if (op.componentType != null) restore.componentType = node.componentType;
    return restore;
  }

  #restoreZone(op: UpdateZoneOp, zone: DiagramZone): UpdateZoneOp {
    const restore: UpdateZoneOp = { type: "updateZone", opId: this.ids.newOpId(), zoneId: zone.id };
    if (op.label != null) restore.label = zone.label;
    if (op.position != null) restore.position = { x: zone.x, y: zone.y };
    if (op.size != null) restore.size = { width: zone.width, height: zone.height };
    return restore;
  }

  #alias(id: string): string {
    let current = id;
    for (let next = this.#aliases.get(current); next !== undefined; next = this.#aliases.get(current)) current = next;
    return current;
  }

  /**
   * The step's op with ids redirected to re-created elements and a fresh op id, or null when it no longer applies:
   * its element (or a link's endpoint) is gone, usually because the peer deleted it.
   */
  #resolve(op: DiagramOp, view: DiagramDocument): DiagramOp | null {
    const opId = this.ids.newOpId();
    const live = (id: string, kind: "node" | "zone" | "link") => kindOf(view, id) === kind;
    switch (op.type) {
      case "addNode": {
        const zoneId = op.node.zoneId == null ? null : this.#alias(op.node.zoneId);
        return { ...op, opId, node: { ...op.node, zoneId: zoneId !== null && live(zoneId, "zone") ? zoneId : null } };
      }
      case "addZone":
        return { ...op, opId };
      case "addLink": {
        const sourceId = this.#alias(op.link.sourceId);
        const targetId = this.#alias(op.link.targetId);
        return live(sourceId, "node") && live(targetId, "node") ? { ...op, opId, link: { ...op.link, sourceId, targetId } } : null;
      }
      case "updateNode": {
        const nodeId = this.#alias(op.nodeId);
        if (!live(nodeId, "node")) return null;
        const resolved: UpdateNodeOp = { ...op, opId, nodeId };
        if (op.zone?.zoneId != null) {
          const zoneId = this.#alias(op.zone.zoneId);
          // The zone it belonged to is gone (the peer deleted it): the node leaves its current zone instead, as the
          // server would resolve it, so membership matches the restored position.
          resolved.zone = { zoneId: live(zoneId, "zone") ? zoneId : null };
        }
        return resolved;
      }
      case "updateZone": {
        const zoneId = this.#alias(op.zoneId);
        return live(zoneId, "zone") ? { ...op, opId, zoneId } : null;
      }
      case "updateLink": {
        const linkId = this.#alias(op.linkId);
        return live(linkId, "link") ? { ...op, opId, linkId } : null;
      }
      case "delete": {
        const elementId = this.#alias(op.elementId);
        return kindOf(view, elementId) !== null ? { ...op, opId, elementId } : null;
      }
    }
  }
}

function addedId(op: DiagramOp): string | null {
  switch (op.type) {
    case "addNode":
      return op.node.id;
    case "addZone":
      return op.zone.id;
    case "addLink":
      return op.link.id;
    default:
      return null;
  }
}

// What the live session does with diagram ops, minus the database and with a subset of C# DiagramRules: dedupe by op
// id, validate against the current document, give accepted ops the next sequence number, keep the log, apply.
// Only the rules that decide accept-or-reject in the races the client must survive are here; C# tests cover the rest.

import { applyOp, elementCount, emptyDocument, isDeleted, kindOf, type DiagramDocument } from "../diagramDocument";
import { diagramLimits, isValidElementId, NOTE_TYPE, type DiagramOp } from "../diagramTypes";

export type SubmitOutcome =
  | { kind: "accepted"; sequence: number; op: DiagramOp }
  | { kind: "rejected"; opId: string; reason: string }
  | { kind: "alreadyApplied"; opId: string };

export class SimulatedServer {
  document: DiagramDocument = emptyDocument;
  readonly log: DiagramOp[] = [];
  readonly #accepted = new Set<string>();
  /** Accepted ops that arrived after their target was deleted: the races the merge rule is about. */
  opsOnDeletedElements = 0;

  constructor(private readonly vocabulary: ReadonlySet<string>) {}

  get sequence(): number {
    return this.log.length;
  }

  submit(op: DiagramOp): SubmitOutcome {
    if (this.#accepted.has(op.opId)) return { kind: "alreadyApplied", opId: op.opId };
    const reason = this.#validate(op);
    if (reason !== null) return { kind: "rejected", opId: op.opId, reason };

    const target = targetOf(op);
    if (target !== null && isDeleted(this.document, target)) this.opsOnDeletedElements++;
    this.document = applyOp(this.document, op);
    this.log.push(op);
    this.#accepted.add(op.opId);
    return { kind: "accepted", sequence: this.sequence, op };
  }

  /** Accepted ops after `sequence`, for a reconnecting client's catch-up. */
  since(sequence: number): { sequence: number; op: DiagramOp }[] {
    return this.log.slice(sequence).map((op, i) => ({ sequence: sequence + i + 1, op }));
  }

  #validate(op: DiagramOp): string | null {
    const doc = this.document;
    const canAdd = (id: string) =>
      !isValidElementId(id) ? "invalid id"
      : isDeleted(doc, id) ? "deleted id"
      : kindOf(doc, id) !== null ? "duplicate id"
      : elementCount(doc) >= diagramLimits.maxElements ? "too many elements"
      : null;
    const editable = (id: string, kind: "node" | "zone" | "link") =>
      isDeleted(doc, id) || kindOf(doc, id) === kind ? null : "unknown element";
    const labelFits = (label: string | null | undefined, isNote: boolean) =>
      label != null && label.length > (isNote ? diagramLimits.maxNoteLength : diagramLimits.maxLabelLength) ? "label too long" : null;
    const knownType = (type: string) => (type === NOTE_TYPE || this.vocabulary.has(type) ? null : "unknown component type");
    const zoneReference = (zoneId: string | null | undefined) =>
      zoneId == null || isDeleted(doc, zoneId) || kindOf(doc, zoneId) === "zone" ? null : "unknown zone";
    const endpoint = (id: string) => (isDeleted(doc, id) || kindOf(doc, id) === "node" ? null : "invalid link endpoint");

    switch (op.type) {
      case "addNode":
        return (
          canAdd(op.node.id) ??
          knownType(op.node.componentType) ??
          labelFits(op.node.label, op.node.componentType === NOTE_TYPE) ??
          zoneReference(op.node.zoneId)
        );
      case "updateNode": {
        const existing = doc.nodes.get(op.nodeId);
        const isNote = existing ? existing.componentType === NOTE_TYPE : true;
        return (
          editable(op.nodeId, "node") ??
          labelFits(op.label, isNote) ??
          (op.position && !Number.isFinite(op.position.x) ? "invalid coordinate" : null) ??
          zoneReference(op.zone?.zoneId)
        );
      }
      case "addZone":
        return canAdd(op.zone.id) ?? labelFits(op.zone.label, false);
      case "updateZone":
        return editable(op.zoneId, "zone") ?? labelFits(op.label, false);
      case "addLink":
        return op.link.sourceId === op.link.targetId
          ? "self link"
          : (endpoint(op.link.sourceId) ?? endpoint(op.link.targetId) ?? canAdd(op.link.id) ?? labelFits(op.link.label, false));
      case "updateLink":
        return editable(op.linkId, "link") ?? labelFits(op.label, false);
      case "delete":
        return isDeleted(doc, op.elementId) || kindOf(doc, op.elementId) !== null ? null : "unknown element";
    }
  }
}

export function targetOf(op: DiagramOp): string | null {
  switch (op.type) {
    case "updateNode":
      return op.nodeId;
    case "updateZone":
      return op.zoneId;
    case "updateLink":
      return op.linkId;
    case "delete":
      return op.elementId;
    default:
      return null;
  }
}

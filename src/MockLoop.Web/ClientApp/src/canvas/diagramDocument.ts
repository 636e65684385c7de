// The diagram document and the pure function that applies ops to it: a line-by-line mirror of C#
// DiagramDocument (+ .Apply). The merge rule (docs/decisions/012): ops take effect in server order; each property an
// update sets is its own last-writer-wins register; a delete wins over every later edit because the id stays as a
// tombstone. Applying never throws: a pending local op may have been overtaken by someone else's delete, and ops
// arriving from the network are not trusted to be well-formed, so anything that no longer fits is skipped.

import type {
  DiagramElementKind,
  DiagramLink,
  DiagramNode,
  DiagramOp,
  DiagramSnapshot,
  DiagramZone,
  UpdateLinkOp,
  UpdateNodeOp,
  UpdateZoneOp,
} from "./diagramTypes";
import { isValidElementId } from "./diagramTypes";

/**
 * Immutable: applyOp returns a new document, or the same object when the op changes nothing (so React can skip work).
 * Stored elements are normalised (`zoneId`, link `label` and `directed` always present) so documents reached by
 * different paths compare equal.
 */
export interface DiagramDocument {
  readonly nodes: ReadonlyMap<string, DiagramNode>;
  readonly zones: ReadonlyMap<string, DiagramZone>;
  readonly links: ReadonlyMap<string, DiagramLink>;
  /** Ids of deleted elements: never reused, and edits to them are no-ops. */
  readonly deletedIds: ReadonlySet<string>;
}

/** What the canvas draws: a replica's confirmed document with its pending ops on top. */
export type DiagramDocumentView = DiagramDocument;

export const emptyDocument: DiagramDocument = Object.freeze({
  nodes: new Map<string, DiagramNode>(),
  zones: new Map<string, DiagramZone>(),
  links: new Map<string, DiagramLink>(),
  deletedIds: new Set<string>(),
});

export function kindOf(doc: DiagramDocument, id: string | null | undefined): DiagramElementKind | null {
  if (id == null) return null;
  if (doc.nodes.has(id)) return "node";
  if (doc.zones.has(id)) return "zone";
  if (doc.links.has(id)) return "link";
  return null;
}

export const isDeleted = (doc: DiagramDocument, id: string | null | undefined): boolean =>
  id != null && doc.deletedIds.has(id);

/** Live nodes, zones and links together: what DiagramLimits.MaxElements counts. */
export const elementCount = (doc: DiagramDocument): number => doc.nodes.size + doc.zones.size + doc.links.size;

export function applyOp(doc: DiagramDocument, op: DiagramOp | null | undefined): DiagramDocument {
  if (op == null) return doc;
  switch (op.type) {
    case "addNode":
      return op.node == null ? doc : addNode(doc, op.node);
    case "updateNode":
      return updateNode(doc, op);
    case "addZone":
      return op.zone == null ? doc : addZone(doc, op.zone);
    case "updateZone":
      return updateZone(doc, op);
    case "addLink":
      return op.link == null ? doc : addLink(doc, op.link);
    case "updateLink":
      return updateLink(doc, op);
    case "delete":
      return deleteElement(doc, op.elementId);
    default:
      // An op type this client does not know (a newer server): skip it, as C#'s `_ => this` does.
      return doc;
  }
}

export const applyOps = (doc: DiagramDocument, ops: Iterable<DiagramOp>): DiagramDocument => {
  let result = doc;
  for (const op of ops) result = applyOp(result, op);
  return result;
};

const isFree = (doc: DiagramDocument, id: string | null | undefined): boolean =>
  id != null && !isDeleted(doc, id) && kindOf(doc, id) === null;

// A zone that is gone (deleted meanwhile) leaves the node in no zone: the same result as if the zone had been deleted
// after the node joined it, so both orders of a "join zone" / "delete zone" race agree.
const liveZoneOrNone = (doc: DiagramDocument, zoneId: string | null | undefined): string | null =>
  zoneId != null && doc.zones.has(zoneId) ? zoneId : null;

function withNodes(doc: DiagramDocument, nodes: ReadonlyMap<string, DiagramNode>): DiagramDocument {
  return { ...doc, nodes };
}

function setEntry<T>(map: ReadonlyMap<string, T>, id: string, value: T): Map<string, T> {
  const copy = new Map(map);
  copy.set(id, value);
  return copy;
}

function addNode(doc: DiagramDocument, node: DiagramNode): DiagramDocument {
  if (!isFree(doc, node.id)) return doc;
  return withNodes(doc, setEntry(doc.nodes, node.id, normaliseNode(node, liveZoneOrNone(doc, node.zoneId))));
}

function updateNode(doc: DiagramDocument, op: UpdateNodeOp): DiagramDocument {
  const node = op.nodeId == null ? undefined : doc.nodes.get(op.nodeId);
  if (node === undefined) return doc;
  const updated: DiagramNode = {
    id: node.id,
    componentType: op.componentType ?? node.componentType,
    label: op.label ?? node.label,
    x: op.position?.x ?? node.x,
    y: op.position?.y ?? node.y,
    width: op.size?.width ?? node.width,
    height: op.size?.height ?? node.height,
    zoneId: op.zone != null ? liveZoneOrNone(doc, op.zone.zoneId) : (node.zoneId ?? null),
  };
  return withNodes(doc, setEntry(doc.nodes, node.id, updated));
}

function addZone(doc: DiagramDocument, zone: DiagramZone): DiagramDocument {
  if (!isFree(doc, zone.id)) return doc;
  return { ...doc, zones: setEntry(doc.zones, zone.id, normaliseZone(zone)) };
}

function updateZone(doc: DiagramDocument, op: UpdateZoneOp): DiagramDocument {
  const zone = op.zoneId == null ? undefined : doc.zones.get(op.zoneId);
  if (zone === undefined) return doc;
  const updated: DiagramZone = {
    id: zone.id,
    label: op.label ?? zone.label,
    x: op.position?.x ?? zone.x,
    y: op.position?.y ?? zone.y,
    width: op.size?.width ?? zone.width,
    height: op.size?.height ?? zone.height,
  };
  return { ...doc, zones: setEntry(doc.zones, zone.id, updated) };
}

function addLink(doc: DiagramDocument, link: DiagramLink): DiagramDocument {
  const { sourceId, targetId } = link;
  if (!isFree(doc, link.id) || sourceId == null || targetId == null || sourceId === targetId) return doc;

  const isLiveNode = (id: string) => doc.nodes.has(id);
  const isUsable = (id: string) => isLiveNode(id) || isDeleted(doc, id);
  if (!isUsable(sourceId) || !isUsable(targetId)) return doc;

  if (isLiveNode(sourceId) && isLiveNode(targetId)) {
    return { ...doc, links: setEntry(doc.links, link.id, normaliseLink(link)) };
  }

  // An endpoint was deleted first: the link is born deleted, the same end state as "add link, then delete its node"
  // (which removes the link and tombstones its id), so later edits to it are no-ops either way.
  return { ...doc, deletedIds: new Set(doc.deletedIds).add(link.id) };
}

function updateLink(doc: DiagramDocument, op: UpdateLinkOp): DiagramDocument {
  const link = op.linkId == null ? undefined : doc.links.get(op.linkId);
  if (link === undefined) return doc;
  return { ...doc, links: setEntry(doc.links, link.id, { ...link, label: op.label ?? null }) };
}

function deleteElement(doc: DiagramDocument, id: string | null | undefined): DiagramDocument {
  if (id == null) return doc;
  switch (kindOf(doc, id)) {
    case "node": {
      const nodes = new Map(doc.nodes);
      nodes.delete(id);
      const links = new Map(doc.links);
      const deletedIds = new Set(doc.deletedIds).add(id);
      for (const link of doc.links.values()) {
        if (link.sourceId === id || link.targetId === id) {
          links.delete(link.id);
          deletedIds.add(link.id);
        }
      }
      return { nodes, zones: doc.zones, links, deletedIds };
    }
    case "zone": {
      // Members stay where they are on the canvas (coordinates are absolute); they just leave the zone.
      let nodes: Map<string, DiagramNode> | null = null;
      for (const node of doc.nodes.values()) {
        if (node.zoneId === id) {
          nodes ??= new Map(doc.nodes);
          nodes.set(node.id, { ...node, zoneId: null });
        }
      }
      const zones = new Map(doc.zones);
      zones.delete(id);
      return { nodes: nodes ?? doc.nodes, zones, links: doc.links, deletedIds: new Set(doc.deletedIds).add(id) };
    }
    case "link": {
      const links = new Map(doc.links);
      links.delete(id);
      return { ...doc, links, deletedIds: new Set(doc.deletedIds).add(id) };
    }
    default:
      return doc;
  }
}

// Copy only the known fields in the C# property order: extra fields from the network are dropped and the canonical
// JSON of two equal documents is the same string.
function normaliseNode(node: DiagramNode, zoneId: string | null): DiagramNode {
  const { id, componentType, label, x, y, width, height } = node;
  return { id, componentType, label, x, y, width, height, zoneId };
}

function normaliseZone(zone: DiagramZone): DiagramZone {
  const { id, label, x, y, width, height } = zone;
  return { id, label, x, y, width, height };
}

function normaliseLink(link: DiagramLink): DiagramLink {
  return {
    id: link.id,
    sourceId: link.sourceId,
    targetId: link.targetId,
    label: link.label ?? null,
    directed: link.directed ?? true,
  };
}

/** Ordinal, as C#'s StringComparer.Ordinal: both compare UTF-16 code units. */
export const compareOrdinal = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const sortedValues = <T extends { id: string }>(map: ReadonlyMap<string, T>): T[] =>
  [...map.values()].sort((a, b) => compareOrdinal(a.id, b.id));

/** The document as plain lists sorted by id, as the server stores and sends it. */
export function toSnapshot(doc: DiagramDocument): DiagramSnapshot {
  return {
    nodes: sortedValues(doc.nodes),
    zones: sortedValues(doc.zones),
    links: sortedValues(doc.links),
    deletedIds: [...doc.deletedIds].sort(compareOrdinal),
  };
}

/** A stable text form: equal documents give equal strings (C# ToCanonicalJson, up to number formatting). */
export const canonicalJson = (doc: DiagramDocument): string => JSON.stringify(toSnapshot(doc));

/** Rebuilds a document from a snapshot, refusing one whose references or ids do not hold together (as C# does). */
export function fromSnapshot(snapshot: DiagramSnapshot): DiagramDocument {
  const seen = new Set<string>();
  const claim = (id: string | null | undefined) => {
    if (!isValidElementId(id) || seen.has(id)) {
      throw new Error(`The snapshot has a missing, malformed or repeated id '${String(id)}'.`);
    }
    seen.add(id);
  };

  const zones = new Map<string, DiagramZone>();
  for (const zone of snapshot.zones ?? []) {
    claim(zone.id);
    zones.set(zone.id, normaliseZone(zone));
  }

  const nodes = new Map<string, DiagramNode>();
  for (const node of snapshot.nodes ?? []) {
    claim(node.id);
    const zoneId = node.zoneId ?? null;
    if (zoneId !== null && !zones.has(zoneId)) {
      throw new Error(`Node '${node.id}' is in zone '${zoneId}', which is not in the snapshot.`);
    }
    nodes.set(node.id, normaliseNode(node, zoneId));
  }

  const links = new Map<string, DiagramLink>();
  for (const link of snapshot.links ?? []) {
    claim(link.id);
    if (link.sourceId == null || link.targetId == null || !nodes.has(link.sourceId) || !nodes.has(link.targetId)) {
      throw new Error(`Link '${link.id}' does not join two nodes of the snapshot.`);
    }
    links.set(link.id, normaliseLink(link));
  }

  const deletedIds = new Set<string>();
  for (const id of snapshot.deletedIds ?? []) {
    claim(id);
    deletedIds.add(id);
  }

  return { nodes, zones, links, deletedIds };
}

// What each canvas gesture sends: pure functions from the current view to the ops of one gesture (one undo step).
// Zone membership follows the rule "a node belongs to the zone its centre lies in", applied whenever a gesture moves
// or resizes something; coordinates stay absolute (C# DiagramNode), so a zone carries its members by moving them too.

import { elementCount, kindOf, type DiagramDocument } from "./diagramDocument";
import {
  diagramLimits,
  NOTE_TYPE,
  type DiagramLink,
  type DiagramNode,
  type DiagramOp,
  type DiagramZone,
  type UpdateNodeOp,
} from "./diagramTypes";
import type { Box, Point } from "./linkGeometry";

export interface IdSource {
  newId(prefix: "n" | "z" | "l"): string;
  newOpId(): string;
}

/** What the palette can put on the canvas. */
export type PaletteTool =
  | { kind: "component"; componentType: string; label: string }
  | { kind: "note" }
  | { kind: "zone" };

export const defaultSizes = {
  component: { width: 200, height: 60 },
  note: { width: 208, height: 120 },
  zone: { width: 560, height: 340 },
} as const;

export const minSizes = {
  component: { width: 128, height: 48 },
  note: { width: 96, height: 56 },
  zone: { width: 200, height: 120 },
} as const;

/** Either the ops of a gesture or a sentence saying why it cannot be done. */
export type Plan = { ops: DiagramOp[]; createdId?: string } | { problem: string };

export const boxCenter = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });

export const boxContains = (box: Box, point: Point): boolean =>
  point.x >= box.x && point.x <= box.x + box.width && point.y >= box.y && point.y <= box.y + box.height;

/** The zone a point lies in; where zones overlap, the smallest one (the one drawn on top). */
export function zoneAt(zones: Iterable<DiagramZone>, point: Point): string | null {
  let best: DiagramZone | null = null;
  for (const zone of zones) {
    if (boxContains(zone, point) && (best === null || zone.width * zone.height < best.width * best.height)) best = zone;
  }
  return best?.id ?? null;
}

/** Null when another element may be added; otherwise what to tell the person. */
export function capacityProblem(view: DiagramDocument, adding = 1): string | null {
  if (elementCount(view) + adding > diagramLimits.maxElements) {
    return `The diagram has reached its limit of ${diagramLimits.maxElements} elements. Delete something to add more.`;
  }
  if (elementCount(view) + view.deletedIds.size + adding > diagramLimits.maxCreatedElements) {
    return `This diagram has had ${diagramLimits.maxCreatedElements.toLocaleString("en")} elements created, the most one diagram may have.`;
  }
  return null;
}

export const labelLimitFor = (componentType: string | null): number =>
  componentType === NOTE_TYPE ? diagramLimits.maxNoteLength : diagramLimits.maxLabelLength;

/** Moves a new element's top-left corner along a diagonal until it no longer sits exactly on another one. */
function freeSpot(view: DiagramDocument, topLeft: Point): Point {
  const taken = (p: Point) =>
    [...view.nodes.values(), ...view.zones.values()].some((e) => Math.abs(e.x - p.x) < 6 && Math.abs(e.y - p.y) < 6);
  let spot = topLeft;
  for (let i = 0; i < 50 && taken(spot); i++) spot = { x: spot.x + 24, y: spot.y + 24 };
  return spot;
}

/** Adds a component, note or zone centred on `center`. A new zone takes in the free nodes it is dropped over. */
export function planAdd(view: DiagramDocument, ids: IdSource, tool: PaletteTool, center: Point): Plan {
  const problem = capacityProblem(view);
  if (problem) return { problem };
  const size = defaultSizes[tool.kind];
  const { x, y } = freeSpot(view, { x: Math.round(center.x - size.width / 2), y: Math.round(center.y - size.height / 2) });

  if (tool.kind === "zone") {
    const zone: DiagramZone = { id: ids.newId("z"), label: "New zone", x, y, ...size };
    const adopt = [...view.nodes.values()]
      .filter((n) => (n.zoneId ?? null) === null && boxContains(zone, boxCenter(n)))
      .map<DiagramOp>((n) => ({ type: "updateNode", opId: ids.newOpId(), nodeId: n.id, zone: { zoneId: zone.id } }));
    return { ops: [{ type: "addZone", opId: ids.newOpId(), zone }, ...adopt], createdId: zone.id };
  }

  const node: DiagramNode = {
    id: ids.newId("n"),
    componentType: tool.kind === "note" ? NOTE_TYPE : tool.componentType,
    label: tool.kind === "note" ? "" : tool.label.slice(0, diagramLimits.maxLabelLength),
    x,
    y,
    ...size,
    zoneId: zoneAt(view.zones.values(), boxCenter({ x, y, ...size })),
  };
  return { ops: [{ type: "addNode", opId: ids.newOpId(), node }], createdId: node.id };
}

/**
 * The end of a drag (or a keyboard nudge): one op per element that moved. A moved zone carries its members along; a
 * moved node joins the zone its centre ends up in (or leaves its zone), in the same op as its position.
 */
export function planMove(view: DiagramDocument, ids: IdSource, moved: ReadonlyMap<string, Point>): DiagramOp[] {
  const ops: DiagramOp[] = [];
  const finalZones = [...view.zones.values()].map((z) => {
    const to = moved.get(z.id);
    return to ? { ...z, x: to.x, y: to.y } : z;
  });

  for (const [id, to] of moved) {
    const zone = view.zones.get(id);
    if (!zone) continue;
    const dx = Math.round(to.x) - zone.x;
    const dy = Math.round(to.y) - zone.y;
    if (dx === 0 && dy === 0) continue;
    ops.push({ type: "updateZone", opId: ids.newOpId(), zoneId: id, position: { x: zone.x + dx, y: zone.y + dy } });
    for (const member of view.nodes.values()) {
      if (member.zoneId === id && !moved.has(member.id)) {
        ops.push({ type: "updateNode", opId: ids.newOpId(), nodeId: member.id, position: { x: member.x + dx, y: member.y + dy } });
      }
    }
  }

  for (const [id, to] of moved) {
    const node = view.nodes.get(id);
    if (!node) continue;
    const position = { x: Math.round(to.x), y: Math.round(to.y) };
    const op: UpdateNodeOp = { type: "updateNode", opId: ids.newOpId(), nodeId: id };
    if (position.x !== node.x || position.y !== node.y) op.position = position;
    const zoneId = zoneAt(finalZones, boxCenter({ ...node, ...position }));
    if (zoneId !== (node.zoneId ?? null)) op.zone = { zoneId };
    if (op.position || op.zone) ops.push(op);
  }
  return ops;
}

/** The end of a resize. A resized node may change zone; a resized zone takes in or lets go of the nodes it now covers. */
export function planResize(view: DiagramDocument, ids: IdSource, id: string, box: Box): DiagramOp[] {
  const rounded = { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
  const node = view.nodes.get(id);
  if (node) {
    const op: UpdateNodeOp = { type: "updateNode", opId: ids.newOpId(), nodeId: id };
    if (rounded.x !== node.x || rounded.y !== node.y) op.position = { x: rounded.x, y: rounded.y };
    if (rounded.width !== node.width || rounded.height !== node.height) op.size = { width: rounded.width, height: rounded.height };
    const zoneId = zoneAt(view.zones.values(), boxCenter(rounded));
    if (zoneId !== (node.zoneId ?? null)) op.zone = { zoneId };
    return op.position || op.size || op.zone ? [op] : [];
  }

  const zone = view.zones.get(id);
  if (!zone) return [];
  const ops: DiagramOp[] = [];
  const sameSpot = rounded.x === zone.x && rounded.y === zone.y;
  const sameSize = rounded.width === zone.width && rounded.height === zone.height;
  if (sameSpot && sameSize) return [];
  ops.push({
    type: "updateZone",
    opId: ids.newOpId(),
    zoneId: id,
    ...(sameSpot ? {} : { position: { x: rounded.x, y: rounded.y } }),
    ...(sameSize ? {} : { size: { width: rounded.width, height: rounded.height } }),
  });
  const resized = [...view.zones.values()].map((z) => (z.id === id ? { ...z, ...rounded } : z));
  for (const n of view.nodes.values()) {
    const was = n.zoneId ?? null;
    if (was !== null && was !== id) continue;
    const now = zoneAt(resized, boxCenter(n));
    if (now !== was) ops.push({ type: "updateNode", opId: ids.newOpId(), nodeId: n.id, zone: { zoneId: now } });
  }
  return ops;
}

/** Deletes what is selected: links first, then nodes (taking their links), then zones (releasing their nodes). */
export function planDelete(view: DiagramDocument, ids: IdSource, selected: Iterable<string>): DiagramOp[] {
  const live = [...new Set(selected)].filter((id) => kindOf(view, id) !== null);
  const rank = { link: 0, node: 1, zone: 2 } as const;
  return live
    .sort((a, b) => rank[kindOf(view, a) ?? "link"] - rank[kindOf(view, b) ?? "link"])
    .map((elementId) => ({ type: "delete", opId: ids.newOpId(), elementId }));
}

/**
 * Renames a node, zone or link. Components and zones need a name, so clearing one keeps the old name; clearing a link
 * label removes it; a note may be empty. Text over the limit is cut to it (the editor stops typing there anyway).
 */
export function planRename(view: DiagramDocument, ids: IdSource, id: string, text: string): DiagramOp[] {
  const node = view.nodes.get(id);
  if (node) {
    const isNote = node.componentType === NOTE_TYPE;
    const label = (isNote ? text.replace(/\s+$/, "") : text.trim()).slice(0, labelLimitFor(node.componentType));
    if (label === node.label || (!isNote && label === "")) return [];
    return [{ type: "updateNode", opId: ids.newOpId(), nodeId: id, label }];
  }
  const zone = view.zones.get(id);
  if (zone) {
    const label = text.trim().slice(0, diagramLimits.maxLabelLength);
    return label === zone.label || label === "" ? [] : [{ type: "updateZone", opId: ids.newOpId(), zoneId: id, label }];
  }
  const link = view.links.get(id);
  if (link) {
    const trimmed = text.trim().slice(0, diagramLimits.maxLabelLength);
    const label = trimmed === "" ? null : trimmed;
    return label === (link.label ?? null) ? [] : [{ type: "updateLink", opId: ids.newOpId(), linkId: id, label }];
  }
  return [];
}

/** A directed link from one node to another, unless it would be pointless or over the limit. */
export function planLink(view: DiagramDocument, ids: IdSource, sourceId: string, targetId: string): Plan {
  if (sourceId === targetId) return { problem: "A link needs two different nodes." };
  if (!view.nodes.has(sourceId) || !view.nodes.has(targetId)) return { problem: "Links join components and notes, not zones." };
  const exists = [...view.links.values()].some((l) => l.sourceId === sourceId && l.targetId === targetId);
  if (exists) return { problem: "These two nodes are already linked in this direction." };
  const problem = capacityProblem(view);
  if (problem) return { problem };
  const link: DiagramLink = { id: ids.newId("l"), sourceId, targetId, label: null, directed: true };
  return { ops: [{ type: "addLink", opId: ids.newOpId(), link }], createdId: link.id };
}

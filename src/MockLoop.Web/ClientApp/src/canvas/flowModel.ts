// Turns the diagram view into React Flow nodes and edges. React Flow keeps things of its own on each node (measured
// size, whether it is being dragged or resized), so nodes are merged into the previous array rather than rebuilt: a
// node mid-drag or mid-resize keeps its local geometry until the gesture ends, and a node whose inputs did not change
// keeps its object so React Flow can skip it.

import type { Edge, Node } from "@xyflow/react";
import type { DiagramDocument } from "./diagramDocument";
import { NOTE_TYPE, type ComponentType, type DiagramNode } from "./diagramTypes";
import { glyphFor, type Glyph } from "./icons";
import type { Point } from "./linkGeometry";
import { describeType } from "./vocabulary";

export interface ComponentNodeData extends Record<string, unknown> {
  label: string;
  /** The vocabulary's name for the type, e.g. "Feature store". */
  typeTitle: string;
  description: string;
  color: string;
  soft: string;
  glyph: Glyph;
  peerDragging: boolean;
}

export interface NoteNodeData extends Record<string, unknown> {
  label: string;
  peerDragging: boolean;
}

export interface ZoneNodeData extends Record<string, unknown> {
  label: string;
  memberCount: number;
  /** A node being dragged would join this zone if dropped now. */
  dropTarget: boolean;
  peerDragging: boolean;
}

export type ComponentFlowNode = Node<ComponentNodeData, "component">;
export type NoteFlowNode = Node<NoteNodeData, "note">;
export type ZoneFlowNode = Node<ZoneNodeData, "zone">;
export type DiagramFlowNode = ComponentFlowNode | NoteFlowNode | ZoneFlowNode;

export interface LinkEdgeData extends Record<string, unknown> {
  label: string | null;
  directed: boolean;
}

export type LinkFlowEdge = Edge<LinkEdgeData, "link">;

export interface FlowOverlays {
  selected: ReadonlySet<string>;
  /** Live positions of elements the peer is dragging (a zone's members follow it). */
  peerDrags: Readonly<Record<string, Point>>;
  /** Offsets of zone members carried along by a zone this person is dragging. */
  carried: ReadonlyMap<string, Point>;
  dropZoneId: string | null;
  readOnly: boolean;
}

/** Zones sit under links and nodes. */
const ZONE_Z = -1;

export function syncFlowNodes(
  previous: readonly DiagramFlowNode[],
  view: DiagramDocument,
  components: readonly ComponentType[],
  overlays: FlowOverlays,
): DiagramFlowNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  const next: DiagramFlowNode[] = [];
  const members = new Map<string, number>();
  for (const node of view.nodes.values()) {
    if (node.zoneId != null) members.set(node.zoneId, (members.get(node.zoneId) ?? 0) + 1);
  }

  for (const zone of view.zones.values()) {
    const peer = overlays.peerDrags[zone.id];
    const candidate: ZoneFlowNode = {
      id: zone.id,
      type: "zone",
      position: peer ?? { x: zone.x, y: zone.y },
      width: zone.width,
      height: zone.height,
      zIndex: ZONE_Z,
      dragHandle: ".dc-zone-header",
      ariaLabel: `Zone ${zone.label}`,
      selected: overlays.selected.has(zone.id),
      draggable: !overlays.readOnly,
      data: { label: zone.label, memberCount: members.get(zone.id) ?? 0, dropTarget: overlays.dropZoneId === zone.id, peerDragging: peer !== undefined },
    };
    next.push(merge(before.get(zone.id), candidate));
  }

  for (const node of view.nodes.values()) {
    const { position, peerDragging } = nodePosition(node, view, overlays);
    const common = {
      id: node.id,
      position,
      width: node.width,
      height: node.height,
      selected: overlays.selected.has(node.id),
      draggable: !overlays.readOnly,
    };
    if (node.componentType === NOTE_TYPE) {
      const ariaLabel = `Note: ${node.label || "empty"}`;
      next.push(merge(before.get(node.id), { ...common, ariaLabel, type: "note", data: { label: node.label, peerDragging } }));
    } else {
      const type = describeType(components, node.componentType);
      const description = components.find((c) => c.id === node.componentType)?.description ?? "";
      const data: ComponentNodeData = {
        label: node.label,
        typeTitle: type.title,
        description,
        color: type.style.color,
        soft: type.style.soft,
        glyph: glyphFor(node.componentType, type.category),
        peerDragging,
      };
      const ariaLabel = data.label === type.title ? data.label : `${data.label} (${type.title})`;
      next.push(merge(before.get(node.id), { ...common, ariaLabel, type: "component", data }));
    }
  }
  return next;
}

function nodePosition(node: DiagramNode, view: DiagramDocument, overlays: FlowOverlays): { position: Point; peerDragging: boolean } {
  const own = overlays.peerDrags[node.id];
  if (own) return { position: own, peerDragging: true };
  const carried = overlays.carried.get(node.id);
  if (carried) return { position: { x: node.x + carried.x, y: node.y + carried.y }, peerDragging: false };
  // The peer is dragging this node's zone: the member rides along, as it will once the peer drops the zone.
  const zone = node.zoneId != null ? view.zones.get(node.zoneId) : undefined;
  const zoneDrag = zone ? overlays.peerDrags[zone.id] : undefined;
  if (zone && zoneDrag) {
    return { position: { x: node.x + zoneDrag.x - zone.x, y: node.y + zoneDrag.y - zone.y }, peerDragging: true };
  }
  return { position: { x: node.x, y: node.y }, peerDragging: false };
}

/**
 * Keeps React Flow's own state (measured size, drag and resize in progress) and, while this person is dragging or
 * resizing the node, the local geometry. Returns the previous object when nothing visible changed.
 */
function merge<T extends DiagramFlowNode>(previous: DiagramFlowNode | undefined, candidate: T): T {
  if (!previous || previous.type !== candidate.type) return candidate;
  const merged: T = {
    ...candidate,
    measured: previous.measured,
    dragging: previous.dragging,
    resizing: previous.resizing,
  };
  if (previous.dragging) merged.position = previous.position;
  if (previous.resizing) {
    merged.position = previous.position;
    merged.width = previous.width;
    merged.height = previous.height;
  }
  return sameNode(previous, merged) ? (previous as T) : merged;
}

function sameNode(a: DiagramFlowNode, b: DiagramFlowNode): boolean {
  return (
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.width === b.width &&
    a.height === b.height &&
    a.selected === b.selected &&
    a.draggable === b.draggable &&
    a.dragging === b.dragging &&
    a.resizing === b.resizing &&
    a.measured === b.measured &&
    a.ariaLabel === b.ariaLabel &&
    shallowEqual(a.data, b.data)
  );
}

function shallowEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export function buildFlowEdges(previous: readonly LinkFlowEdge[], view: DiagramDocument, selected: ReadonlySet<string>): LinkFlowEdge[] {
  const before = new Map(previous.map((e) => [e.id, e]));
  const nameOf = (id: string) => view.nodes.get(id)?.label || "a node";
  return [...view.links.values()].map((link) => {
    const old = before.get(link.id);
    const label = link.label ?? null;
    const directed = link.directed ?? true;
    const isSelected = selected.has(link.id);
    const ariaLabel = `Link from ${nameOf(link.sourceId)} to ${nameOf(link.targetId)}${label ? `: ${label}` : ""}`;
    const unchanged =
      old !== undefined &&
      old.source === link.sourceId &&
      old.target === link.targetId &&
      old.selected === isSelected &&
      old.ariaLabel === ariaLabel &&
      old.data?.label === label &&
      old.data?.directed === directed;
    if (unchanged) return old;
    return { id: link.id, type: "link", source: link.sourceId, target: link.targetId, selected: isSelected, ariaLabel, data: { label, directed } };
  });
}

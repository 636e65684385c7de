// Small builders for tests: ops with generated op ids and elements with sensible defaults.

import type {
  AddLinkOp,
  AddNodeOp,
  AddZoneOp,
  DeleteElementOp,
  DiagramLink,
  DiagramNode,
  DiagramZone,
  UpdateLinkOp,
  UpdateNodeOp,
  UpdateZoneOp,
} from "../diagramTypes";

let counter = 0;
const nextOpId = () => `op_t${++counter}`;

export const node = (id: string, overrides: Partial<DiagramNode> = {}): DiagramNode => ({
  id,
  componentType: "feature-store",
  label: id,
  x: 0,
  y: 0,
  width: 180,
  height: 60,
  zoneId: null,
  ...overrides,
});

export const zone = (id: string, overrides: Partial<DiagramZone> = {}): DiagramZone => ({
  id,
  label: id,
  x: -100,
  y: -100,
  width: 800,
  height: 600,
  ...overrides,
});

export const link = (id: string, sourceId: string, targetId: string, overrides: Partial<DiagramLink> = {}): DiagramLink => ({
  id,
  sourceId,
  targetId,
  label: null,
  directed: true,
  ...overrides,
});

export const addNode = (n: DiagramNode): AddNodeOp => ({ type: "addNode", opId: nextOpId(), node: n });
export const addZone = (z: DiagramZone): AddZoneOp => ({ type: "addZone", opId: nextOpId(), zone: z });
export const addLink = (l: DiagramLink): AddLinkOp => ({ type: "addLink", opId: nextOpId(), link: l });
export const del = (elementId: string): DeleteElementOp => ({ type: "delete", opId: nextOpId(), elementId });

export const updateNode = (nodeId: string, changes: Omit<UpdateNodeOp, "type" | "opId" | "nodeId">): UpdateNodeOp => ({
  type: "updateNode",
  opId: nextOpId(),
  nodeId,
  ...changes,
});

export const updateZone = (zoneId: string, changes: Omit<UpdateZoneOp, "type" | "opId" | "zoneId">): UpdateZoneOp => ({
  type: "updateZone",
  opId: nextOpId(),
  zoneId,
  ...changes,
});

export const updateLink = (linkId: string, label: string | null): UpdateLinkOp => ({
  type: "updateLink",
  opId: nextOpId(),
  linkId,
  label,
});

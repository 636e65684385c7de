// The diagram's wire format, mirroring src/MockLoop.Core/Diagrams/*.cs as System.Text.Json writes it with
// DiagramJson.Options: camelCase, a "type" discriminator on ops, and explicit nulls for "leave as is".
// Optional-and-nullable fields accept both what the server sends (null) and what a client may omit (undefined);
// the C# deserializer treats a missing property as null (or, for `directed`, as true).

/** A component from the vocabulary (e.g. "feature-store") or a free-text note. Coordinates are absolute, also inside a zone. */
export interface DiagramNode {
  id: string;
  componentType: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Membership is logical: leaving a zone never moves the node. */
  zoneId?: string | null;
}

/** A labelled group box such as "Offline training". Zones do not nest. */
export interface DiagramZone {
  id: string;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A connection between two nodes, optionally labelled; drawn as an arrow unless `directed` is false. */
export interface DiagramLink {
  id: string;
  sourceId: string;
  targetId: string;
  label?: string | null;
  /** Missing means true, as in the C# record's default. */
  directed?: boolean;
}

/** x and y travel together so two concurrent moves never mix axes. */
export interface DiagramPoint {
  x: number;
  y: number;
}

export interface DiagramSize {
  width: number;
  height: number;
}

/** Wrapped so "leave the zone" (`{ zoneId: null }`) differs from "don't touch the zone" (no `zone` at all). */
export interface ZoneAssignment {
  zoneId: string | null;
}

export interface AddNodeOp {
  type: "addNode";
  opId: string;
  node: DiagramNode;
}

/** Each property set is its own last-writer-wins register; null or missing leaves it as is. */
export interface UpdateNodeOp {
  type: "updateNode";
  opId: string;
  nodeId: string;
  label?: string | null;
  position?: DiagramPoint | null;
  size?: DiagramSize | null;
  zone?: ZoneAssignment | null;
  componentType?: string | null;
}

export interface AddZoneOp {
  type: "addZone";
  opId: string;
  zone: DiagramZone;
}

export interface UpdateZoneOp {
  type: "updateZone";
  opId: string;
  zoneId: string;
  label?: string | null;
  position?: DiagramPoint | null;
  size?: DiagramSize | null;
}

export interface AddLinkOp {
  type: "addLink";
  opId: string;
  link: DiagramLink;
}

/** Sets a link's label; a null (or missing) label removes it. */
export interface UpdateLinkOp {
  type: "updateLink";
  opId: string;
  linkId: string;
  label?: string | null;
}

/** Deletes any element: a node takes its links with it, a zone releases its nodes. */
export interface DeleteElementOp {
  type: "delete";
  opId: string;
  elementId: string;
}

export type DiagramOp = AddNodeOp | UpdateNodeOp | AddZoneOp | UpdateZoneOp | AddLinkOp | UpdateLinkOp | DeleteElementOp;

export type DiagramOpType = DiagramOp["type"];

/** An op the server accepted, stamped with server time (ISO 8601). */
export interface DiagramEvent {
  op: DiagramOp;
  at: string;
}

/** The whole diagram as plain lists sorted by id; deleted ids are kept so late edits to them stay no-ops. */
export interface DiagramSnapshot {
  nodes: DiagramNode[];
  zones: DiagramZone[];
  links: DiagramLink[];
  deletedIds: string[];
}

export type DiagramElementKind = "node" | "zone" | "link";

/** What a replica did with a confirmed op (C# ServerOpOutcome). */
export type ServerOpOutcome = "applied" | "duplicate" | "gap";

/** Why the server rejected an op: a stable code and a sentence for the person. */
export interface DiagramError {
  code: string;
  message: string;
}

/** The stable rejection codes of C# DiagramErrors. */
export const diagramErrorCodes = {
  malformedOp: "diagram.malformed_op",
  invalidId: "diagram.invalid_id",
  duplicateId: "diagram.duplicate_id",
  deletedId: "diagram.deleted_id",
  unknownElement: "diagram.unknown_element",
  wrongKind: "diagram.wrong_kind",
  tooManyElements: "diagram.too_many_elements",
  tooManyCreated: "diagram.too_many_created",
  labelTooLong: "diagram.label_too_long",
  invalidCoordinate: "diagram.invalid_coordinate",
  invalidSize: "diagram.invalid_size",
  unknownComponentType: "diagram.unknown_component_type",
  noteTypeChange: "diagram.note_type_change",
  invalidLinkEndpoint: "diagram.invalid_link_endpoint",
  selfLink: "diagram.self_link",
  emptyUpdate: "diagram.empty_update",
} as const;

/** The defaults of C# DiagramLimits; the server may be configured tighter, and its rejection is what counts. */
export const diagramLimits = {
  maxElements: 500,
  maxCreatedElements: 5_000,
  maxLabelLength: 200,
  maxNoteLength: 2_000,
  maxCoordinate: 1_000_000,
  minSize: 8,
  maxSize: 20_000,
} as const;

/** The component type of free-text notes; always allowed, whatever the vocabulary. */
export const NOTE_TYPE = "note";

/** Element and op ids: 1 to 64 of [A-Za-z0-9_-] (C# ElementId). */
export const ELEMENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const isValidElementId = (id: string | null | undefined): id is string =>
  typeof id === "string" && ELEMENT_ID_PATTERN.test(id);

/** One entry of rubrics/components.json: the shared component vocabulary. */
export interface ComponentType {
  id: string;
  label: string;
  category: string;
  description: string;
  /** The category's colours and name from components.json, when the vocabulary gives them. */
  color?: string;
  soft?: string;
  categoryLabel?: string;
}

import { describe, expect, it } from "vitest";
import { applyOp, applyOps, emptyDocument } from "./diagramDocument";
import { buildFlowEdges, syncFlowNodes, type DiagramFlowNode, type FlowOverlays } from "./flowModel";
import { componentGlyphs } from "./icons";
import { sampleVocabulary } from "./playground/sampleVocabulary";
import { addLink, addNode, addZone, link, node, updateNode, zone } from "./testing/diagramKit";

const view = applyOps(emptyDocument, [
  addZone(zone("z_1", { x: 0, y: 0, width: 600, height: 400 })),
  addNode(node("n_a", { componentType: "ranking-model", label: "Ranker", x: 40, y: 40, zoneId: "z_1" })),
  addNode(node("n_note", { componentType: "note", label: "Budget", x: 800, y: 40 })),
  addLink(link("l_1", "n_a", "n_note", { label: "explains" })),
]);

const overlays = (extra: Partial<FlowOverlays> = {}): FlowOverlays => ({
  selected: new Set(),
  peerDrags: {},
  carried: new Map(),
  dropZoneId: null,
  readOnly: false,
  ...extra,
});

const byId = (nodes: DiagramFlowNode[], id: string) => nodes.find((n) => n.id === id)!;

describe("React Flow nodes from the view", () => {
  it("puts zones first and behind, and gives components their category colour and glyph", () => {
    const nodes = syncFlowNodes([], view, sampleVocabulary, overlays());
    expect(nodes.map((n) => n.type)).toEqual(["zone", "component", "note"]);
    expect(nodes[0]).toMatchObject({ zIndex: -1, dragHandle: ".dc-zone-header", width: 600, height: 400 });
    expect(byId(nodes, "n_a").data).toMatchObject({ typeTitle: "Ranking model", color: "#db2777", glyph: componentGlyphs["ranking-model"] });
    expect(byId(nodes, "z_1").data).toMatchObject({ memberCount: 1 });
  });

  it("keeps the same object for a node whose inputs did not change", () => {
    const first = syncFlowNodes([], view, sampleVocabulary, overlays());
    const next = syncFlowNodes(first, applyOp(view, updateNode("n_note", { label: "Changed" })), sampleVocabulary, overlays());
    expect(byId(next, "n_a")).toBe(byId(first, "n_a"));
    expect(byId(next, "n_note")).not.toBe(byId(first, "n_note"));
  });

  it("keeps React Flow's measurement and a local drag in progress when the view changes underneath", () => {
    const first = syncFlowNodes([], view, sampleVocabulary, overlays());
    const dragging = first.map((n) =>
      n.id === "n_a" ? { ...n, position: { x: 300, y: 300 }, dragging: true, measured: { width: 180, height: 60 } } : n,
    );
    const next = syncFlowNodes(dragging, applyOp(view, updateNode("n_a", { label: "Peer renamed" })), sampleVocabulary, overlays());
    expect(byId(next, "n_a")).toMatchObject({ position: { x: 300, y: 300 }, measured: { width: 180, height: 60 }, data: { label: "Peer renamed" } });
  });

  it("keeps a local resize in progress", () => {
    const first = syncFlowNodes([], view, sampleVocabulary, overlays());
    const resizing = first.map((n) => (n.id === "n_note" ? { ...n, width: 400, height: 300, resizing: true } : n));
    expect(byId(syncFlowNodes(resizing, view, sampleVocabulary, overlays()), "n_note")).toMatchObject({ width: 400, height: 300 });
  });

  it("shows the peer's drag, and moves a zone's members along with the zone the peer drags", () => {
    const nodes = syncFlowNodes([], view, sampleVocabulary, overlays({ peerDrags: { z_1: { x: 100, y: 50 } } }));
    expect(byId(nodes, "z_1")).toMatchObject({ position: { x: 100, y: 50 }, data: { peerDragging: true } });
    expect(byId(nodes, "n_a")).toMatchObject({ position: { x: 140, y: 90 }, data: { peerDragging: true } });
    expect(byId(nodes, "n_note").position).toEqual({ x: 800, y: 40 });
  });

  it("offsets members carried by a zone this person is dragging", () => {
    const nodes = syncFlowNodes([], view, sampleVocabulary, overlays({ carried: new Map([["n_a", { x: 10, y: -5 }]]) }));
    expect(byId(nodes, "n_a").position).toEqual({ x: 50, y: 35 });
  });

  it("marks selection, the zone a drag would drop into, and read-only", () => {
    const nodes = syncFlowNodes([], view, sampleVocabulary, overlays({ selected: new Set(["n_a"]), dropZoneId: "z_1", readOnly: true }));
    expect(byId(nodes, "n_a")).toMatchObject({ selected: true, draggable: false });
    expect(byId(nodes, "z_1").data).toMatchObject({ dropTarget: true });
  });

  it("builds link edges and reuses unchanged ones", () => {
    const first = buildFlowEdges([], view, new Set());
    expect(first).toMatchObject([{ id: "l_1", type: "link", source: "n_a", target: "n_note", data: { label: "explains", directed: true } }]);
    expect(buildFlowEdges(first, view, new Set())[0]).toBe(first[0]);
    expect(buildFlowEdges(first, view, new Set(["l_1"]))[0]).toMatchObject({ selected: true });
  });
});

describe("the vocabulary's glyphs", () => {
  it("gives every component of the shared vocabulary its own glyph", () => {
    const glyphs = sampleVocabulary.map((c) => componentGlyphs[c.id]);
    expect(glyphs.every(Boolean)).toBe(true);
    expect(new Set(glyphs.map((g) => JSON.stringify(g))).size).toBe(sampleVocabulary.length);
    expect(sampleVocabulary.length).toBeGreaterThanOrEqual(20);
  });
});

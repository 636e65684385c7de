import { describe, expect, it } from "vitest";
import { applyOps, emptyDocument } from "./diagramDocument";
import { diagramLimits, type DiagramOp } from "./diagramTypes";
import { planAdd, planDelete, planLink, planMove, planRename, planResize, zoneAt } from "./gestures";
import { addLink, addNode, addZone, link, node, zone } from "./testing/diagramKit";

let n = 0;
const ids = { newId: (prefix: string) => `${prefix}_g${++n}`, newOpId: () => `op_g${++n}` };

// A zone at (0,0) 600×400 holding n_in; n_out outside; a link from n_in to n_out.
const view = applyOps(emptyDocument, [
  addZone(zone("z_1", { x: 0, y: 0, width: 600, height: 400 })),
  addNode(node("n_in", { x: 40, y: 40, width: 200, height: 60, zoneId: "z_1" })),
  addNode(node("n_out", { x: 800, y: 40, width: 200, height: 60 })),
  addLink(link("l_1", "n_in", "n_out")),
]);

const ops = (plan: ReturnType<typeof planAdd>): DiagramOp[] => ("ops" in plan ? plan.ops : []);

describe("gestures", () => {
  it("adds a component centred where it was dropped, inside the zone it lands in", () => {
    const [op] = ops(planAdd(view, ids, { kind: "component", componentType: "ann-index", label: "ANN index" }, { x: 300, y: 200 }));
    expect(op).toMatchObject({ type: "addNode", node: { componentType: "ann-index", label: "ANN index", x: 200, y: 170, zoneId: "z_1" } });
  });

  it("adds an empty note outside any zone", () => {
    const [op] = ops(planAdd(view, ids, { kind: "note" }, { x: 2000, y: 2000 }));
    expect(op).toMatchObject({ type: "addNode", node: { componentType: "note", label: "", zoneId: null } });
  });

  it("steps a new element off an identical spot so repeated keyboard adds do not stack up", () => {
    const tool = { kind: "component", componentType: "cdn", label: "CDN" } as const;
    const first = ops(planAdd(view, ids, tool, { x: 1500, y: 1500 }));
    const second = ops(planAdd(applyOps(view, first), ids, tool, { x: 1500, y: 1500 }));
    expect(second[0]).toMatchObject({ node: { x: 1424, y: 1494 } });
  });

  it("lets a new zone take in the free nodes it is dropped over", () => {
    const plan = ops(planAdd(view, ids, { kind: "zone" }, { x: 900, y: 70 }));
    expect(plan.map((op) => op.type)).toEqual(["addZone", "updateNode"]);
    expect(plan[1]).toMatchObject({ nodeId: "n_out" });
  });

  it("refuses to add beyond the element limit with a sentence for the person", () => {
    const full = applyOps(
      emptyDocument,
      Array.from({ length: diagramLimits.maxElements }, (_, i) => addNode(node(`n_${i}`))),
    );
    const plan = planAdd(full, ids, { kind: "note" }, { x: 0, y: 0 });
    expect(plan).toEqual({ problem: expect.stringMatching(/limit of 500 elements/) });
  });

  it("sends one position op per moved node and sets the zone in the same op", () => {
    const moved = planMove(view, ids, new Map([["n_out", { x: 100.4, y: 250.6 }]]));
    expect(moved).toEqual([{ type: "updateNode", opId: expect.any(String), nodeId: "n_out", position: { x: 100, y: 251 }, zone: { zoneId: "z_1" } }]);
  });

  it("takes a node out of its zone when it is dragged out", () => {
    const [op] = planMove(view, ids, new Map([["n_in", { x: 700, y: 500 }]]));
    expect(op).toMatchObject({ nodeId: "n_in", zone: { zoneId: null } });
  });

  it("carries a zone's members when the zone moves", () => {
    const moved = planMove(view, ids, new Map([["z_1", { x: 10, y: 20 }]]));
    expect(moved).toMatchObject([
      { type: "updateZone", zoneId: "z_1", position: { x: 10, y: 20 } },
      { type: "updateNode", nodeId: "n_in", position: { x: 50, y: 60 } },
    ]);
  });

  it("sends nothing for a drag that ends where it started", () => {
    expect(planMove(view, ids, new Map([["n_in", { x: 40, y: 40 }]]))).toEqual([]);
  });

  it("lets a shrunk zone release the nodes it no longer covers", () => {
    const resized = planResize(view, ids, "z_1", { x: 300, y: 0, width: 300, height: 400 });
    expect(resized).toMatchObject([
      { type: "updateZone", position: { x: 300, y: 0 }, size: { width: 300, height: 400 } },
      { type: "updateNode", nodeId: "n_in", zone: { zoneId: null } },
    ]);
  });

  it("resizes a node with its size and, when dragged by a top or left handle, its position", () => {
    expect(planResize(view, ids, "n_out", { x: 780, y: 40, width: 220, height: 60 })).toMatchObject([
      { nodeId: "n_out", position: { x: 780, y: 40 }, size: { width: 220, height: 60 } },
    ]);
  });

  it("deletes links before nodes and nodes before zones, ignoring what is already gone", () => {
    expect(planDelete(view, ids, ["z_1", "n_in", "l_1", "n_gone"]).map((op) => ("elementId" in op ? op.elementId : ""))).toEqual([
      "l_1",
      "n_in",
      "z_1",
    ]);
  });

  it("keeps a component's name when the new one is blank, and removes a link label when cleared", () => {
    expect(planRename(view, ids, "n_in", "   ")).toEqual([]);
    expect(planRename(view, ids, "n_in", "  Ranker ")).toMatchObject([{ label: "Ranker" }]);
    const labelled = applyOps(view, planRename(view, ids, "l_1", "features"));
    expect(planRename(labelled, ids, "l_1", "")).toMatchObject([{ type: "updateLink", label: null }]);
  });

  it("refuses self links, links to zones and duplicate links", () => {
    expect(planLink(view, ids, "n_in", "n_in")).toHaveProperty("problem");
    expect(planLink(view, ids, "n_in", "z_1")).toHaveProperty("problem");
    expect(planLink(view, ids, "n_in", "n_out")).toHaveProperty("problem");
    expect(planLink(view, ids, "n_out", "n_in")).toMatchObject({ ops: [{ type: "addLink", link: { sourceId: "n_out", targetId: "n_in", directed: true } }] });
  });

  it("picks the smallest zone where zones overlap", () => {
    const zones = [zone("z_big", { x: 0, y: 0, width: 1000, height: 1000 }), zone("z_small", { x: 100, y: 100, width: 100, height: 100 })];
    expect(zoneAt(zones, { x: 150, y: 150 })).toBe("z_small");
    expect(zoneAt(zones, { x: 500, y: 500 })).toBe("z_big");
    expect(zoneAt(zones, { x: 5000, y: 5000 })).toBeNull();
  });
});

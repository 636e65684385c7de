import { describe, expect, it } from "vitest";
import {
  applyOp,
  applyOps,
  canonicalJson,
  elementCount,
  emptyDocument,
  fromSnapshot,
  kindOf,
  toSnapshot,
} from "./diagramDocument";
import type { DiagramOp } from "./diagramTypes";
import { addLink, addNode, addZone, del, link, node, updateLink, updateNode, updateZone, zone } from "./testing/diagramKit";

const build = (...ops: DiagramOp[]) => applyOps(emptyDocument, ops);

describe("applying ops", () => {
  it("adds nodes, zones and links and counts them as live elements", () => {
    const doc = build(addZone(zone("z_1")), addNode(node("n_a")), addNode(node("n_b")), addLink(link("l_1", "n_a", "n_b")));
    expect(elementCount(doc)).toBe(4);
    expect(kindOf(doc, "z_1")).toBe("zone");
    expect(kindOf(doc, "l_1")).toBe("link");
  });

  it("returns the same document when an op changes nothing", () => {
    const doc = build(addNode(node("n_a")));
    expect(applyOp(doc, updateNode("n_missing", { label: "x" }))).toBe(doc);
    expect(applyOp(doc, addNode(node("n_a")))).toBe(doc);
    expect(applyOp(doc, del("n_missing"))).toBe(doc);
  });

  it("never changes the document it was given", () => {
    const doc = build(addNode(node("n_a")), addNode(node("n_b")), addLink(link("l_1", "n_a", "n_b")));
    const before = canonicalJson(doc);
    applyOps(doc, [updateNode("n_a", { label: "changed" }), del("n_a"), addZone(zone("z_1"))]);
    expect(canonicalJson(doc)).toBe(before);
  });

  it("lets an update change only the properties it carries, so a rename and a concurrent move both survive", () => {
    const doc = build(
      addNode(node("n_a", { label: "Ranker", x: 10, y: 20 })),
      updateNode("n_a", { position: { x: 300, y: 400 } }),
      updateNode("n_a", { label: "Ranking model", position: null }),
    );
    expect(doc.nodes.get("n_a")).toMatchObject({ label: "Ranking model", x: 300, y: 400, width: 180, height: 60 });
  });

  it("lets the last writer win per property in apply order", () => {
    const doc = build(
      addNode(node("n_a")),
      updateNode("n_a", { size: { width: 200, height: 80 } }),
      updateNode("n_a", { size: { width: 240, height: 90 } }),
    );
    expect(doc.nodes.get("n_a")).toMatchObject({ width: 240, height: 90 });
  });

  it("treats an empty label as a value, not as 'leave as is'", () => {
    const doc = build(addNode(node("n_a", { componentType: "note", label: "text" })), updateNode("n_a", { label: "" }));
    expect(doc.nodes.get("n_a")?.label).toBe("");
  });

  it("lets a delete win over every later edit to the deleted element", () => {
    const doc = build(
      addNode(node("n_a")),
      del("n_a"),
      updateNode("n_a", { label: "too late" }),
      addNode(node("n_a", { label: "resurrected" })),
    );
    expect(doc.nodes.has("n_a")).toBe(false);
    expect(doc.deletedIds.has("n_a")).toBe(true);
  });

  it("deletes and tombstones a node's links with the node", () => {
    const doc = build(
      addNode(node("n_a")),
      addNode(node("n_b")),
      addNode(node("n_c")),
      addLink(link("l_ab", "n_a", "n_b")),
      addLink(link("l_ca", "n_c", "n_a")),
      addLink(link("l_bc", "n_b", "n_c")),
      del("n_a"),
      updateLink("l_ab", "late label"),
    );
    expect([...doc.links.keys()]).toEqual(["l_bc"]);
    expect([...doc.deletedIds].sort()).toEqual(["l_ab", "l_ca", "n_a"]);
  });

  it("releases a deleted zone's nodes without moving them", () => {
    const doc = build(
      addZone(zone("z_1")),
      addNode(node("n_a", { zoneId: "z_1", x: 40, y: 50 })),
      addNode(node("n_b", { x: 900, y: 900 })),
      del("z_1"),
    );
    expect(doc.nodes.get("n_a")).toMatchObject({ zoneId: null, x: 40, y: 50 });
    expect(doc.zones.size).toBe(0);
    expect(doc.deletedIds.has("z_1")).toBe(true);
  });

  it("leaves a node in no zone when it joins a zone that is already gone, in either order of the race", () => {
    const joinFirst = build(addZone(zone("z_1")), addNode(node("n_a")), updateNode("n_a", { zone: { zoneId: "z_1" } }), del("z_1"));
    const deleteFirst = build(addZone(zone("z_1")), addNode(node("n_a")), del("z_1"), updateNode("n_a", { zone: { zoneId: "z_1" } }));
    expect(deleteFirst.nodes.get("n_a")?.zoneId).toBeNull();
    expect(canonicalJson(deleteFirst)).toBe(canonicalJson(joinFirst));
  });

  it("adds a node into a zone that was deleted first as a node in no zone", () => {
    const doc = build(addZone(zone("z_1")), del("z_1"), addNode(node("n_a", { zoneId: "z_1" })));
    expect(doc.nodes.get("n_a")?.zoneId).toBeNull();
  });

  it("distinguishes leaving a zone from leaving the zone alone", () => {
    const doc = build(addZone(zone("z_1")), addNode(node("n_a", { zoneId: "z_1" })));
    expect(applyOp(doc, updateNode("n_a", { label: "x", zone: null })).nodes.get("n_a")?.zoneId).toBe("z_1");
    expect(applyOp(doc, updateNode("n_a", { zone: { zoneId: null } })).nodes.get("n_a")?.zoneId).toBeNull();
  });

  it("gives a link to a node deleted first the same end state as deleting the node after the link", () => {
    const linkFirst = build(addNode(node("n_a")), addNode(node("n_b")), addLink(link("l_1", "n_a", "n_b")), del("n_b"));
    const deleteFirst = build(addNode(node("n_a")), addNode(node("n_b")), del("n_b"), addLink(link("l_1", "n_a", "n_b")));
    expect(deleteFirst.links.size).toBe(0);
    expect(deleteFirst.deletedIds.has("l_1")).toBe(true);
    expect(canonicalJson(deleteFirst)).toBe(canonicalJson(linkFirst));
  });

  it("ignores links to nothing, to zones and to themselves", () => {
    const doc = build(addZone(zone("z_1")), addNode(node("n_a")));
    expect(applyOp(doc, addLink(link("l_1", "n_a", "n_nowhere")))).toBe(doc);
    expect(applyOp(doc, addLink(link("l_2", "n_a", "z_1")))).toBe(doc);
    expect(applyOp(doc, addLink(link("l_3", "n_a", "n_a")))).toBe(doc);
  });

  it("sets a link label and removes it with null", () => {
    const doc = build(addNode(node("n_a")), addNode(node("n_b")), addLink(link("l_1", "n_a", "n_b")), updateLink("l_1", "features"));
    expect(doc.links.get("l_1")?.label).toBe("features");
    expect(applyOp(doc, updateLink("l_1", null)).links.get("l_1")?.label).toBeNull();
  });

  it("moves and renames zones per property", () => {
    const doc = build(
      addZone(zone("z_1", { label: "Serving" })),
      updateZone("z_1", { position: { x: 5, y: 6 } }),
      updateZone("z_1", { label: "Online serving" }),
    );
    expect(doc.zones.get("z_1")).toMatchObject({ label: "Online serving", x: 5, y: 6, width: 800, height: 600 });
  });

  it("deletes an element only once, and an unknown id not at all", () => {
    const once = build(addNode(node("n_a")), del("n_a"));
    expect(applyOp(once, del("n_a"))).toBe(once);
    expect(applyOp(once, del("n_never")).deletedIds.has("n_never")).toBe(false);
  });

  it("skips malformed ops from the network instead of throwing", () => {
    const doc = build(addNode(node("n_a")));
    const malformed = [
      { type: "addNode", opId: "op_x" },
      { type: "explode", opId: "op_y" },
      { type: "updateNode", opId: "op_z" },
      { type: "addLink", opId: "op_w", link: { id: "l_9" } },
    ] as unknown as DiagramOp[];
    expect(applyOps(doc, malformed)).toBe(doc);
  });

  it("fills in what the C# deserializer defaults: a missing zone, label and direction", () => {
    const doc = applyOps(emptyDocument, [
      { type: "addNode", opId: "op_1", node: { id: "n_a", componentType: "client", label: "App", x: 0, y: 0, width: 10, height: 10 } },
      { type: "addNode", opId: "op_2", node: { id: "n_b", componentType: "cdn", label: "CDN", x: 0, y: 0, width: 10, height: 10 } },
      { type: "addLink", opId: "op_3", link: { id: "l_1", sourceId: "n_a", targetId: "n_b" } },
    ]);
    expect(doc.nodes.get("n_a")?.zoneId).toBeNull();
    expect(doc.links.get("l_1")).toEqual({ id: "l_1", sourceId: "n_a", targetId: "n_b", label: null, directed: true });
  });
});

describe("snapshots", () => {
  const sample = () =>
    build(
      addZone(zone("z_2")),
      addNode(node("n_b", { zoneId: "z_2" })),
      addNode(node("n_a")),
      addNode(node("n_c")),
      addLink(link("l_1", "n_a", "n_b", { label: "reads" })),
      addLink(link("l_2", "n_c", "n_a")),
      del("n_c"),
    );

  it("lists elements and tombstones sorted by id", () => {
    const snapshot = toSnapshot(sample());
    expect(snapshot.nodes.map((n) => n.id)).toEqual(["n_a", "n_b"]);
    expect(snapshot.deletedIds).toEqual(["l_2", "n_c"]);
  });

  it("round-trips through JSON to an equal document that still treats deleted ids as tombstones", () => {
    const doc = sample();
    const restored = fromSnapshot(JSON.parse(JSON.stringify(toSnapshot(doc))));
    expect(canonicalJson(restored)).toBe(canonicalJson(doc));
    expect(applyOp(restored, addNode(node("n_c")))).toBe(restored);
  });

  it("gives equal documents built in different insertion orders the same canonical JSON", () => {
    const one = build(addNode(node("n_a")), addNode(node("n_b")));
    const other = build(addNode(node("n_b")), addNode(node("n_a")));
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it("refuses a snapshot whose references or ids do not hold together", () => {
    const base = toSnapshot(sample());
    expect(() => fromSnapshot({ ...base, zones: [] })).toThrow(/not in the snapshot/);
    expect(() => fromSnapshot({ ...base, links: [link("l_9", "n_a", "n_gone")] })).toThrow(/does not join/);
    expect(() => fromSnapshot({ ...base, deletedIds: ["n_a"] })).toThrow(/repeated/);
    expect(() => fromSnapshot({ ...base, deletedIds: ["bad id!"] })).toThrow(/malformed/);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { applyOp, applyOps, emptyDocument, type DiagramDocument } from "./diagramDocument";
import type { DiagramOp } from "./diagramTypes";
import { addLink, addNode, addZone, del, link, node, updateLink, updateNode, updateZone, zone } from "./testing/diagramKit";
import { UndoStack } from "./undoStack";

/** One person's canvas: their edits are recorded, and the peer's edits change the view without being recorded. */
class Session {
  view: DiagramDocument;
  readonly stack: UndoStack;
  readonly sent: DiagramOp[] = [];

  constructor(initial: DiagramOp[] = []) {
    this.view = applyOps(emptyDocument, initial);
    let id = 0;
    let opId = 0;
    this.stack = new UndoStack({ newId: (prefix) => `${prefix}_u${++id}`, newOpId: () => `op_u${++opId}` });
  }

  edit(...ops: DiagramOp[]) {
    this.stack.record(ops, this.view);
    this.#apply(ops);
  }

  peer(...ops: DiagramOp[]) {
    this.view = applyOps(this.view, ops);
  }

  undo(): DiagramOp[] {
    const ops = this.stack.undo(this.view);
    this.#apply(ops);
    return ops;
  }

  redo(): DiagramOp[] {
    const ops = this.stack.redo(this.view);
    this.#apply(ops);
    return ops;
  }

  #apply(ops: DiagramOp[]) {
    this.sent.push(...ops);
    this.view = applyOps(this.view, ops);
  }
}

const base = [
  addZone(zone("z_1", { label: "Online serving" })),
  addNode(node("n_a", { label: "Ranker", x: 10, y: 10, zoneId: "z_1" })),
  addNode(node("n_b", { label: "Feature store", x: 400, y: 10 })),
  addLink(link("l_ab", "n_a", "n_b", { label: "reads" })),
];

describe("undo and redo of one's own edits", () => {
  let session: Session;
  beforeEach(() => {
    session = new Session(base);
  });

  it("undoes an add by deleting the element", () => {
    session.edit(addNode(node("n_new")));
    expect(session.undo()).toMatchObject([{ type: "delete", elementId: "n_new" }]);
    expect(session.view.nodes.has("n_new")).toBe(false);
  });

  it("redoes an undone add under a new id, because the old id is a tombstone", () => {
    session.edit(addNode(node("n_new", { label: "Cache" })));
    session.undo();
    const [redo] = session.redo();
    expect(redo).toMatchObject({ type: "addNode", node: { label: "Cache" } });
    const recreated = [...session.view.nodes.values()].find((n) => n.label === "Cache");
    expect(recreated?.id).not.toBe("n_new");
  });

  it("restores only the properties an update set, so the peer's concurrent rename survives undoing a move", () => {
    session.edit(updateNode("n_a", { position: { x: 300, y: 300 } }));
    session.peer(updateNode("n_a", { label: "Peer's name" }));
    const [undo] = session.undo();
    expect(undo).toEqual({ type: "updateNode", opId: expect.any(String), nodeId: "n_a", position: { x: 10, y: 10 } });
    expect(session.view.nodes.get("n_a")).toMatchObject({ label: "Peer's name", x: 10, y: 10 });
  });

  it("redoes an undone update", () => {
    session.edit(updateNode("n_a", { label: "Ranking model" }));
    session.undo();
    expect(session.view.nodes.get("n_a")?.label).toBe("Ranker");
    session.redo();
    expect(session.view.nodes.get("n_a")?.label).toBe("Ranking model");
  });

  it("undoes a whole gesture as one step, such as dragging several nodes", () => {
    session.edit(updateNode("n_a", { position: { x: 50, y: 50 } }), updateNode("n_b", { position: { x: 450, y: 50 } }));
    expect(session.undo()).toHaveLength(2);
    expect(session.view.nodes.get("n_a")).toMatchObject({ x: 10, y: 10 });
    expect(session.view.nodes.get("n_b")).toMatchObject({ x: 400, y: 10 });
    expect(session.stack.canUndo).toBe(false);
  });

  it("undoes a node delete by re-creating the node under a new id with its zone and links", () => {
    session.edit(del("n_a"));
    const ops = session.undo();
    expect(ops.map((op) => op.type)).toEqual(["addNode", "addLink"]);
    const recreated = [...session.view.nodes.values()].find((n) => n.label === "Ranker");
    expect(recreated).toMatchObject({ x: 10, y: 10, zoneId: "z_1" });
    expect(recreated?.id).not.toBe("n_a");
    expect([...session.view.links.values()]).toMatchObject([{ sourceId: recreated?.id, targetId: "n_b", label: "reads" }]);
  });

  it("sends older undo steps that named a deleted element to its re-created copy", () => {
    session.edit(updateNode("n_a", { label: "Ranking model" }));
    session.edit(del("n_a"));
    session.undo();
    session.undo();
    const recreated = [...session.view.nodes.values()].find((n) => n.x === 10 && n.zoneId === "z_1");
    expect(recreated?.label).toBe("Ranker");
  });

  it("re-creates every element of a multi-delete and reconnects links between them", () => {
    session.edit(del("l_ab"), del("n_a"), del("n_b"));
    session.undo();
    const byLabel = new Map([...session.view.nodes.values()].map((n) => [n.label, n.id]));
    expect([...session.view.links.values()]).toMatchObject([
      { sourceId: byLabel.get("Ranker"), targetId: byLabel.get("Feature store"), label: "reads" },
    ]);
  });

  it("undoes a zone delete by re-creating the zone and putting its members back in it", () => {
    session.edit(del("z_1"));
    expect(session.view.nodes.get("n_a")?.zoneId).toBeNull();
    session.undo();
    const recreated = [...session.view.zones.values()].find((z) => z.label === "Online serving");
    expect(recreated).toBeDefined();
    expect(session.view.nodes.get("n_a")?.zoneId).toBe(recreated?.id);
  });

  it("undoes a link delete and a label change", () => {
    session.edit(updateLink("l_ab", "features"));
    session.edit(del("l_ab"));
    session.undo();
    session.undo();
    expect([...session.view.links.values()]).toMatchObject([{ sourceId: "n_a", targetId: "n_b", label: "reads" }]);
  });

  it("skips an undo of an edit to an element the peer deleted and undoes the edit before it", () => {
    session.edit(updateZone("z_1", { label: "Serving" }));
    session.edit(updateNode("n_b", { position: { x: 0, y: 500 } }));
    session.peer(del("n_b"));
    const ops = session.undo();
    expect(ops).toMatchObject([{ type: "updateZone", zoneId: "z_1", label: "Online serving" }]);
    expect(session.stack.canUndo).toBe(false);
  });

  it("does nothing when every remaining edit targets elements the peer deleted", () => {
    session.edit(updateNode("n_b", { label: "Online store" }));
    session.peer(del("n_b"));
    expect(session.undo()).toEqual([]);
    expect(session.stack.canRedo).toBe(false);
  });

  it("does not re-create a link whose other end the peer deleted", () => {
    session.edit(del("n_a"));
    session.peer(del("n_b"));
    expect(session.undo().map((op) => op.type)).toEqual(["addNode"]);
    expect(session.view.links.size).toBe(0);
  });

  it("takes a restored node out of its zone when the peer deleted the zone it came from", () => {
    session.edit(updateNode("n_a", { position: { x: 900, y: 900 }, zone: { zoneId: null } }));
    session.peer(del("z_1"), addZone(zone("z_2")), updateNode("n_a", { zone: { zoneId: "z_2" } }));
    session.undo();
    expect(session.view.nodes.get("n_a")).toMatchObject({ x: 10, y: 10, zoneId: null });
  });

  it("records nothing for an edit that changed nothing", () => {
    session.peer(del("n_b"));
    session.edit(updateNode("n_b", { label: "late" }));
    expect(session.stack.canUndo).toBe(false);
  });

  it("forgets the redo history when a new edit is made", () => {
    session.edit(updateNode("n_a", { label: "One" }));
    session.undo();
    expect(session.stack.canRedo).toBe(true);
    session.edit(updateNode("n_a", { label: "Two" }));
    expect(session.stack.canRedo).toBe(false);
  });

  it("gives every op it sends a fresh op id", () => {
    session.edit(updateNode("n_a", { label: "One" }));
    session.undo();
    session.redo();
    session.undo();
    const opIds = session.sent.map((op) => op.opId);
    expect(new Set(opIds).size).toBe(opIds.length);
  });

  it("walks back and forth through a long history to the same documents", () => {
    const start = session.view;
    session.edit(addNode(node("n_c", { label: "Cache" })));
    session.edit(addLink(link("l_bc", "n_b", "n_c")));
    session.edit(updateNode("n_b", { position: { x: 0, y: 0 } }), del("n_a"));
    const end = session.view;
    while (session.undo().length > 0);
    expect(shape(session.view)).toEqual(shape(start));
    while (session.redo().length > 0);
    expect(shape(session.view)).toEqual(shape(end));
  });

  it("applies the ops it returns cleanly on the view it was given", () => {
    session.edit(del("z_1"));
    const before = session.view;
    const ops = session.stack.undo(before);
    expect(applyOp(before, ops[0])).not.toBe(before);
  });
});

/** The document up to ids: labels, geometry, zone and link structure by label. */
function shape(doc: DiagramDocument) {
  const labelOf = (id: string | null | undefined) =>
    id == null ? null : (doc.nodes.get(id)?.label ?? doc.zones.get(id)?.label ?? null);
  return {
    nodes: [...doc.nodes.values()].map((n) => `${n.label}@${n.x},${n.y} in ${labelOf(n.zoneId)}`).sort(),
    zones: [...doc.zones.values()].map((z) => `${z.label}@${z.x},${z.y}`).sort(),
    links: [...doc.links.values()].map((l) => `${labelOf(l.sourceId)}->${labelOf(l.targetId)}:${l.label}`).sort(),
  };
}

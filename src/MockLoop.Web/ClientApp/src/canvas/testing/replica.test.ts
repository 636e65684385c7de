import { describe, expect, it } from "vitest";
import { applyOps, canonicalJson, emptyDocument, toSnapshot } from "../diagramDocument";
import { DiagramReplica } from "./replica";
import { addLink, addNode, del, link, node, updateNode } from "./diagramKit";

describe("the client replica", () => {
  it("shows a local edit at once but keeps it out of the confirmed document until the server confirms it", () => {
    const replica = new DiagramReplica();
    const op = addNode(node("n_a"));
    replica.applyLocal(op);
    expect(replica.view().nodes.has("n_a")).toBe(true);
    expect(replica.confirmed.nodes.has("n_a")).toBe(false);
    expect(replica.pending).toEqual([op]);

    expect(replica.receiveConfirmed(1, op)).toBe("applied");
    expect(replica.pending).toEqual([]);
    expect(replica.lastSequence).toBe(1);
    expect(canonicalJson(replica.view())).toBe(canonicalJson(replica.confirmed));
  });

  it("keeps the same view object when its own oldest op comes back, so nothing redraws", () => {
    const replica = new DiagramReplica();
    const op = addNode(node("n_a"));
    replica.applyLocal(op);
    const view = replica.view();
    replica.receiveConfirmed(1, op);
    expect(replica.view()).toBe(view);
  });

  it("ignores an op it already applied and reports a gap without applying anything", () => {
    const replica = new DiagramReplica();
    const first = addNode(node("n_a"));
    replica.receiveConfirmed(1, first);
    expect(replica.receiveConfirmed(1, first)).toBe("duplicate");
    const before = replica.view();
    expect(replica.receiveConfirmed(3, addNode(node("n_b")))).toBe("gap");
    expect(replica.view()).toBe(before);
    expect(replica.lastSequence).toBe(1);
  });

  it("puts a peer's op under its own pending ops, so the peer's delete wins over an edit still in flight", () => {
    const replica = new DiagramReplica();
    replica.receiveConfirmed(1, addNode(node("n_a", { label: "Ranker" })));
    replica.applyLocal(updateNode("n_a", { label: "Mine" }));
    expect(replica.view().nodes.get("n_a")?.label).toBe("Mine");

    replica.receiveConfirmed(2, del("n_a"));
    expect(replica.view().nodes.has("n_a")).toBe(false);
    expect(replica.pending).toHaveLength(1);
  });

  it("redraws the view on top of a peer's edit to another property", () => {
    const replica = new DiagramReplica();
    replica.receiveConfirmed(1, addNode(node("n_a", { label: "Ranker" })));
    replica.applyLocal(updateNode("n_a", { position: { x: 50, y: 60 } }));
    replica.receiveConfirmed(2, updateNode("n_a", { label: "Peer's name" }));
    expect(replica.view().nodes.get("n_a")).toMatchObject({ label: "Peer's name", x: 50, y: 60 });
  });

  it("drops a rejected op and redraws without it", () => {
    const replica = new DiagramReplica();
    const rejected = addNode(node("n_a"));
    const kept = addNode(node("n_b"));
    replica.applyLocal(rejected);
    replica.applyLocal(kept);
    replica.receiveRejected(rejected.opId);
    expect([...replica.view().nodes.keys()]).toEqual(["n_b"]);
    expect(replica.pending).toEqual([kept]);
  });

  it("takes a snapshot on resync and keeps its pending ops on top", () => {
    const replica = new DiagramReplica();
    replica.applyLocal(addNode(node("n_mine")));
    const server = applyOps(emptyDocument, [addNode(node("n_a")), addNode(node("n_b")), addLink(link("l_1", "n_a", "n_b"))]);
    replica.resync(JSON.parse(JSON.stringify(toSnapshot(server))), 3);
    expect(replica.lastSequence).toBe(3);
    expect([...replica.view().nodes.keys()].sort()).toEqual(["n_a", "n_b", "n_mine"]);
    expect(replica.confirmed.nodes.has("n_mine")).toBe(false);
  });

  it("drops a resent op the server says it had already applied", () => {
    const replica = new DiagramReplica();
    const op = addNode(node("n_a"));
    replica.applyLocal(op);
    replica.resync(toSnapshot(applyOps(emptyDocument, [op])), 1);
    replica.receiveAlreadyApplied(op.opId);
    expect(replica.pending).toEqual([]);
    expect(replica.view().nodes.has("n_a")).toBe(true);
  });

  it("tells subscribers about every change until they unsubscribe", () => {
    const replica = new DiagramReplica();
    let calls = 0;
    const unsubscribe = replica.subscribe(() => calls++);
    replica.applyLocal(addNode(node("n_a")));
    replica.receiveConfirmed(1, addNode(node("n_b")));
    unsubscribe();
    replica.applyLocal(addNode(node("n_c")));
    expect(calls).toBe(2);
  });
});

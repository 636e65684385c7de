// Two browsers editing one diagram through a server, every message in flight on its own FIFO channel, and the order
// of edits, server processing and deliveries chosen by a seeded random. Sometimes a browser drops its connection
// (losing whatever was in flight) and comes back by catch-up or by snapshot, then resends its pending ops.

import { describe, expect, it } from "vitest";
import { applyOps, canonicalJson, toSnapshot, type DiagramDocument } from "./diagramDocument";
import type { DiagramOp } from "./diagramTypes";
import { DiagramReplica } from "./testing/replica";
import { RandomOps, testVocabulary } from "./testing/randomOps";
import { seededRandom, type SeededRandom } from "./testing/seededRandom";
import { SimulatedServer } from "./testing/simulatedServer";

type ServerMessage =
  | { kind: "confirmed"; sequence: number; op: DiagramOp }
  | { kind: "rejected"; opId: string }
  | { kind: "alreadyApplied"; opId: string };

interface Client {
  replica: DiagramReplica;
  ops: RandomOps;
  outbox: DiagramOp[];
  inbox: ServerMessage[];
}

interface Totals {
  rejections: number;
  reconnects: number;
  opsOnDeletedElements: number;
}

function simulate(seed: number, steps: number, withReconnects: boolean): { server: SimulatedServer; clients: Client[]; totals: Totals } {
  const random = seededRandom(seed);
  const server = new SimulatedServer(new Set(testVocabulary));
  const clients: Client[] = ["ana", "ben"].map((name) => ({
    replica: new DiagramReplica(),
    ops: new RandomOps(random, name),
    outbox: [],
    inbox: [],
  }));
  const totals: Totals = { rejections: 0, reconnects: 0, opsOnDeletedElements: 0 };

  const serveNext = (sender: Client) => {
    const op = sender.outbox.shift();
    if (!op) return;
    const outcome = server.submit(op);
    if (outcome.kind === "accepted") {
      for (const client of clients) client.inbox.push({ kind: "confirmed", sequence: outcome.sequence, op: outcome.op });
    } else if (outcome.kind === "rejected") {
      totals.rejections++;
      sender.inbox.push({ kind: "rejected", opId: outcome.opId });
    } else {
      sender.inbox.push({ kind: "alreadyApplied", opId: outcome.opId });
    }
  };

  const deliverNext = (client: Client) => {
    const message = client.inbox.shift();
    if (!message) return;
    if (message.kind === "confirmed") {
      client.ops.saw(message.op);
      expect(client.replica.receiveConfirmed(message.sequence, message.op)).toBe("applied");
    } else if (message.kind === "rejected") {
      client.replica.receiveRejected(message.opId);
    } else {
      client.replica.receiveAlreadyApplied(message.opId);
    }
  };

  const reconnect = (client: Client, random: SeededRandom) => {
    totals.reconnects++;
    const delivered = random.int(client.inbox.length + 1);
    for (let i = 0; i < delivered; i++) deliverNext(client);
    client.inbox.length = 0;
    const reached = random.int(client.outbox.length + 1);
    for (let i = 0; i < reached; i++) serveNext(client);
    // Whatever the server said to this browser while it was away is lost with the connection.
    client.inbox.length = 0;
    client.outbox.length = 0;

    if (random.chance(0.5)) {
      for (const { sequence, op } of server.since(client.replica.lastSequence)) {
        client.ops.saw(op);
        expect(client.replica.receiveConfirmed(sequence, op)).toBe("applied");
      }
    } else {
      client.replica.resync(JSON.parse(JSON.stringify(toSnapshot(server.document))), server.sequence);
    }
    client.outbox.push(...client.replica.pending);
  };

  for (let step = 0; step < steps; step++) {
    const client = random.pick(clients);
    const roll = random.int(100);
    if (roll < 40) {
      const op = client.ops.next(client.replica.view());
      client.ops.saw(op);
      client.replica.applyLocal(op);
      client.outbox.push(op);
    } else if (roll < 68) {
      serveNext(client);
    } else if (roll < 97) {
      deliverNext(client);
    } else if (withReconnects) {
      reconnect(client, random);
    }
    for (const c of clients) assertReplicaInvariants(c.replica, server);
  }

  while (clients.some((c) => c.outbox.length > 0 || c.inbox.length > 0)) {
    for (const client of clients) {
      serveNext(client);
      deliverNext(client);
    }
  }
  totals.opsOnDeletedElements = server.opsOnDeletedElements;
  return { server, clients, totals };
}

function assertReplicaInvariants(replica: DiagramReplica, server: SimulatedServer) {
  const view = replica.view();
  assertConsistent(view);
  // What a browser draws is always its confirmed document with its pending ops on top, never anything else.
  expect(canonicalJson(view)).toBe(canonicalJson(applyOps(replica.confirmed, replica.pending)));
  // A browser with nothing pending that has heard everything the server accepted shows the server's document.
  if (replica.pending.length === 0 && replica.lastSequence === server.sequence) {
    expect(canonicalJson(view)).toBe(canonicalJson(server.document));
  }
}

/** Links join live nodes, nodes sit in live zones, and no live id is a tombstone. */
function assertConsistent(doc: DiagramDocument) {
  const problems: string[] = [];
  for (const link of doc.links.values()) {
    if (!doc.nodes.has(link.sourceId) || !doc.nodes.has(link.targetId)) problems.push(`link ${link.id} dangles`);
  }
  for (const node of doc.nodes.values()) {
    if (node.zoneId != null && !doc.zones.has(node.zoneId)) problems.push(`node ${node.id} is in a missing zone`);
  }
  for (const id of [...doc.nodes.keys(), ...doc.zones.keys(), ...doc.links.keys()]) {
    if (doc.deletedIds.has(id)) problems.push(`${id} is both live and deleted`);
  }
  expect(problems).toEqual([]);
}

describe("convergence of two replicas and the server", () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))("converges with deletes racing edits (seed %i)", (seed) => {
    const { server, clients } = simulate(seed, 300, false);
    for (const client of clients) {
      expect(client.replica.pending).toEqual([]);
      expect(client.replica.lastSequence).toBe(server.sequence);
      expect(canonicalJson(client.replica.view())).toBe(canonicalJson(server.document));
    }
  });

  it.each(Array.from({ length: 40 }, (_, i) => 1000 + i))("converges through dropped connections, catch-ups and snapshot resyncs (seed %i)", (seed) => {
    const { server, clients } = simulate(seed, 300, true);
    for (const client of clients) {
      expect(client.replica.pending).toEqual([]);
      expect(canonicalJson(client.replica.view())).toBe(canonicalJson(server.document));
    }
  });

  it("actually exercises the races it claims to: edits on deleted elements, rejections and reconnects", () => {
    const totals = { rejections: 0, reconnects: 0, opsOnDeletedElements: 0, deleted: 0 };
    for (let seed = 1; seed <= 20; seed++) {
      const run = simulate(seed, 300, true);
      totals.rejections += run.totals.rejections;
      totals.reconnects += run.totals.reconnects;
      totals.opsOnDeletedElements += run.totals.opsOnDeletedElements;
      totals.deleted += run.server.document.deletedIds.size;
    }
    expect(totals.opsOnDeletedElements).toBeGreaterThan(20);
    expect(totals.rejections).toBeGreaterThan(10);
    expect(totals.reconnects).toBeGreaterThan(10);
    expect(totals.deleted).toBeGreaterThan(100);
  });
});

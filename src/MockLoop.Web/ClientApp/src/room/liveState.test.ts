import { describe, expect, it } from "vitest";
import { addPending, applyEvent, applySync, dropPending, initialLive } from "./liveState";
import type { SyncResult, TimerView } from "./liveTypes";

const timer = { status: "notStarted", serverNow: "2026-11-21T10:00:00Z", steps: [] } as unknown as TimerView;
const snapshot: SyncResult = {
  seq: 2,
  snapshot: {
    status: "Ready",
    chat: [{ seq: 2, authorId: "u", authorName: "U", text: "hi", at: "2026-11-21T10:00:00Z" }],
    notes: null,
    case: null,
    rubric: { id: "r", version: 1, title: "R", steps: [] },
    scores: null,
    selfScores: null,
    preview: null,
    scorecard: null,
    diagram: { nodes: [], zones: [], links: [], deletedIds: [] },
    componentTypes: ["client"],
  },
  events: null,
  timer,
  serverNow: "2026-11-21T10:00:00Z",
};

describe("live state", () => {
  it("loads a snapshot", () => {
    const s = applySync(initialLive, snapshot, Date.parse("2026-11-21T10:00:00Z"));
    expect(s.loaded).toBe(true);
    expect(s.seq).toBe(2);
    expect(s.chat).toHaveLength(1);
    expect(s.clockOffsetMs).toBe(0);
  });

  it("applies the next entry once and ignores a duplicate", () => {
    let s = applySync(initialLive, snapshot, 0);
    const entry = { seq: 3, kind: "chat", at: "", chat: { seq: 3, authorId: "v", authorName: "V", text: "yo", at: "" } };
    s = applyEvent(s, entry, 0);
    s = applyEvent(s, entry, 0);
    expect(s.chat.map((m) => m.text)).toEqual(["hi", "yo"]);
    expect(s.seq).toBe(3);
  });

  it("asks for a sync when an entry arrives past a gap", () => {
    const s = applyEvent(applySync(initialLive, snapshot, 0), { seq: 5, kind: "chat", at: "" }, 0);
    expect(s.needsSync).toBe(true);
    expect(s.seq).toBe(2);
  });

  it("moves past private entries without revealing anything", () => {
    const s = applyEvent(applySync(initialLive, snapshot, 0), { seq: 3, kind: "private", at: "" }, 0);
    expect(s.seq).toBe(3);
    expect(s.notes).toEqual({});
  });

  it("keeps the interviewer's scores with the running preview, and reveals all on submission", () => {
    let s = applySync(initialLive, snapshot, 0);
    s = applyEvent(s, { seq: 3, kind: "score", at: "", score: { stepId: "a", criterionId: "x", level: 3, note: null },
      preview: { overall: 3, steps: [] } }, 0);
    expect(s.scores["a/x"].level).toBe(3);
    expect(s.preview?.overall).toBe(3);

    const candidate = applyEvent(applySync(initialLive, snapshot, 0), { seq: 3, kind: "private", at: "" }, 0);
    expect(candidate.scores).toEqual({});
    const revealed = applyEvent(candidate, {
      seq: 4, kind: "scorecard", at: "",
      scores: [{ stepId: "a", criterionId: "x", level: 3, note: "good" }],
      scorecard: { targetLevel: "Senior", strengths: "s", improvements: "i", nextStep: "n", submittedAt: "",
        result: { overall: 3, steps: [] }, verdict: { level: "Senior", outcome: "Meets", overall: 3, requiredOverall: 3, stepsBelowBar: [] } },
    }, 0);
    expect(revealed.scores["a/x"].note).toBe("good");
    expect(revealed.scorecard?.verdict.outcome).toBe("Meets");
  });

  it("catches up from missed entries without a snapshot", () => {
    const loaded = applySync(initialLive, snapshot, 0);
    const caughtUp = applySync(loaded, {
      seq: 4, snapshot: null, timer, serverNow: "2026-11-21T10:00:00Z",
      events: [
        { seq: 3, kind: "note", at: "", note: { stepId: "x", text: "n", at: "" } },
        { seq: 4, kind: "chat", at: "", chat: { seq: 4, authorId: "v", authorName: "V", text: "back", at: "" } },
      ],
    }, 0);
    expect(caughtUp.seq).toBe(4);
    expect(caughtUp.notes.x.text).toBe("n");
    expect(caughtUp.chat.map((m) => m.text)).toEqual(["hi", "back"]);
  });
});

describe("diagram in the live state", () => {
  const addNode = (opId: string, id: string) => ({
    type: "addNode" as const, opId,
    node: { id, componentType: "client", label: id, x: 0, y: 0, width: 100, height: 50, zoneId: null },
  });

  it("keeps our op pending until the log brings it back, then confirms it", () => {
    let s = addPending(applySync(initialLive, snapshot, 0), addNode("op-1", "n_a"));
    expect(s.pending).toHaveLength(1);
    expect(s.diagram.nodes.size).toBe(0);
    s = applyEvent(s, { seq: 3, kind: "diagram", at: "", clientId: "op-1", op: addNode("op-1", "n_a") }, 0);
    expect(s.pending).toHaveLength(0);
    expect(s.diagram.nodes.has("n_a")).toBe(true);
  });

  it("applies the peer's ops and keeps ours pending across a snapshot resync", () => {
    let s = addPending(applySync(initialLive, snapshot, 0), addNode("mine", "n_m"));
    s = applyEvent(s, { seq: 3, kind: "diagram", at: "", clientId: "theirs", op: addNode("theirs", "n_t") }, 0);
    expect(s.diagram.nodes.has("n_t")).toBe(true);
    expect(s.pending.map((p) => p.opId)).toEqual(["mine"]);
    s = applySync(s, { ...snapshot, seq: 9 }, 0);
    expect(s.pending.map((p) => p.opId)).toEqual(["mine"]);
    expect(s.diagram.nodes.size).toBe(0);
  });

  it("drops an op the server refused", () => {
    const s = dropPending(addPending(applySync(initialLive, snapshot, 0), addNode("bad", "n_b")), "bad");
    expect(s.pending).toEqual([]);
  });
  it("keeps the red flags a redflag entry carries, and the ones a snapshot brings", () => {
    let s = applySync(initialLive, snapshot, 0);
    expect(s.redFlags).toEqual([]);
    const flag = { stepId: "evaluation", flagId: "accuracy-on-rare-positives", description: "Accuracy at 0.1 % positives." };
    s = applyEvent(s, { seq: 3, kind: "redflag", at: "", redFlags: [flag] }, 0);
    expect(s.redFlags).toEqual([flag]);
    s = applyEvent(s, { seq: 4, kind: "redflag", at: "", redFlags: [] }, 0);
    expect(s.redFlags).toEqual([]);
    const withFlags = { ...snapshot, snapshot: { ...snapshot.snapshot!, redFlags: [flag] } };
    expect(applySync(initialLive, withFlags, 0).redFlags).toEqual([flag]);
  });
});

describe("older chat", () => {
  it("goes before the messages we have and keeps whether there is older still", async () => {
    const { prependChat, initialLive } = await import("./liveState");
    const message = (seq: number) => ({ seq, authorId: "a", authorName: "Ann", text: `m${seq}`, at: "2026-11-30T12:00:00Z" });
    const state = { ...initialLive, chat: [message(10), message(11)], olderChat: true };

    const next = prependChat(state, [message(8), message(9), message(10)], false);

    expect(next.chat.map((m) => m.seq)).toEqual([8, 9, 10, 11]);
    expect(next.olderChat).toBe(false);
  });
});

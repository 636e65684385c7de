import { describe, expect, it } from "vitest";
import { applyPresence, applyRoomState, emptyRoom, markPeersUnknown, partnerOf, type ParticipantView } from "./roomState";

const alice: ParticipantView = { userId: "a", displayName: "Alice", role: "Candidate", online: true };
const bob: ParticipantView = { userId: "b", displayName: "Bob", role: "Interviewer", online: false };

describe("room state", () => {
  it("orders participants interviewer first", () => {
    const state = applyRoomState(emptyRoom("s"), { sessionId: "s", myUserId: "a", myRole: "Candidate", participants: [alice, bob] });
    expect(state.participants.map((p) => p.displayName)).toEqual(["Bob", "Alice"]);
    expect(state.loaded).toBe(true);
  });

  it("turns the partner online when presence says so", () => {
    const state = applyRoomState(emptyRoom("s"), { sessionId: "s", myUserId: "a", myRole: "Candidate", participants: [alice, bob] });
    const next = applyPresence(state, { participant: { ...bob, online: true } });
    expect(partnerOf(next)?.online).toBe(true);
  });

  it("adds a partner who joined after me", () => {
    const state = applyRoomState(emptyRoom("s"), { sessionId: "s", myUserId: "a", myRole: "Candidate", participants: [alice] });
    expect(partnerOf(state)).toBeUndefined();
    const next = applyPresence(state, { participant: { ...bob, online: true } });
    expect(partnerOf(next)?.displayName).toBe("Bob");
  });

  it("keeps the known name when an offline notice carries none", () => {
    const state = applyRoomState(emptyRoom("s"), { sessionId: "s", myUserId: "a", myRole: "Candidate", participants: [alice, { ...bob, online: true }] });
    const next = applyPresence(state, { participant: { ...bob, displayName: "", online: false } });
    expect(partnerOf(next)).toMatchObject({ displayName: "Bob", online: false });
  });

  it("stops claiming the partner is online once our own connection is lost", () => {
    const state = applyRoomState(emptyRoom("s"), { sessionId: "s", myUserId: "a", myRole: "Candidate", participants: [alice, { ...bob, online: true }] });
    const lost = markPeersUnknown(state);
    expect(partnerOf(lost)?.online).toBe(false);
    expect(lost.participants.find((p) => p.userId === "a")?.online).toBe(true);
  });
});

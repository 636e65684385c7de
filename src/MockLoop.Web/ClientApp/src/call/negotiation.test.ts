import { describe, expect, it } from "vitest";
import type { CallCandidateMessage, CallDescriptionMessage, CallPresenceMessage } from "./callTypes";
import {
  acceptCandidate,
  checkCandidate,
  checkDescription,
  decideDescription,
  decidePresence,
  isPolite,
  linkStateOf,
  maxCandidateBytes,
  maxSdpBytes,
  newCallId,
  peerInCallAfter,
} from "./negotiation";

const presence = (state: CallPresenceMessage["state"], callId = "peer1", toCallId: string | null = null): CallPresenceMessage => ({
  from: "u-partner", callId, state, toCallId, audio: true, video: true, screen: false,
});
const description = (type: "offer" | "answer", callId = "peer1", toCallId = "me1"): CallDescriptionMessage => ({
  from: "u-partner", callId, toCallId, type, sdp: "v=0\r\n",
});
const candidate = (callId = "peer1", toCallId = "me1"): CallCandidateMessage => ({
  from: "u-partner", callId, toCallId, candidate: "candidate:1 1 udp 1 192.0.2.1 5000 typ host", sdpMid: "0", sdpMLineIndex: 0, usernameFragment: null,
});

describe("polite peer", () => {
  it("is decided by the seat, so both sides agree without asking", () => {
    expect(isPolite("Candidate")).toBe(true);
    expect(isPolite("Interviewer")).toBe(false);
  });
});

describe("presence", () => {
  const linked = { myCallId: "me1", peerCallId: "peer1" };
  const unlinked = { myCallId: "me1", peerCallId: null };

  it("connects to a partner instance it has no link with and answers its hello", () => {
    expect(decidePresence(presence("hello"), unlinked)).toEqual({ kind: "connect", reply: true });
    expect(decidePresence(presence("welcome", "peer1", "me1"), unlinked)).toEqual({ kind: "connect", reply: false });
  });

  it("starts over with a reloaded partner (a new instance id)", () => {
    expect(decidePresence(presence("hello", "peer2"), linked)).toEqual({ kind: "connect", reply: true });
  });

  it("answers a repeated hello from the linked instance without dropping the link", () => {
    expect(decidePresence(presence("hello"), linked)).toEqual({ kind: "refresh" });
    expect(decidePresence(presence("welcome", "peer1", "me1"), linked)).toEqual({ kind: "media" });
  });

  it("never answers a welcome with a welcome (no ping-pong)", () => {
    const decision = decidePresence(presence("welcome", "peer2", "me1"), linked);
    expect(decision).toEqual({ kind: "connect", reply: false });
  });

  it("drops replies meant for an earlier instance of this page", () => {
    expect(decidePresence(presence("welcome", "peer1", "me0"), unlinked)).toEqual({ kind: "ignore" });
    expect(decidePresence(presence("bye", "peer1", "me0"), linked)).toEqual({ kind: "ignore" });
  });

  it("a hello counts whatever instance it names", () => {
    expect(decidePresence(presence("hello", "peer2", "me0"), linked)).toEqual({ kind: "connect", reply: true });
  });

  it("only the linked instance can leave or change its media", () => {
    expect(decidePresence(presence("bye"), linked)).toEqual({ kind: "left" });
    expect(decidePresence(presence("bye", "peer0"), linked)).toEqual({ kind: "ignore" });
    expect(decidePresence(presence("media", "peer0"), linked)).toEqual({ kind: "ignore" });
  });

  it("ignores everything while this page is not in the call", () => {
    expect(decidePresence(presence("hello"), { myCallId: null, peerCallId: null })).toEqual({ kind: "ignore" });
  });

  it("tracks whether the partner is in the call", () => {
    expect(peerInCallAfter(presence("hello"))).toBe(true);
    expect(peerInCallAfter(presence("bye"))).toBe(false);
    expect(peerInCallAfter(presence("probe"))).toBe(false);
  });

  it("answers a probe from a partner page outside the call with a hello, if in the call", () => {
    expect(decidePresence(presence("probe", "page7"), linked)).toEqual({ kind: "announce" });
    expect(decidePresence(presence("probe", "page7"), unlinked)).toEqual({ kind: "announce" });
    expect(decidePresence(presence("probe", "page7"), { myCallId: null, peerCallId: null })).toEqual({ kind: "ignore" });
  });
});

describe("descriptions and candidates", () => {
  const linked = { myCallId: "me1", peerCallId: "peer1" };

  it("applies descriptions addressed to this instance from the linked one", () => {
    expect(decideDescription(description("offer"), linked)).toBe("apply");
    expect(decideDescription(description("answer"), linked)).toBe("apply");
  });

  it("links first to an unknown instance that sends an offer, but not an answer", () => {
    expect(decideDescription(description("offer", "peer2"), linked)).toBe("connectThenApply");
    expect(decideDescription(description("answer", "peer2"), linked)).toBe("ignore");
  });

  it("ignores what is addressed to another instance or arrives outside the call", () => {
    expect(decideDescription(description("offer", "peer1", "me0"), linked)).toBe("ignore");
    expect(decideDescription(description("offer"), { myCallId: null, peerCallId: null })).toBe("ignore");
  });

  it("accepts candidates only for the current link", () => {
    expect(acceptCandidate(candidate(), linked)).toBe(true);
    expect(acceptCandidate(candidate("peer0"), linked)).toBe(false);
    expect(acceptCandidate(candidate("peer1", "me0"), linked)).toBe(false);
  });
});

describe("message bounds (the server's limits)", () => {
  it("refuses an SDP over 32 KB and anything that is not SDP", () => {
    expect(checkDescription("v=0\r\n" + "a=x\r\n".repeat(100))).toBeNull();
    expect(checkDescription("v=0\r\n" + "a".repeat(maxSdpBytes))).toMatch(/too large/);
    expect(checkDescription("hello")).toMatch(/not an SDP/);
    expect(checkDescription(undefined)).toMatch(/not an SDP/);
  });

  it("counts bytes, not characters", () => {
    const almost = "v=0" + "a".repeat(maxSdpBytes - 5);
    expect(checkDescription(almost + "é")).toBeNull();
    expect(checkDescription(almost + "éé")).toMatch(/too large/);
  });

  it("refuses a candidate over 2 KB", () => {
    expect(checkCandidate({ candidate: "candidate:1 1 udp 1 192.0.2.1 5000 typ host", sdpMid: "0" })).toBeNull();
    expect(checkCandidate({ candidate: "candidate:" + "x".repeat(maxCandidateBytes) })).toMatch(/too large/);
  });

  it("makes instance ids the server accepts", () => {
    const id = newCallId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(newCallId()).not.toBe(id);
  });
});

describe("link state", () => {
  it("folds the connection and ICE states into one", () => {
    expect(linkStateOf("connected", "connected")).toBe("connected");
    expect(linkStateOf("connecting", "checking")).toBe("connecting");
    expect(linkStateOf("connected", "disconnected")).toBe("connected");
    expect(linkStateOf("disconnected", "disconnected")).toBe("disconnected");
    expect(linkStateOf("connecting", "failed")).toBe("failed");
    expect(linkStateOf("new", "new")).toBe("connecting");
  });
});

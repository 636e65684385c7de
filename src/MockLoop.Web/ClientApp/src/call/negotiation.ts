// Pure rules of the call's signalling: who is the polite peer, which messages are for this page, and whether a
// message is small enough to send (the server refuses larger ones: Rooms/Call/CallSignalRules.cs).
import type { CallCandidateMessage, CallDescriptionMessage, CallPresenceMessage, Role } from "./callTypes";

export const maxSdpBytes = 32 * 1024;
export const maxCandidateBytes = 2 * 1024;

/**
 * Perfect negotiation needs exactly one polite peer, the one that yields when both send an offer at once. The
 * seats decide it, so both sides agree without asking: the candidate is polite, the interviewer is not.
 */
export const isPolite = (myRole: Role) => myRole === "Candidate";

/** A fresh id for one join of one page: a reload or a retry is a new instance the partner must reconnect to. */
export function newCallId(): string {
  const random =
    typeof crypto !== "undefined" && "randomUUID" in crypto
      ? crypto.randomUUID().replace(/-/g, "")
      : Math.random().toString(36).slice(2) + Date.now().toString(36);
  return `c${random.slice(0, 24)}`;
}

export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** Null when the description may be sent, otherwise why not. */
export function checkDescription(sdp: string | undefined): string | null {
  if (!sdp || !sdp.startsWith("v=0")) return "not an SDP description";
  const bytes = utf8Bytes(sdp);
  return bytes > maxSdpBytes ? `description too large (${bytes} bytes; at most ${maxSdpBytes})` : null;
}

export function checkCandidate(candidate: { candidate?: string; sdpMid?: string | null; usernameFragment?: string | null }): string | null {
  const bytes = utf8Bytes(candidate.candidate ?? "") + utf8Bytes(candidate.sdpMid ?? "") + utf8Bytes(candidate.usernameFragment ?? "");
  return bytes > maxCandidateBytes ? `candidate too large (${bytes} bytes; at most ${maxCandidateBytes})` : null;
}

/** What this page is in the call: its own instance id, and the partner instance its peer connection talks to. */
export interface Binding {
  /** Null while not in the call (no media yet). */
  myCallId: string | null;
  /** Null while no peer connection exists. */
  peerCallId: string | null;
}

export type PresenceDecision =
  | { kind: "ignore" }
  /** A partner instance this page has no link with: start a fresh peer connection to it (and answer a hello). */
  | { kind: "connect"; reply: boolean }
  /** The instance already linked said hello again (its hub reconnected): answer, and repair the link if it is down. */
  | { kind: "refresh" }
  /** The linked instance changed its microphone, camera or screen. */
  | { kind: "media" }
  /** The linked instance left the call. */
  | { kind: "left" }
  /** A partner page that is not in the call asks whether this one is: say hello. */
  | { kind: "announce" };

export function decidePresence(message: CallPresenceMessage, binding: Binding): PresenceDecision {
  if (!binding.myCallId) return { kind: "ignore" };
  if (message.state === "probe") return { kind: "announce" };
  // A reply meant for an earlier instance of this page (before a reload or retry). A hello is addressed to
  // whoever is there, so it counts whatever it names.
  if (message.state !== "hello" && message.toCallId && message.toCallId !== binding.myCallId) return { kind: "ignore" };
  const linked = message.callId === binding.peerCallId;
  switch (message.state) {
    case "hello":
      return linked ? { kind: "refresh" } : { kind: "connect", reply: true };
    case "welcome":
      return linked ? { kind: "media" } : { kind: "connect", reply: false };
    case "media":
      return linked ? { kind: "media" } : { kind: "ignore" };
    case "bye":
      return linked ? { kind: "left" } : { kind: "ignore" };
    default:
      return { kind: "ignore" };
  }
}

/**
 * A description must be addressed to this instance. From an instance not linked yet it still counts (its hello
 * may have been lost while the hub reconnected): the controller links to it first.
 */
export function decideDescription(message: CallDescriptionMessage, binding: Binding): "apply" | "connectThenApply" | "ignore" {
  if (!binding.myCallId || message.toCallId !== binding.myCallId) return "ignore";
  if (message.type !== "offer" && message.type !== "answer") return "ignore";
  return message.callId === binding.peerCallId ? "apply" : message.type === "offer" ? "connectThenApply" : "ignore";
}

/** Candidates only count for the link they were gathered for. */
export const acceptCandidate = (message: CallCandidateMessage, binding: Binding) =>
  !!binding.myCallId && message.toCallId === binding.myCallId && message.callId === binding.peerCallId;

/** Whether the partner is in the call, as far as their presence messages tell (for the "join" prompt). */
export const peerInCallAfter = (message: CallPresenceMessage) => message.state !== "bye" && message.state !== "probe";

/** The peer connection's two state machines folded into the one the call status follows. */
export function linkStateOf(connectionState: string, iceConnectionState: string): "connecting" | "connected" | "disconnected" | "failed" {
  if (connectionState === "connected") return "connected";
  if (connectionState === "failed" || iceConnectionState === "failed") return "failed";
  if (connectionState === "disconnected" || iceConnectionState === "disconnected") return "disconnected";
  return "connecting";
}

// The call's status as the person sees it: a pure state machine driven by what the browser reports (media,
// peer presence, the peer connection's state) and what the person does (join, retry, leave).

export type CallPhase =
  | "off" // not joined: the call is off until the person clicks Join
  | "requesting" // asking the browser for the microphone (and camera)
  | "denied" // the person or the browser blocked access
  | "noDevice" // no microphone (or camera) to use
  | "mediaError" // a device exists but cannot be used (busy, insecure page, …)
  | "waiting" // media ready; the partner is not in the call
  | "connecting" // the partner is in the call; the peer connection is being set up
  | "connected"
  | "reconnecting" // was connected; the link dropped and is being restored
  | "failed"; // gave up after several attempts: Retry

export type MediaFailure = "denied" | "noDevice" | "busy" | "insecure" | "unsupported" | "other";

export type LinkState = "connecting" | "connected" | "disconnected" | "failed";

export interface CallStatus {
  phase: CallPhase;
  /** Attempts to restore the link (ICE restarts, resent offers) since it was last connected. */
  attempts: number;
  /** Connected at least once with the current peer: a drop is "reconnecting", not "connecting". */
  wasConnected: boolean;
  failure?: MediaFailure;
  detail?: string;
}

export type CallEvent =
  | { type: "join" }
  | { type: "mediaReady" }
  | { type: "mediaFailed"; reason: MediaFailure; detail?: string }
  | { type: "peerJoined" }
  | { type: "peerLeft" }
  | { type: "link"; state: LinkState }
  | { type: "stalled" }
  | { type: "retry" }
  | { type: "leave" };

/** Attempts before giving up and offering Retry (about 40 s with the watchdog's 10 s). */
export const maxAttempts = 3;

export const callOff: CallStatus = { phase: "off", attempts: 0, wasConnected: false };

const joinable = new Set<CallPhase>(["off", "denied", "noDevice", "mediaError"]);
const withPeer = new Set<CallPhase>(["connecting", "connected", "reconnecting", "failed"]);

/** In the call: media acquired, whether or not the partner is there. */
export const inCall = (phase: CallPhase) => phase === "waiting" || withPeer.has(phase);

export function nextStatus(status: CallStatus, event: CallEvent): CallStatus {
  const { phase } = status;
  switch (event.type) {
    case "join":
      return joinable.has(phase) ? { phase: "requesting", attempts: 0, wasConnected: false } : status;
    case "mediaReady":
      return phase === "requesting" ? { phase: "waiting", attempts: 0, wasConnected: false } : status;
    case "mediaFailed":
      if (phase !== "requesting") return status;
      return {
        phase: event.reason === "denied" ? "denied" : event.reason === "noDevice" ? "noDevice" : "mediaError",
        attempts: 0,
        wasConnected: false,
        failure: event.reason,
        detail: event.detail,
      };
    case "peerJoined":
      // A new link while still connecting is another attempt at the same call: the count goes on.
      if (phase === "connecting") return { ...status, wasConnected: false };
      return phase === "waiting" || withPeer.has(phase) ? { phase: "connecting", attempts: 0, wasConnected: false } : status;
    case "peerLeft":
      return withPeer.has(phase) ? { phase: "waiting", attempts: 0, wasConnected: false } : status;
    case "link":
      return onLink(status, event.state);
    case "stalled":
      return phase === "connecting" || phase === "reconnecting" ? attempt(status) : status;
    case "retry":
      return phase === "failed" ? { phase: "connecting", attempts: 0, wasConnected: false } : status;
    case "leave":
      return callOff;
  }
}

function onLink(status: CallStatus, link: LinkState): CallStatus {
  if (!withPeer.has(status.phase)) return status;
  switch (link) {
    case "connected":
      return { phase: "connected", attempts: 0, wasConnected: true };
    case "disconnected":
      return status.phase === "connected" ? { ...status, phase: "reconnecting" } : status;
    case "failed":
      return status.phase === "failed" ? status : attempt(status);
    case "connecting":
      return status;
  }
}

function attempt(status: CallStatus): CallStatus {
  if (status.attempts >= maxAttempts) {
    return { phase: "failed", attempts: status.attempts, wasConnected: status.wasConnected };
  }
  return {
    phase: status.wasConnected ? "reconnecting" : "connecting",
    attempts: status.attempts + 1,
    wasConnected: status.wasConnected,
  };
}

/** The controller restarts ICE (or resends a lost offer) exactly when a transition counts a new attempt. */
export const shouldKick = (before: CallStatus, after: CallStatus) =>
  after.attempts > before.attempts && (after.phase === "connecting" || after.phase === "reconnecting");

export type Tone = "idle" | "busy" | "ok" | "warn" | "bad";

export interface CallDescription {
  badge: string;
  tone: Tone;
  title: string;
  detail: string;
  action?: "join" | "retryMedia" | "retry";
}

export interface DescribeContext {
  partnerName: string | null;
  partnerOnline: boolean;
  peerInCall: boolean;
  /** The partner was in the call with us and hung up. */
  peerLeft?: boolean;
}

/** Every status in words: what is happening, why, and what the person can do about it. */
export function describeCall(status: CallStatus, ctx: DescribeContext): CallDescription {
  const who = ctx.partnerName || "your partner";
  const Who = ctx.partnerName || "Your partner";
  switch (status.phase) {
    case "off":
      return {
        badge: "Off",
        tone: ctx.peerInCall ? "ok" : "idle",
        title: ctx.peerInCall ? `${Who} is in the call` : "Talk face to face",
        detail: ctx.peerInCall
          ? "Join to see and hear them. The interview works without the call too."
          : "The call starts when you join. The timer, chat and case work with the call off.",
        action: "join",
      };
    case "requesting":
      return {
        badge: "Asking…",
        tone: "busy",
        title: "Asking for your microphone and camera…",
        detail: "Your browser shows a prompt near the address bar: choose Allow.",
      };
    case "denied":
      return {
        badge: "Blocked",
        tone: "bad",
        title: "Microphone or camera blocked",
        detail:
          "Your browser was told not to share them with MockLoop. Click the camera icon (or the padlock) in the " +
          "address bar, allow the microphone and camera for this site, then try again.",
        action: "retryMedia",
      };
    case "noDevice":
      return {
        badge: "No device",
        tone: "bad",
        title: "No microphone found",
        detail: "Plug in a headset or microphone (or check it is switched on and not disabled in your system), then try again.",
        action: "retryMedia",
      };
    case "mediaError":
      return {
        badge: "Device problem",
        tone: "bad",
        ...mediaProblem(status),
        action: "retryMedia",
      };
    case "waiting":
      return {
        badge: "Waiting",
        tone: "busy",
        title: ctx.peerLeft
          ? ctx.partnerOnline ? `${Who} left the call` : `${Who} dropped out`
          : ctx.partnerName ? `Waiting for ${who} to join the call` : "Waiting for your partner",
        detail: !ctx.partnerName
          ? "Nobody has taken the other seat yet. Share the invite link; the call connects when they join it."
          : ctx.peerLeft
            ? ctx.partnerOnline
              ? "Stay here: the call connects again as soon as they rejoin."
              : `${Who} went offline. Stay here: the call connects again when they are back.`
            : ctx.partnerOnline
            ? `${Who} is in the room but has not joined the call yet.`
            : `${Who} is offline. The call connects when they are back and join it.`,
      };
    case "connecting":
      return {
        badge: "Connecting…",
        tone: "busy",
        title: `Connecting to ${who}…`,
        detail: status.attempts > 0 ? `Still trying (attempt ${status.attempts + 1} of ${maxAttempts + 1}).` : "Setting up a direct link between your browsers.",
      };
    case "connected":
      return { badge: "Connected", tone: "ok", title: `In the call with ${who}`, detail: "" };
    case "reconnecting":
      return {
        badge: "Reconnecting…",
        tone: "warn",
        title: "Reconnecting…",
        detail: "The link dropped (a network change, or a weak connection). Restoring it; the interview carries on meanwhile.",
      };
    case "failed":
      return {
        badge: "Failed",
        tone: "bad",
        title: `Could not connect to ${who}`,
        detail:
          "A network between you blocks direct connections. Try again, or try another network; if it keeps failing, " +
          "this MockLoop needs a TURN relay (see its deploy notes). The interview works without the call.",
        action: "retry",
      };
  }
}

function mediaProblem(status: CallStatus): { title: string; detail: string } {
  switch (status.failure) {
    case "busy":
      return { title: "Your microphone or camera is busy", detail: "Another app or tab may be using it. Close it, then try again." };
    case "insecure":
      return {
        title: "The call needs a secure page",
        detail: "Browsers only share cameras with pages served over https (or from localhost). Open MockLoop at its https address.",
      };
    case "unsupported":
      return {
        title: "This browser cannot make video calls",
        detail: "Open the interview in a current Chrome, Edge, Firefox or Safari to join the call. Everything else works here.",
      };
    default:
      return {
        title: "Could not start your microphone or camera",
        detail: `The browser said: ${status.detail ?? "unknown error"}. Try again, or choose another device below.`,
      };
  }
}

// Mirrors of the server's call records in src/MockLoop.Core/Contracts/CallMessages.cs.

export type PresenceState = "hello" | "welcome" | "media" | "bye" | "probe";

/** What this side says about itself; `to` (the partner's user id) is added once it is known. */
export interface CallPresenceRequest {
  callId: string;
  state: PresenceState;
  to?: string | null;
  toCallId?: string | null;
  audio: boolean;
  video: boolean;
  screen: boolean;
}

export interface CallDescriptionRequest {
  callId: string;
  toCallId: string;
  type: "offer" | "answer";
  sdp: string;
  to?: string | null;
}

export interface CallCandidateRequest {
  callId: string;
  toCallId: string;
  candidate: string;
  sdpMid?: string | null;
  sdpMLineIndex?: number | null;
  usernameFragment?: string | null;
  to?: string | null;
}

export interface CallPresenceMessage {
  from: string;
  callId: string;
  state: PresenceState;
  toCallId: string | null;
  audio: boolean;
  video: boolean;
  screen: boolean;
}

export interface CallDescriptionMessage {
  from: string;
  callId: string;
  toCallId: string;
  type: "offer" | "answer";
  sdp: string;
}

export interface CallCandidateMessage {
  from: string;
  callId: string;
  toCallId: string;
  candidate: string;
  sdpMid: string | null;
  sdpMLineIndex: number | null;
  usernameFragment: string | null;
}

export interface CallResult {
  ok: boolean;
  code?: string | null;
  error?: string | null;
}

export interface IceServerView {
  urls: string[];
  username?: string | null;
  credential?: string | null;
}

export type Role = "Interviewer" | "Candidate";

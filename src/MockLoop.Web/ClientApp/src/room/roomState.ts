// The room's shared state as the server describes it. The client never invents membership or presence:
// it only folds the server's messages into what it renders.

export type Role = "Interviewer" | "Candidate";

export interface ParticipantView {
  userId: string;
  displayName: string;
  role: Role;
  online: boolean;
}

export interface RoomStateMessage {
  sessionId: string;
  myUserId: string;
  myRole: Role;
  participants: ParticipantView[];
}

export interface PresenceMessage {
  participant: ParticipantView;
}

export interface RoomState {
  loaded: boolean;
  sessionId: string;
  myUserId: string;
  myRole: Role | null;
  participants: ParticipantView[];
}

export const emptyRoom = (sessionId: string): RoomState => ({
  loaded: false,
  sessionId,
  myUserId: "",
  myRole: null,
  participants: [],
});

export function applyRoomState(_: RoomState, message: RoomStateMessage): RoomState {
  return {
    loaded: true,
    sessionId: message.sessionId,
    myUserId: message.myUserId,
    myRole: message.myRole,
    participants: sortBySeat(message.participants),
  };
}

/** A participant came online or went offline; a newcomer (the partner who just joined) is added. */
export function applyPresence(state: RoomState, message: PresenceMessage): RoomState {
  const incoming = message.participant;
  const known = state.participants.find((p) => p.userId === incoming.userId);
  const participants = known
    ? state.participants.map((p) =>
        p.userId === incoming.userId
          ? { ...p, online: incoming.online, displayName: incoming.displayName || p.displayName }
          : p,
      )
    : [...state.participants, incoming];
  return { ...state, participants: sortBySeat(participants) };
}

/** When our own connection drops we cannot know who is online: show the partner as unknown, not stale. */
export function markPeersUnknown(state: RoomState): RoomState {
  return {
    ...state,
    participants: state.participants.map((p) => (p.userId === state.myUserId ? p : { ...p, online: false })),
  };
}

export function partnerOf(state: RoomState): ParticipantView | undefined {
  return state.participants.find((p) => p.userId !== state.myUserId);
}

const seatOrder: Record<Role, number> = { Interviewer: 0, Candidate: 1 };

function sortBySeat(participants: ParticipantView[]): ParticipantView[] {
  return [...participants].sort((a, b) => seatOrder[a.role] - seatOrder[b.role]);
}

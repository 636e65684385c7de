import type {
  CaseView, ChatMessageView, CriterionScoreView, NoteView, RedFlagView, RubricView, ScorecardView, ScorePreview, SessionEventMessage, SyncResult, TimerView,
} from "./liveTypes";
import { applyOp, emptyDocument, fromSnapshot, type DiagramDocument } from "../canvas/diagramDocument";
import type { DiagramOp } from "../canvas/diagramTypes";

// The room's durable state as the server has ordered it. Entries are applied strictly in sequence: an entry at or
// below the last applied sequence is a duplicate and ignored; one past a gap asks for a sync instead.

export interface LiveState {
  loaded: boolean;
  seq: number;
  timer: TimerView | null;
  /** Server clock minus local clock, in ms, measured when the timer last arrived. */
  clockOffsetMs: number;
  chat: ChatMessageView[];
  /** Whether the log holds chat older than the first message in `chat` (paged on request). */
  olderChat: boolean;
  notes: Record<string, NoteView>;
  caseView: CaseView | null;
  rubric: RubricView | null;
  /** Keyed "stepId/criterionId". The candidate's copy stays empty until the scorecard is submitted. */
  scores: Record<string, CriterionScoreView>;
  selfScores: Record<string, CriterionScoreView>;
  preview: ScorePreview | null;
  scorecard: ScorecardView | null;
  /** Red flags the interviewer recorded (interviewer-only until submission). */
  redFlags: RedFlagView[];
  /** The diagram as the server has ordered it. */
  diagram: DiagramDocument;
  /**
   * Our own diagram ops sent but not yet seen back in the log: shown on top of the confirmed diagram at once, and
   * resent after a reconnect (the server recognises an op id it already stored).
   */
  pending: DiagramOp[];
  needsSync: boolean;
}

export const scoreKey = (stepId: string, criterionId: string) => `${stepId}/${criterionId}`;

const byKey = (list: CriterionScoreView[] | null | undefined) =>
  Object.fromEntries((list ?? []).map((s) => [scoreKey(s.stepId, s.criterionId), s]));

export const initialLive: LiveState = {
  loaded: false,
  seq: -1,
  timer: null,
  clockOffsetMs: 0,
  chat: [],
  olderChat: false,
  notes: {},
  caseView: null,
  rubric: null,
  scores: {},
  selfScores: {},
  preview: null,
  scorecard: null,
  redFlags: [],
  diagram: emptyDocument,
  pending: [],
  needsSync: false,
};

/** A local edit: shown at once, confirmed when the server's log brings it back. */
export function addPending(state: LiveState, op: DiagramOp): LiveState {
  return { ...state, pending: [...state.pending, op] };
}

/** The server refused an op of ours: it disappears from the view. */
export function dropPending(state: LiveState, opId: string): LiveState {
  return { ...state, pending: state.pending.filter((p) => p.opId !== opId) };
}

/** Older chat paged from the log goes before what we have; HasMore says whether there is older still. */
export function prependChat(state: LiveState, older: ChatMessageView[], hasMore: boolean): LiveState {
  const first = state.chat[0]?.seq ?? Number.MAX_SAFE_INTEGER;
  return { ...state, chat: [...older.filter((m) => m.seq < first), ...state.chat], olderChat: hasMore };
}

export function offsetFrom(serverNow: string, receivedAtMs: number): number {
  return Date.parse(serverNow) - receivedAtMs;
}

export function applySync(state: LiveState, result: SyncResult, receivedAtMs: number): LiveState {
  let next: LiveState = { ...state, needsSync: false };
  if (result.snapshot) {
    const s = result.snapshot;
    next = {
      ...next,
      seq: result.seq,
      chat: s.chat,
      olderChat: s.olderChat ?? false,
      notes: Object.fromEntries((s.notes ?? []).map((n) => [n.stepId, n])),
      caseView: s.case,
      rubric: s.rubric,
      scores: byKey(s.scores),
      selfScores: byKey(s.selfScores),
      preview: s.preview,
      scorecard: s.scorecard,
      redFlags: s.redFlags ?? [],
      diagram: fromSnapshot(s.diagram),
      pending: state.pending,
    };
  } else {
    for (const entry of result.events ?? []) {
      next = applyEntry(next, entry);
    }
    next = { ...next, seq: Math.max(next.seq, result.seq), needsSync: false };
  }
  return {
    ...next,
    loaded: true,
    timer: result.timer,
    clockOffsetMs: offsetFrom(result.serverNow, receivedAtMs),
  };
}

/** A live broadcast. */
export function applyEvent(state: LiveState, entry: SessionEventMessage, receivedAtMs: number): LiveState {
  if (!state.loaded || entry.seq <= state.seq) return state;
  if (entry.seq > state.seq + 1) return { ...state, needsSync: true };
  const next = applyEntry(state, entry);
  if (entry.timer) {
    return { ...next, timer: entry.timer, clockOffsetMs: offsetFrom(entry.timer.serverNow, receivedAtMs) };
  }
  return next;
}

function applyEntry(state: LiveState, entry: SessionEventMessage): LiveState {
  if (entry.seq <= state.seq) return state;
  const next = { ...state, seq: entry.seq };
  switch (entry.kind) {
    case "chat":
      return entry.chat ? { ...next, chat: [...state.chat, entry.chat] } : next;
    case "note":
      return entry.note ? { ...next, notes: { ...state.notes, [entry.note.stepId]: entry.note } } : next;
    case "score":
      return entry.score
        ? { ...next, scores: { ...state.scores, [scoreKey(entry.score.stepId, entry.score.criterionId)]: entry.score }, preview: entry.preview ?? state.preview }
        : next;
    case "self":
      return entry.score
        ? { ...next, selfScores: { ...state.selfScores, [scoreKey(entry.score.stepId, entry.score.criterionId)]: entry.score } }
        : next;
    case "diagram":
      return entry.op
        ? {
            ...next,
            diagram: applyOp(state.diagram, entry.op),
            pending: entry.clientId ? state.pending.filter((p) => p.opId !== entry.clientId) : state.pending,
          }
        : next;
    case "scorecard":
      return {
        ...next,
        scorecard: entry.scorecard ?? state.scorecard,
        preview: entry.preview ?? state.preview,
        scores: entry.scores ? byKey(entry.scores) : state.scores,
        selfScores: entry.selfScores ? byKey(entry.selfScores) : state.selfScores,
        redFlags: entry.redFlags ?? state.redFlags,
      };
    case "redflag":
      return { ...next, redFlags: entry.redFlags ?? state.redFlags };
    default:
      // Timer entries carry their view only when live; a sync brings the current timer separately.
      // "private" entries are interviewer-only: the candidate just moves its sequence on.
      return next;
  }
}

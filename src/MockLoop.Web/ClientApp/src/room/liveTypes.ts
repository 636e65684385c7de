// Mirrors of the server's records in src/MockLoop.Core/Contracts/LiveMessages.cs and Core's TimerView.

import type { DiagramOp, DiagramSnapshot } from "../canvas/diagramTypes";

export type TimerStatus = "notStarted" | "running" | "paused" | "ended";

export interface TimerStepView {
  id: string;
  title: string;
  budgetSeconds: number;
  usedSeconds: number;
  isOverrun: boolean;
}

export interface TimerView {
  status: TimerStatus;
  currentStepIndex: number;
  stepCount: number;
  currentStepId: string;
  currentStepTitle: string;
  budgetSeconds: number;
  usedSeconds: number;
  leftSeconds: number;
  isOverrun: boolean;
  totalElapsedSeconds: number;
  totalBudgetSeconds: number;
  runningSince: string | null;
  usedBeforeSegmentSeconds: number;
  elapsedBeforeSegmentSeconds: number;
  serverNow: string;
  steps: TimerStepView[];
}

export interface ChatMessageView {
  seq: number;
  authorId: string;
  authorName: string;
  text: string;
  at: string;
}

export interface NoteView {
  stepId: string;
  text: string;
  at: string;
}

export interface CaseFact {
  topic: string;
  detail: string;
}

export interface CaseView {
  id: string;
  title: string;
  prompt: string;
  facts: CaseFact[] | null;
  hints: Record<string, string[]> | null;
}

export interface CriterionLevel {
  level: number;
  label: string;
  descriptor: string;
}

export interface RubricCriterion {
  id: string;
  title: string;
  levels: CriterionLevel[];
  /** Level 4 is level 3 plus any two of these (empty for rubrics without the list). */
  strongSignals?: string[];
}

export interface RedFlag {
  id: string;
  description: string;
}

/** A red flag the interviewer recorded; any one caps the verdict at "below". */
export interface RedFlagView {
  stepId: string;
  flagId: string;
  description: string;
}

export interface RubricStep {
  id: string;
  title: string;
  purpose: string;
  budgetMinutes: number;
  weight: number;
  questions: string[];
  criteria: RubricCriterion[];
  /** Core steps carry the per-step minimum of the level bars. */
  isCore?: boolean;
  redFlags?: RedFlag[];
}

export interface RubricView {
  id: string;
  version: number;
  title: string;
  steps: RubricStep[];
  /** What each level looks like in the room (rubric v2). */
  expectations?: { mid: string; senior: string; staff: string } | null;
}

export interface CriterionScoreView {
  stepId: string;
  criterionId: string;
  level: number | null;
  note: string | null;
  /** The candidate needed a hint: the criterion counts at most 3. */
  neededHint?: boolean;
  /** Indexes of the criterion's strong signals the interviewer ticked. */
  signals?: number[] | null;
}

export interface StepScoreView {
  stepId: string;
  score: number | null;
  assessed: number;
  total: number;
}

export interface ScorePreview {
  overall: number | null;
  steps: StepScoreView[];
}

export interface VerdictView {
  level: string;
  outcome: "Meets" | "Below" | "InsufficientData" | string;
  overall: number | null;
  requiredOverall: number;
  stepsBelowBar: string[];
  unassessedSteps?: string[] | null;
  redFlags?: RedFlagView[] | null;
  ranOutOfTime?: boolean;
  depthRequired?: number | null;
  depthReached?: number | null;
}

export interface ScorecardView {
  targetLevel: string;
  strengths: string;
  improvements: string;
  nextStep: string;
  submittedAt: string;
  result: ScorePreview;
  verdict: VerdictView;
}

export interface RoomSnapshot {
  status: string;
  chat: ChatMessageView[];
  notes: NoteView[] | null;
  case: CaseView | null;
  rubric: RubricView;
  scores: CriterionScoreView[] | null;
  selfScores: CriterionScoreView[] | null;
  preview: ScorePreview | null;
  scorecard: ScorecardView | null;
  redFlags?: RedFlagView[] | null;
  diagram: DiagramSnapshot;
  componentTypes: string[];
  /** The snapshot carries only the latest chat; older messages are paged with ChatBefore. */
  olderChat?: boolean;
}

export interface ChatPage {
  messages: ChatMessageView[];
  hasMore: boolean;
}

export interface SessionEventMessage {
  seq: number;
  kind: "timer" | "chat" | "note" | "private" | string;
  at: string;
  authorId?: string | null;
  chat?: ChatMessageView | null;
  note?: NoteView | null;
  timer?: TimerView | null;
  status?: string | null;
  clientId?: string | null;
  score?: CriterionScoreView | null;
  preview?: ScorePreview | null;
  scorecard?: ScorecardView | null;
  scores?: CriterionScoreView[] | null;
  selfScores?: CriterionScoreView[] | null;
  redFlags?: RedFlagView[] | null;
  op?: DiagramOp | null;
}

export interface SyncResult {
  seq: number;
  snapshot: RoomSnapshot | null;
  events: SessionEventMessage[] | null;
  timer: TimerView;
  serverNow: string;
}

export interface CommandResult {
  ok: boolean;
  seq?: number | null;
  code?: string | null;
  error?: string | null;
  location?: string | null;
}

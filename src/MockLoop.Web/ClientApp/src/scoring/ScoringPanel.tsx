import { useEffect, useRef, useState } from "react";
import type { CommandResult, CriterionScoreView, RubricStep, ScorePreview } from "../room/liveTypes";
import { scoreKey } from "../room/liveState";
import { newClientId } from "../room/useLiveSession";
import { LevelPicker } from "./LevelPicker";
import "./scoring.css";

interface Props {
  step: RubricStep;
  scores: Record<string, CriterionScoreView>;
  preview: ScorePreview | null;
  locked: boolean;
  onScore(stepId: string, criterionId: string, level: number | null, note: string | null, clientId: string): Promise<CommandResult>;
}

/** The interviewer's scoring for the current step. Each pick is saved at once through the live session. */
export function ScoringPanel({ step, scores, preview, locked, onScore }: Props) {
  const stepScore = preview?.steps.find((s) => s.stepId === step.id);
  return (
    <section className="panel scoring" aria-label="Scoring">
      <header className="scoring-head">
        <h3>Score · {step.title} <span className="private-badge">only you</span></h3>
        <span className="score-pill" aria-label="Step score">
          {stepScore?.score != null ? stepScore.score.toFixed(2) : "—"}
          <small> step</small>
        </span>
        <span className="score-pill" aria-label="Overall score">
          {preview?.overall != null ? preview.overall.toFixed(2) : "—"}
          <small> overall</small>
        </span>
      </header>
      {step.criteria.map((criterion) => {
        const current = scores[scoreKey(step.id, criterion.id)];
        return (
          <CriterionScorer
            key={criterion.id}
            stepId={step.id}
            criterion={criterion}
            current={current}
            locked={locked}
            onScore={onScore}
          />
        );
      })}
    </section>
  );
}

function CriterionScorer({ stepId, criterion, current, locked, onScore }: {
  stepId: string;
  criterion: RubricStep["criteria"][number];
  current: CriterionScoreView | undefined;
  locked: boolean;
  onScore: Props["onScore"];
}) {
  const [note, setNote] = useState(current?.note ?? "");
  // While a note is being typed, the echo of an earlier save (e.g. the level just picked) must not wipe it.
  const typing = useRef(false);
  useEffect(() => {
    if (!typing.current) setNote(current?.note ?? "");
  }, [current?.note]);
  const level = current ? current.level : null;
  const save = (nextLevel: number | null, nextNote: string) =>
    void onScore(stepId, criterion.id, nextLevel, nextNote.trim() || null, newClientId());

  return (
    <div className="criterion">
      <h4>{criterion.title}</h4>
      <LevelPicker criterion={criterion} level={level} disabled={locked} onPick={(l) => save(l, note)} />
      <label className="sr-only" htmlFor={`note-${stepId}-${criterion.id}`}>Note on {criterion.title}</label>
      <input
        id={`note-${stepId}-${criterion.id}`}
        className="criterion-note"
        placeholder="Note (optional): what did you see or hear?"
        value={note}
        maxLength={2000}
        disabled={locked}
        onChange={(e) => {
          typing.current = true;
          setNote(e.target.value);
        }}
        onBlur={() => {
          typing.current = false;
          if ((current?.note ?? "") !== note.trim()) save(level, note);
        }}
      />
    </div>
  );
}

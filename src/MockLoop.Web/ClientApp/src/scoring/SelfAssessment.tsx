import { useState } from "react";
import type { CommandResult, CriterionScoreView, RubricStep } from "../room/liveTypes";
import { scoreKey } from "../room/liveState";
import { newClientId } from "../room/useLiveSession";
import { LevelPicker } from "./LevelPicker";

interface Props {
  steps: RubricStep[];
  selfScores: Record<string, CriterionScoreView>;
  onAssess(stepId: string, criterionId: string, level: number | null, clientId: string): Promise<CommandResult>;
}

/** Optional, after the interview: the candidate rates themself on the same rubric, shown later beside the scores. */
export function SelfAssessment({ steps, selfScores, onAssess }: Props) {
  const [open, setOpen] = useState(true);
  const done = Object.values(selfScores).filter((s) => s.level !== null).length;
  const total = steps.reduce((n, s) => n + s.criteria.length, 0);
  return (
    <section className="panel self-assessment" aria-label="Self-assessment">
      <header className="scoring-head">
        <h3>How do you think it went?</h3>
        <span className="muted">{done} of {total} rated · optional</span>
        <button type="button" className="link-button" onClick={() => setOpen((o) => !o)}>{open ? "Hide" : "Show"}</button>
      </header>
      {open && steps.map((step) => (
        <details key={step.id} className="self-step">
          <summary>{step.title}</summary>
          {step.criteria.map((c) => (
            <div className="criterion" key={c.id}>
              <h4>{c.title}</h4>
              <LevelPicker
                criterion={c}
                level={selfScores[scoreKey(step.id, c.id)]?.level ?? null}
                disabled={false}
                onPick={(level) => void onAssess(step.id, c.id, level, newClientId())}
              />
            </div>
          ))}
        </details>
      ))}
    </section>
  );
}

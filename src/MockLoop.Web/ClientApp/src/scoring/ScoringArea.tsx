import { useState } from "react";
import type { LiveState } from "../room/liveState";
import type { CommandResult, ScorecardView } from "../room/liveTypes";
import { ScorecardForm } from "./ScorecardForm";
import { ScoringPanel } from "./ScoringPanel";
import { SelfAssessment } from "./SelfAssessment";

interface Props {
  sessionId: string;
  live: LiveState;
  isInterviewer: boolean;
  command(method: string, ...args: unknown[]): Promise<CommandResult>;
}

/**
 * What each role does with the rubric: the interviewer scores step by step and, at the end, submits the scorecard;
 * the candidate assesses themself once the interview has ended; both see the result once it is submitted.
 */
export function ScoringArea({ sessionId, live, isInterviewer, command }: Props) {
  const timer = live.timer;
  const steps = live.rubric?.steps ?? [];
  const ended = timer?.status === "ended";
  const [chosenStep, setChosenStep] = useState<string | null>(null);
  if (!timer || steps.length === 0) return null;

  const stepId = ended ? (chosenStep ?? timer.currentStepId) : timer.currentStepId;
  const step = steps.find((s) => s.id === stepId) ?? steps[0];
  const card = live.scorecard;

  return (
    <>
      {card && (
        <section className="panel result-banner" aria-label="Result">
          <div>
            <p className="eyebrow">Scorecard submitted</p>
            <p className="verdict">
              Overall {card.result.overall != null ? card.result.overall.toFixed(2) : "—"} · {verdictLabel(card.verdict.outcome)} for {card.targetLevel}
            </p>
            {verdictDetails(card.verdict, steps) && <p className="muted">{verdictDetails(card.verdict, steps)}</p>}
            <p className="muted">Next step: {card.nextStep}</p>
          </div>
          <a className="button primary" href={`/reports/${sessionId}`}>{isInterviewer ? "View the report" : "View your report"}</a>
        </section>
      )}
      {isInterviewer && !card && (
        <>
          {ended && (
            <div className="field step-chooser">
              <label htmlFor="score-step">Score step</label>
              <select id="score-step" value={step.id} onChange={(e) => setChosenStep(e.target.value)}>
                {steps.map((s, i) => <option key={s.id} value={s.id}>{i + 1}. {s.title}</option>)}
              </select>
            </div>
          )}
          <ScoringPanel
            step={step}
            scores={live.scores}
            preview={live.preview}
            locked={false}
            redFlags={live.redFlags}
            onScore={(m, clientId) => command("ScoreCriterionMarks", m.stepId, m.criterionId, m.level, m.note, m.neededHint, m.signals, clientId)}
            onRedFlag={(s, flag, raised, clientId) => command("RecordRedFlag", s, flag, raised, clientId)}
          />
          {ended && (
            <ScorecardForm
              preview={live.preview}
              expectations={live.rubric?.expectations ?? null}
              redFlagCount={live.redFlags.length}
              onSubmit={(level, strengths, improvements, next, clientId) =>
                command("SubmitScorecard", level, strengths, improvements, next, clientId)}
            />
          )}
        </>
      )}
      {!isInterviewer && ended && (
        <SelfAssessment
          steps={steps}
          selfScores={live.selfScores}
          onAssess={(s, c, level, clientId) => command("SelfAssess", s, c, level, clientId)}
        />
      )}
    </>
  );
}

function verdictDetails(verdict: ScorecardView["verdict"], steps: { id: string; title: string }[]): string | null {
  const title = (id: string) => steps.find((s) => s.id === id)?.title ?? id;
  const parts: string[] = [];
  if ((verdict.redFlags ?? []).length > 0) parts.push(`Red flags: ${(verdict.redFlags ?? []).map((f) => f.description).join(" ")}`);
  if ((verdict.unassessedSteps ?? []).length > 0)
    parts.push(`${verdict.ranOutOfTime ? "Ran out of time; not assessed" : "Not assessed"}: ${(verdict.unassessedSteps ?? []).map(title).join(", ")}.`);
  return parts.length > 0 ? parts.join(" ") : null;
}

function verdictLabel(outcome: string): string {
  return outcome === "Meets" ? "meets the bar" : outcome === "Below" ? "below the bar" : "not enough assessed";
}

import { type FormEvent, useState } from "react";
import type { CommandResult, ScorePreview } from "../room/liveTypes";
import { newClientId } from "../room/useLiveSession";

interface Props {
  preview: ScorePreview | null;
  expectations?: { mid: string; senior: string; staff: string } | null;
  redFlagCount?: number;
  onSubmit(targetLevel: string, strengths: string, improvements: string, nextStep: string, clientId: string): Promise<CommandResult>;
}

/** Written feedback and the target level; the server computes the overall score and the verdict from the rubric. */
export function ScorecardForm({ preview, expectations, redFlagCount = 0, onSubmit }: Props) {
  const [level, setLevel] = useState("Senior");
  const [strengths, setStrengths] = useState("");
  const [improvements, setImprovements] = useState("");
  const [nextStep, setNextStep] = useState("");
  const [busy, setBusy] = useState(false);
  const [clientId] = useState(newClientId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    // One id for this submission: a retry after a dropped connection is recognised, not stored twice.
    await onSubmit(level, strengths, improvements, nextStep, clientId);
    setBusy(false);
  };

  return (
    <form className="panel scorecard-form" aria-label="Submit the scorecard" onSubmit={submit}>
      <h3>Submit the scorecard</h3>
      <p className="muted">
        Overall so far: <strong>{preview?.overall != null ? preview.overall.toFixed(2) : "nothing scored yet"}</strong>.
        Submitting completes the session and shows the candidate their report.
      </p>
      <div className="field">
        <label htmlFor="target-level">Target level</label>
        <select id="target-level" value={level} onChange={(e) => setLevel(e.target.value)}>
          <option>Mid</option>
          <option>Senior</option>
          <option>Staff</option>
        </select>
        {expectations && (
          <p className="level-expectation" aria-label="What this level looks like">
            {level === "Mid" ? expectations.mid : level === "Staff" ? expectations.staff : expectations.senior}
          </p>
        )}
        {redFlagCount > 0 && <p className="red-flag-banner">A red flag is recorded: the verdict will be below the {level} bar.</p>}
      </div>
      <div className="field">
        <label htmlFor="strengths">Strengths</label>
        <textarea id="strengths" value={strengths} maxLength={4000} onChange={(e) => setStrengths(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="improvements">What to improve</label>
        <textarea id="improvements" value={improvements} maxLength={4000} onChange={(e) => setImprovements(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="next-step">The one most important next step</label>
        <textarea id="next-step" value={nextStep} maxLength={4000} required onChange={(e) => setNextStep(e.target.value)} />
      </div>
      <button type="submit" className="button primary wide" disabled={busy || !nextStep.trim()}>
        {busy ? "Submitting…" : "Submit scorecard"}
      </button>
    </form>
  );
}

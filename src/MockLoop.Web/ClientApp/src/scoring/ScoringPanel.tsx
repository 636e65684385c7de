import { useEffect, useRef, useState } from "react";
import type { CommandResult, CriterionScoreView, RedFlagView, RubricStep, ScorePreview } from "../room/liveTypes";
import { scoreKey } from "../room/liveState";
import { newClientId } from "../room/useLiveSession";
import { LevelPicker } from "./LevelPicker";
import "./scoring.css";

interface Props {
  step: RubricStep;
  scores: Record<string, CriterionScoreView>;
  preview: ScorePreview | null;
  locked: boolean;
  /** Red flags recorded so far, in any step. */
  redFlags: RedFlagView[];
  onScore(score: ScoreMarks, clientId: string): Promise<CommandResult>;
  onRedFlag(stepId: string, flagId: string, raised: boolean, clientId: string): Promise<CommandResult>;
}

/** One criterion's score with its marks, as ScoreCriterionMarks takes it. */
export interface ScoreMarks {
  stepId: string;
  criterionId: string;
  level: number | null;
  note: string | null;
  neededHint: boolean;
  signals: number[];
}

/** Level 4 is level 3 plus this many of the criterion's strong signals (the rubric's rule, checked by the server too). */
export const STRONG_SIGNALS_NEEDED = 2;

/** The interviewer's scoring for the current step. Each pick is saved at once through the live session. */
export function ScoringPanel({ step, scores, preview, locked, redFlags, onScore, onRedFlag }: Props) {
  const stepScore = preview?.steps.find((s) => s.stepId === step.id);
  // Like the marks: show the tick at once, then follow the server's list whenever it changes.
  const serverRaised = redFlags.filter((f) => f.stepId === step.id).map((f) => f.flagId).sort().join(",");
  const [raisedList, setRaisedList] = useState(serverRaised);
  useEffect(() => setRaisedList(serverRaised), [serverRaised]);
  const raised = new Set(raisedList === "" ? [] : raisedList.split(","));
  const toggleFlag = (flagId: string, on: boolean) => {
    const next = new Set(raised);
    if (on) next.add(flagId);
    else next.delete(flagId);
    setRaisedList([...next].sort().join(","));
    void onRedFlag(step.id, flagId, on, newClientId()).then((result) => {
      if (!result.ok) setRaisedList(serverRaised);
    });
  };
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
      <p className="scoring-rules">
        {step.isCore ? <span className="core-badge">Core step</span> : null}
        Not probed? Leave it <em>not assessed</em>. Probed and missing or wrong is 1.
      </p>
      {redFlags.length > 0 && (
        <p className="red-flag-banner" role="status">
          {redFlags.length === 1 ? "1 red flag" : `${redFlags.length} red flags`} recorded: the verdict will be below the bar, whatever the average.
        </p>
      )}
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
      {(step.redFlags ?? []).length > 0 && (
        <fieldset className="red-flags" disabled={locked}>
          <legend>Red flags in this step</legend>
          {(step.redFlags ?? []).map((flag) => (
            <label key={flag.id} className="red-flag">
              <input
                type="checkbox"
                checked={raised.has(flag.id)}
                onChange={(e) => toggleFlag(flag.id, e.target.checked)}
              />
              <span>{flag.description}</span>
            </label>
          ))}
        </fieldset>
      )}
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
  // The level too is kept locally: a mark saved right after a level pick must not send the level the server had
  // before its echo arrived.
  const serverLevel = current ? current.level : null;
  const [level, setLevel] = useState<number | null>(serverLevel);
  useEffect(() => setLevel(serverLevel), [serverLevel]);
  // Marks show the click at once (a checkbox that waits for the server's echo looks broken) and follow the
  // server whenever its copy changes, e.g. after a reconnect or a refusal.
  const serverHint = current?.neededHint ?? false;
  const serverSignals = (current?.signals ?? []).join(",");
  const [neededHint, setNeededHint] = useState(serverHint);
  const [signals, setSignals] = useState<number[]>(current?.signals ?? []);
  useEffect(() => setNeededHint(serverHint), [serverHint]);
  useEffect(() => setSignals(serverSignals === "" ? [] : serverSignals.split(",").map(Number)), [serverSignals]);
  const strong = criterion.strongSignals ?? [];
  const save = (changes: Partial<Pick<ScoreMarks, "level" | "neededHint" | "signals">> & { note?: string }) => {
    if (changes.level !== undefined) setLevel(changes.level);
    if (changes.neededHint !== undefined) setNeededHint(changes.neededHint);
    if (changes.signals !== undefined) setSignals(changes.signals);
    void onScore({
      stepId,
      criterionId: criterion.id,
      level: changes.level !== undefined ? changes.level : level,
      note: (changes.note ?? note).trim() || null,
      neededHint: changes.neededHint ?? neededHint,
      signals: changes.signals ?? signals,
    }, newClientId()).then((result) => {
      // Refused (e.g. level 4 without two signals): show the server's copy again.
      if (!result.ok) {
        setLevel(serverLevel);
        setNeededHint(serverHint);
        setSignals(serverSignals === "" ? [] : serverSignals.split(",").map(Number));
      }
    });
  };
  const fourBlocked = strong.length > 0 && signals.length < STRONG_SIGNALS_NEEDED;

  return (
    <div className="criterion">
      <h4>{criterion.title}</h4>
      <LevelPicker
        criterion={criterion}
        level={level}
        disabled={locked}
        blockedLevels={fourBlocked ? { 4: `Level 4 is level 3 plus any ${STRONG_SIGNALS_NEEDED} strong signals: tick them below first.` } : {}}
        cappedAt={neededHint ? 3 : null}
        onPick={(l) => save({ level: l })}
      />
      <div className="marks">
        <label className="hint-mark">
          <input type="checkbox" checked={neededHint} disabled={locked} onChange={(e) => save({ neededHint: e.target.checked })} />
          Needed a hint <span className="muted">(counts at most 3)</span>
        </label>
        {strong.length > 0 && (
          <details className="strong-signals" open={level === 4 || signals.length > 0}>
            <summary>Level 4 = level 3 + any {STRONG_SIGNALS_NEEDED} of these ({signals.length} ticked)</summary>
            {strong.map((text, index) => {
              const ticked = signals.includes(index);
              const keep = ticked && level === 4 && signals.length <= STRONG_SIGNALS_NEEDED;
              return (
                <label key={index} className="signal" title={keep ? "Level 4 needs two signals: lower the level first." : undefined}>
                  <input
                    type="checkbox"
                    checked={ticked}
                    disabled={locked || keep}
                    onChange={(e) =>
                      save({ signals: e.target.checked ? [...signals, index].sort((a, b) => a - b) : signals.filter((s) => s !== index) })}
                  />
                  <span>{text}</span>
                </label>
              );
            })}
          </details>
        )}
      </div>
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
          if ((current?.note ?? "") !== note.trim()) save({ note });
        }}
      />
    </div>
  );
}

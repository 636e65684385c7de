import { useEffect, useState } from "react";
import type { CommandResult, TimerView } from "./liveTypes";
import { displayAt, formatClock } from "./timerClock";

interface Props {
  timer: TimerView;
  clockOffsetMs: number;
  isInterviewer: boolean;
  disabled: boolean;
  onCommand(command: string, stepIndex?: number): Promise<CommandResult>;
}

/** The framework steps with the server-owned timer. Only the interviewer gets controls; the server enforces it too. */
export function TimerBar({ timer, clockOffsetMs, isInterviewer, disabled, onCommand }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timer.status !== "running") return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [timer.status]);
  const [confirmEnd, setConfirmEnd] = useState(false);

  const display = displayAt(timer, clockOffsetMs, timer.status === "running" ? now : Date.now());
  const step = timer.steps[timer.currentStepIndex];
  const isLast = timer.currentStepIndex === timer.stepCount - 1;
  const statusLabel = { notStarted: "Not started", running: "Running", paused: "Paused", ended: "Ended" }[timer.status];

  return (
    <section className={`timer timer-${timer.status}${display.overrun ? " timer-overrun" : ""}`} aria-label="Interview timer">
      <ol className="steps" aria-label="Framework steps">
        {timer.steps.map((s, i) => {
          const used = display.stepUsed[i];
          const state = i === timer.currentStepIndex ? "current" : used > 0 ? "visited" : "upcoming";
          const fill = Math.min(100, (used / s.budgetSeconds) * 100);
          return (
            <li
              key={s.id}
              className={`step step-${state}${used > s.budgetSeconds ? " step-overrun" : ""}`}
              aria-current={i === timer.currentStepIndex ? "step" : undefined}
            >
              <button
                type="button"
                className="step-button"
                disabled={!isInterviewer || disabled || timer.status === "notStarted" || timer.status === "ended" || i === timer.currentStepIndex}
                onClick={() => void onCommand("goToStep", i)}
                title={`${s.title}: ${formatClock(used)} of ${formatClock(s.budgetSeconds)}`}
              >
                <span className="step-number">{i + 1}</span>
                <span className="step-title">{s.title}</span>
                <span className="step-meter" aria-hidden="true"><span style={{ width: `${fill}%` }} /></span>
              </button>
            </li>
          );
        })}
      </ol>

      <div className="timer-main">
        <div className="timer-step">
          <span className="eyebrow">Step {timer.currentStepIndex + 1} of {timer.stepCount} · {statusLabel}</span>
          <h2>{step?.title}</h2>
        </div>
        <dl className="timer-figures">
          <div>
            <dt>Used</dt>
            <dd aria-label="Time used in this step">{formatClock(display.usedSeconds)} <small>/ {formatClock(timer.budgetSeconds)}</small></dd>
          </div>
          <div className={display.overrun ? "overrun" : ""}>
            <dt>{display.overrun ? "Over by" : "Left"}</dt>
            <dd aria-label="Time left in this step">{formatClock(Math.abs(display.leftSeconds))}</dd>
          </div>
          <div>
            <dt>Total</dt>
            <dd aria-label="Total elapsed">{formatClock(display.totalSeconds)} <small>/ {formatClock(timer.totalBudgetSeconds)}</small></dd>
          </div>
        </dl>

        {isInterviewer && (
          <div className="timer-controls" role="group" aria-label="Timer controls">
            {timer.status === "notStarted" && (
              <button type="button" className="button primary" disabled={disabled} onClick={() => void onCommand("start")}>
                Start interview
              </button>
            )}
            {(timer.status === "running" || timer.status === "paused") && (
              <>
                <button type="button" className="button" disabled={disabled || timer.currentStepIndex === 0} onClick={() => void onCommand("previousStep")}>
                  ← Previous step
                </button>
                {timer.status === "running" ? (
                  <button type="button" className="button" disabled={disabled} onClick={() => void onCommand("pause")}>Pause</button>
                ) : (
                  <button type="button" className="button" disabled={disabled} onClick={() => void onCommand("resume")}>Resume</button>
                )}
                {!isLast && (
                  <button type="button" className="button primary" disabled={disabled} onClick={() => void onCommand("nextStep")}>
                    Next step →
                  </button>
                )}
                {confirmEnd ? (
                  <span className="confirm">
                    End the interview?
                    <button type="button" className="button danger" disabled={disabled} onClick={() => { setConfirmEnd(false); void onCommand("end"); }}>
                      Yes, end it
                    </button>
                    <button type="button" className="button" onClick={() => setConfirmEnd(false)}>Keep going</button>
                  </span>
                ) : (
                  <button type="button" className={`button ${isLast ? "primary" : "ghost"}`} disabled={disabled} onClick={() => setConfirmEnd(true)}>
                    End interview
                  </button>
                )}
              </>
            )}
          </div>
        )}
        {!isInterviewer && timer.status === "notStarted" && <p className="muted">The interviewer starts the interview.</p>}
      </div>
    </section>
  );
}

import type { TimerView } from "./liveTypes";

// The timer display counts on by itself from the server's timestamps: no message per second. Both participants
// compute from the same server anchors, corrected by their own clock offset, so their displays agree.

export interface TimerDisplay {
  usedSeconds: number;
  leftSeconds: number;
  totalSeconds: number;
  overrun: boolean;
  stepUsed: number[];
}

export function displayAt(timer: TimerView, clockOffsetMs: number, localNowMs: number): TimerDisplay {
  const running = timer.status === "running" && timer.runningSince !== null;
  const segment = running ? Math.max(0, (localNowMs + clockOffsetMs - Date.parse(timer.runningSince!)) / 1000) : 0;
  const used = running ? timer.usedBeforeSegmentSeconds + segment : timer.usedSeconds;
  const total = running ? timer.elapsedBeforeSegmentSeconds + segment : timer.totalElapsedSeconds;
  const stepUsed = timer.steps.map((s, i) => (i === timer.currentStepIndex ? used : s.usedSeconds));
  return {
    usedSeconds: used,
    leftSeconds: timer.budgetSeconds - used,
    totalSeconds: total,
    overrun: used > timer.budgetSeconds,
    stepUsed,
  };
}

/** 754 → "12:34"; negative values (an overrun) keep their sign: -65 → "-1:05". */
export function formatClock(seconds: number): string {
  const sign = seconds < 0 ? "-" : "";
  const whole = Math.floor(Math.abs(seconds));
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const mm = h > 0 ? String(m).padStart(2, "0") : String(m);
  return `${sign}${h > 0 ? `${h}:` : ""}${mm}:${String(s).padStart(2, "0")}`;
}

import { describe, expect, it } from "vitest";
import type { TimerView } from "./liveTypes";
import { displayAt, formatClock } from "./timerClock";

const base: TimerView = {
  status: "running",
  currentStepIndex: 1,
  stepCount: 2,
  currentStepId: "b",
  currentStepTitle: "B",
  budgetSeconds: 300,
  usedSeconds: 10,
  leftSeconds: 290,
  isOverrun: false,
  totalElapsedSeconds: 70,
  totalBudgetSeconds: 600,
  runningSince: "2026-11-21T10:00:00.000Z",
  usedBeforeSegmentSeconds: 10,
  elapsedBeforeSegmentSeconds: 70,
  serverNow: "2026-11-21T10:00:00.000Z",
  steps: [
    { id: "a", title: "A", budgetSeconds: 300, usedSeconds: 60, isOverrun: false },
    { id: "b", title: "B", budgetSeconds: 300, usedSeconds: 10, isOverrun: false },
  ],
};

describe("timer display", () => {
  it("counts on from the server's anchor without any new message", () => {
    const start = Date.parse("2026-11-21T10:00:00.000Z");
    const d = displayAt(base, 0, start + 30_000);
    expect(d.usedSeconds).toBeCloseTo(40);
    expect(d.totalSeconds).toBeCloseTo(100);
    expect(d.leftSeconds).toBeCloseTo(260);
    expect(d.stepUsed).toEqual([60, d.usedSeconds]);
  });

  it("corrects a local clock that runs behind the server", () => {
    const serverNow = Date.parse("2026-11-21T10:00:10.000Z");
    const localNow = serverNow - 5_000; // this machine is 5 s slow
    const d = displayAt(base, 5_000, localNow);
    expect(d.usedSeconds).toBeCloseTo(20);
  });

  it("two participants with different clock skews show the same time", () => {
    const server = Date.parse("2026-11-21T10:02:00.000Z");
    const a = displayAt(base, 1_200, server - 1_200);
    const b = displayAt(base, -3_400, server + 3_400);
    expect(Math.abs(a.usedSeconds - b.usedSeconds)).toBeLessThan(0.25);
  });

  it("marks an overrun and counts the excess", () => {
    const d = displayAt(base, 0, Date.parse("2026-11-21T10:05:00.000Z"));
    expect(d.overrun).toBe(true);
    expect(d.leftSeconds).toBeCloseTo(-10);
  });

  it("stands still while paused", () => {
    const paused = { ...base, status: "paused" as const, runningSince: null, usedSeconds: 42, totalElapsedSeconds: 102 };
    expect(displayAt(paused, 0, Date.now()).usedSeconds).toBe(42);
  });

  it("formats clocks, including overruns", () => {
    expect(formatClock(754)).toBe("12:34");
    expect(formatClock(-65)).toBe("-1:05");
    expect(formatClock(3725)).toBe("1:02:05");
  });
});

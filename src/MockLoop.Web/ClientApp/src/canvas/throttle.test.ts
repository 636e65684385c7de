import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createBatchBudget, throttle } from "./throttle";

describe("throttling volatile traffic", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends at most one call per interval and delivers the last call of a burst", () => {
    const sent: number[] = [];
    const send = throttle((x: number) => sent.push(x), 50);
    for (let i = 1; i <= 10; i++) {
      send(i);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(100);
    expect(sent[0]).toBe(1);
    expect(sent.at(-1)).toBe(10);
    expect(sent.length).toBeLessThanOrEqual(3);
  });

  it("keeps a steady stream at or under 20 per second", () => {
    let count = 0;
    const send = throttle(() => count++, 50);
    for (let ms = 0; ms < 1000; ms += 4) {
      send();
      vi.advanceTimersByTime(4);
    }
    expect(count).toBeLessThanOrEqual(21);
    expect(count).toBeGreaterThanOrEqual(18);
  });

  it("drops a trailing call when cancelled", () => {
    const sent: number[] = [];
    const send = throttle((x: number) => sent.push(x), 50);
    send(1);
    send(2);
    send.cancel();
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([1]);
  });

  it("shares one budget between batches of different sizes", () => {
    let t = 0;
    const allow = createBatchBudget(20, () => t);
    expect(allow(4)).toBe(true);
    t = 150;
    expect(allow(4)).toBe(false);
    t = 200;
    expect(allow(1)).toBe(true);
    t = 240;
    expect(allow(1)).toBe(false);
  });
});

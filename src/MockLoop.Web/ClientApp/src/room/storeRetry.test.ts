import { describe, expect, it } from "vitest";
import type { CommandResult } from "./liveTypes";
import { sendUntilStored, storeRetryDelayMs, unsavedLabel } from "./storeRetry";

const unavailable: CommandResult = { ok: false, code: "unavailable", error: "Not saved: the database is unavailable. Your change will be retried." };
const stored = (seq: number): CommandResult => ({ ok: true, seq });

function harness(answers: Array<CommandResult | Error>) {
  const sent: number[] = [];
  const slept: number[] = [];
  const unsaved: boolean[] = [];
  let active = true;
  const send = async () => {
    sent.push(sent.length);
    const next = answers.shift();
    if (!next) throw new Error("no more answers");
    if (next instanceof Error) throw next;
    return next;
  };
  const hooks = {
    sleep: async (ms: number) => { slept.push(ms); },
    onUnsaved: (u: boolean) => { unsaved.push(u); },
    isActive: () => active,
  };
  return { send, hooks, sent, slept, unsaved, stop: () => { active = false; } };
}

describe("sendUntilStored", () => {
  it("resends an unavailable change with growing delays until it is stored", async () => {
    const h = harness([unavailable, unavailable, unavailable, stored(7)]);

    const result = await sendUntilStored(h.send, h.hooks);

    expect(result).toEqual({ ok: true, seq: 7 });
    expect(h.sent).toHaveLength(4);
    expect(h.slept).toEqual([500, 1000, 2000]);
    expect(h.unsaved).toEqual([true, false]);
  });

  it("does not retry a refusal that a retry cannot fix, and never marks it unsaved", async () => {
    const h = harness([{ ok: false, code: "unstorable_text", error: "bad" }]);

    const result = await sendUntilStored(h.send, h.hooks);

    expect(result.code).toBe("unstorable_text");
    expect(h.sent).toHaveLength(1);
    expect(h.unsaved).toEqual([]);
  });

  it("stops when the room goes away and clears the unsaved mark", async () => {
    const h = harness([unavailable, unavailable]);
    h.hooks.sleep = async () => { h.stop(); };

    const result = await sendUntilStored(h.send, h.hooks);

    expect(result.code).toBe("unavailable");
    expect(h.sent).toHaveLength(1);
    expect(h.unsaved).toEqual([true, false]);
  });

  it("passes on a dropped connection and clears the unsaved mark, so the change waits for the resend after sync", async () => {
    const h = harness([unavailable, new Error("connection closed")]);

    await expect(sendUntilStored(h.send, h.hooks)).rejects.toThrow("connection closed");
    expect(h.unsaved).toEqual([true, false]);
  });
});

describe("storeRetryDelayMs", () => {
  it("backs off exponentially and settles at ten seconds", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(storeRetryDelayMs)).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });
});

describe("unsavedLabel", () => {
  it("says how many changes are not stored yet", () => {
    expect(unsavedLabel(0)).toBeNull();
    expect(unsavedLabel(1)).toBe("1 unsaved change, retrying…");
    expect(unsavedLabel(3)).toBe("3 unsaved changes, retrying…");
  });
});

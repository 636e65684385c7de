import { describe, expect, it } from "vitest";
import { countLabel, waited } from "./lobbyFormat";

describe("lobby formatting", () => {
  it("shows the wait from the server's enqueue time", () => {
    const since = "2026-11-21T10:00:00.000Z";
    expect(waited(since, 0, Date.parse("2026-11-21T10:02:05.400Z"))).toBe("2:05");
    expect(waited(since, 0, Date.parse("2026-11-21T11:01:02.000Z"))).toBe("1:01:02");
  });

  it("corrects for a skewed local clock and never goes negative", () => {
    const since = "2026-11-21T10:00:00.000Z";
    expect(waited(since, 10_000, Date.parse("2026-11-21T09:59:55.000Z"))).toBe("0:05");
    expect(waited(since, 0, Date.parse("2026-11-21T09:59:00.000Z"))).toBe("0:00");
  });

  it("pluralises counts", () => {
    expect(countLabel(1, "candidate", "candidates")).toBe("1 candidate");
    expect(countLabel(3, "candidate", "candidates")).toBe("3 candidates");
  });
});

import { describe, expect, it } from "vitest";
import { isFinal, reconnectDelayMs, statusFromStartError } from "./connectionStatus";

describe("connection status", () => {
  it("treats a refusal by the membership gate as final", () => {
    const status = statusFromStartError({ statusCode: 403 });
    expect(status.phase).toBe("refused");
    expect(status.detail).toMatch(/not a participant/);
    expect(isFinal(status)).toBe(true);
  });

  it("asks an expired sign-in to sign in again", () => {
    expect(statusFromStartError({ statusCode: 401 }).detail).toMatch(/Sign in again/);
  });

  it("keeps retrying a network failure", () => {
    const status = statusFromStartError(new Error("Failed to fetch"));
    expect(status.phase).toBe("offline");
    expect(isFinal(status)).toBe(false);
  });

  it("backs off and then retries every ten seconds forever", () => {
    expect([0, 1, 2, 3].map(reconnectDelayMs)).toEqual([0, 1000, 2000, 5000]);
    expect(reconnectDelayMs(50)).toBe(10000);
  });
});

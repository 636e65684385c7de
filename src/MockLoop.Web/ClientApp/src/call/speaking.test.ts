import { describe, expect, it } from "vitest";
import { levelFromSamples, nextSpeaking, quiet } from "./speaking";

describe("speaking indicator", () => {
  it("measures silence as zero and a full swing as one", () => {
    expect(levelFromSamples(new Uint8Array(256).fill(128))).toBe(0);
    const square = Uint8Array.from({ length: 256 }, (_, i) => (i % 2 ? 0 : 255));
    expect(levelFromSamples(square)).toBeGreaterThan(0.99);
    expect(levelFromSamples([])).toBe(0);
  });

  it("lights up at once and goes out only after a pause", () => {
    let state = nextSpeaking(quiet, 0.2, 0);
    expect(state.speaking).toBe(true);
    state = nextSpeaking(state, 0.01, 100);
    expect(state.speaking).toBe(true);
    state = nextSpeaking(state, 0.01, 500);
    expect(state.speaking).toBe(false);
  });

  it("keeps speaking through soft sounds between words", () => {
    let state = nextSpeaking(quiet, 0.1, 0);
    state = nextSpeaking(state, 0.03, 1000);
    expect(state.speaking).toBe(true);
    expect(nextSpeaking(quiet, 0.03, 0).speaking).toBe(false);
  });
});

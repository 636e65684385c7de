// The speaking indicator's arithmetic: a level from an analyser's samples, and a decision with hysteresis so the
// ring does not flicker between words.

/** Root mean square of 8-bit time-domain samples (128 is silence), 0..1. */
export function levelFromSamples(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const v = (samples[i] - 128) / 128;
    sum += v * v;
  }
  return Math.sqrt(sum / samples.length);
}

export interface SpeakingState {
  speaking: boolean;
  lastLoudAt: number;
}

export const quiet: SpeakingState = { speaking: false, lastLoudAt: -Infinity };

/** Above `on` starts speaking at once; it stops only after `holdMs` below `off`. */
export function nextSpeaking(state: SpeakingState, level: number, now: number, on = 0.045, off = 0.025, holdMs = 350): SpeakingState {
  if (level >= on) return { speaking: true, lastLoudAt: now };
  if (level >= off && state.speaking) return { speaking: true, lastLoudAt: now };
  if (state.speaking && now - state.lastLoudAt < holdMs) return state;
  return state.speaking ? { speaking: false, lastLoudAt: state.lastLoudAt } : state;
}

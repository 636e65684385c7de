import type { CommandResult } from "./liveTypes";

// A command the server could not store (its database is restarting, a connection broke) is answered with the code
// "unavailable": nothing was applied, and the very same command (same change id) may be sent again. The room keeps
// such changes on screen, marks them unsaved, and resends them with backoff until the server answers otherwise.

export const UNAVAILABLE = "unavailable";

/** 0.5 s, 1 s, 2 s, 4 s, 8 s, then every 10 s: quick for a blip, gentle on a database that is down for a while. */
export function storeRetryDelayMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** attempt);
}

export interface StoreRetryHooks {
  /** Waits between attempts (a timer in the app, instant in tests). */
  sleep(ms: number): Promise<void>;
  /** Called with true when the change first comes back unavailable, and with false once it has an answer. */
  onUnsaved(unsaved: boolean): void;
  /** False once the room is gone (unmounted): the loop stops and the change stays pending for the next sync. */
  isActive(): boolean;
}

/**
 * Sends until the server answers anything but "unavailable": stored, or refused for a reason a retry cannot fix.
 * A call that throws (the connection dropped) is passed on; the caller keeps the change for the resend after sync.
 */
export async function sendUntilStored<T extends Pick<CommandResult, "code"> = CommandResult>(
  send: () => Promise<T>,
  hooks: StoreRetryHooks,
): Promise<T> {
  let attempt = 0;
  try {
    for (;;) {
      const result = await send();
      if (result.code !== UNAVAILABLE || !hooks.isActive()) return result;
      if (attempt === 0) hooks.onUnsaved(true);
      await hooks.sleep(storeRetryDelayMs(attempt));
      attempt++;
      if (!hooks.isActive()) return result;
    }
  } finally {
    if (attempt > 0) hooks.onUnsaved(false);
  }
}

/** The sentence next to the connection state: how many of the person's changes are not stored yet. */
export function unsavedLabel(count: number): string | null {
  if (count <= 0) return null;
  return count === 1 ? "1 unsaved change, retrying…" : `${count} unsaved changes, retrying…`;
}

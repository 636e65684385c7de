// Rate limiting for volatile traffic (cursor, drag previews): the hub forwards these to the peer and the design caps
// them at 20 messages per second per connection.

export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Drops a trailing call that has not been sent yet. */
  cancel(): void;
}

/**
 * Calls `fn` at most once per `intervalMs`; the last call of a burst is delivered at the end of the interval, so the
 * peer always ends up seeing the final position.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, intervalMs: number, now: () => number = Date.now): Throttled<A> {
  let last = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | null = null;

  const flush = () => {
    timer = undefined;
    if (pending === null) return;
    const args = pending;
    pending = null;
    last = now();
    fn(...args);
  };

  const throttled = (...args: A) => {
    pending = args;
    const wait = last + intervalMs - now();
    if (wait <= 0) {
      if (timer !== undefined) clearTimeout(timer);
      flush();
    } else if (timer === undefined) {
      timer = setTimeout(flush, wait);
    }
  };
  throttled.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = null;
  };
  return throttled;
}

/**
 * A budget of `perSecond` calls shared by batches of any size: a batch of n items is allowed only when n/perSecond
 * seconds have passed since the previous batch. Used for drag previews, where one gesture moves several nodes.
 */
export function createBatchBudget(perSecond: number, now: () => number = Date.now) {
  let nextAllowed = Number.NEGATIVE_INFINITY;
  return (size: number): boolean => {
    const t = now();
    if (t < nextAllowed) return false;
    nextAllowed = t + (size * 1000) / perSecond;
    return true;
  };
}

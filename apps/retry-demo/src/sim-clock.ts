// The simulated clock. Time only moves when the scheduler says so: it jumps to the next moment
// something is due, so five days of retry schedule play out in seconds while every SMTP session
// and HTTP request stays real. The fake servers read the same clock (their greylisting delays and
// outage windows are in simulated time), either in-process or told over HTTP when they run in
// another process (see fakes.ts).

export interface SimClock {
  now(): number;
  /** Moves time forward (never back) and tells the listeners before it returns. */
  advanceTo(at: number): Promise<void>;
  onAdvance(listener: (now: number) => void | Promise<void>): void;
}

export function createSimClock(start: number): SimClock {
  if (!Number.isSafeInteger(start)) throw new TypeError('createSimClock: `start` must be epoch milliseconds');
  let current = start;
  const listeners: Array<(now: number) => void | Promise<void>> = [];
  return {
    now: () => current,
    async advanceTo(at) {
      if (!(at > current)) return;
      current = at;
      for (const listener of listeners) await listener(current);
    },
    onAdvance(listener) {
      listeners.push(listener);
    },
  };
}

// Simulation: 10,000 messages to one destination that rate-limits above a hidden rate, in simulated
// time with a seeded random source (replies arrive 50–300 ms after the send, as over a real network).
import { describe, expect, it } from 'vitest';
import { makeReply, makeVerdict } from '../__fixtures__/make-verdict';
import { decideRetry } from '../retry/decide-retry';
import { createRetryPolicy } from '../retry/retry-policy';
import type { Verdict } from '../verdict/verdict';
import { createThrottle, type Throttle } from './create-throttle';

/** mulberry32: a tiny seeded PRNG, so every run is the same run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const delivered = makeVerdict('delivered');
const rateLimited = makeVerdict('rate-limited', {
  reply: makeReply('421 4.7.0 Try again later, closing connection. (rate)'),
});

interface Run {
  /** The throttle's rate in force, sampled at each send. */
  readonly rates: number[];
  readonly accepted: number[];
  readonly limited: number[];
  readonly attempts: number[];
}

/**
 * The destination: a token bucket of `hiddenRate` per second holding one second's worth. Every
 * message the bucket cannot cover is refused with a rate-limit reply and sent again later.
 */
function simulate(
  throttle: Throttle,
  messages: number,
  hiddenRate: number,
  seed: number,
  reply?: (now: number) => Verdict | undefined,
): Run {
  const random = seeded(seed);
  const run: Run = { rates: [], accepted: [], limited: [], attempts: [] };
  let tokens = hiddenRate;
  let refilledAt = 0;
  let now = 0;
  let remaining = messages;
  const pending: { at: number; verdict: Verdict }[] = [];
  let nextTry = 0;
  while (remaining > 0 || pending.length > 0) {
    // The next event: a reply arriving, or the next send attempt.
    const first = pending[0];
    if (first !== undefined && (remaining === 0 || first.at <= nextTry)) {
      pending.shift();
      now = first.at;
      throttle.feedback('example.com', first.verdict, now);
      if (first.verdict.category !== 'delivered') remaining++;
      continue;
    }
    now = nextTry;
    const answer = throttle.acquire('example.com', now);
    if (!answer.allowed) {
      nextTry = answer.retryAt;
      continue;
    }
    remaining--;
    run.attempts.push(now);
    run.rates.push(throttle.inspect('example.com', now)?.rate ?? 0);
    tokens = Math.min(hiddenRate, tokens + ((now - refilledAt) / 1000) * hiddenRate);
    refilledAt = now;
    let verdict = reply?.(now) ?? delivered;
    if (verdict === delivered) {
      if (tokens >= 1) {
        tokens -= 1;
        run.accepted.push(now);
      } else {
        verdict = rateLimited;
        run.limited.push(now);
      }
    }
    const at = now + 50 + random() * 250;
    let index = pending.length;
    while (index > 0 && (pending[index - 1] as { at: number }).at > at) index--;
    pending.splice(index, 0, { at, verdict });
  }
  return run;
}

describe('throttle simulation: a destination that rate-limits above a hidden rate', () => {
  const hiddenRate = 20; // messages per second
  const throttle = createThrottle({ shapingRules: [] });
  const run = simulate(throttle, 10_000, hiddenRate, 42);
  // Converged: from the 2,000th delivered message on (the first ~6 s are slow start and settling).
  const start = run.accepted[2000] as number;
  const end = run.accepted.at(-1) as number;
  const convergedRate = ((run.accepted.length - 2001) / (end - start)) * 1000;
  const limitedAfter = run.limited.filter((time) => time >= start).length;
  const sentAfter = run.attempts.filter((time) => time >= start).length;
  const sendRate = (sentAfter / (end - start)) * 1000;
  const afterRates = run.rates.filter((_, index) => (run.attempts[index] as number) >= start);
  const meanRate = afterRates.reduce((sum, rate) => sum + rate, 0) / afterRates.length;

  it('delivers every message', () => {
    expect(run.accepted).toHaveLength(10_000);
  });

  it('converges within 20 % of the hidden rate: its rate, its sending rate and the delivered rate', () => {
    console.log(
      `simulation: hidden ${hiddenRate}/s; after convergence: throttle rate ${meanRate.toFixed(2)}/s (mean), ` +
        `sent ${sendRate.toFixed(2)}/s, delivered ${convergedRate.toFixed(2)}/s; rate-limited replies: ` +
        `${run.limited.length} in all, ${limitedAfter} of ${sentAfter} sends after convergence`,
    );
    for (const rate of [meanRate, sendRate, convergedRate]) {
      expect(rate).toBeGreaterThan(hiddenRate * 0.8);
      expect(rate).toBeLessThan(hiddenRate * 1.2);
    }
  });

  it('keeps rate-limited replies after convergence low (under 2 % of the messages sent then)', () => {
    expect(limitedAfter).toBeLessThan(sentAfter * 0.02);
  });

  it('is deterministic for a seed', () => {
    const again = simulate(createThrottle({ shapingRules: [] }), 10_000, hiddenRate, 42);
    expect(again.limited).toEqual(run.limited);
    expect(again.accepted.at(-1)).toBe(end);
  });

  it.each([5, 50])('also converges for a hidden rate of %i/s', (rate) => {
    const other = simulate(createThrottle({ shapingRules: [] }), 10_000, rate, 7);
    const from = other.accepted[2000] as number;
    const to = other.accepted.at(-1) as number;
    const converged = ((other.accepted.length - 2001) / (to - from)) * 1000;
    expect(Math.abs(converged - rate) / rate).toBeLessThan(0.2);
  });
});

describe('throttle simulation: a destination that pauses for an hour', () => {
  const hour = 3_600_000;
  it('gets no attempts during the hour, and attempts again after it', () => {
    const throttle = createThrottle({ shapingRules: [] });
    const pauseAt = 60_000;
    let told = false;
    // At 60 s the destination answers once with a server-busy reply asking for an hour (Retry-After).
    const busy = makeVerdict('server-busy', { retry: { afterMs: hour } });
    const run = simulate(throttle, 3000, 20, 1, (now) => {
      if (now >= pauseAt && !told) {
        told = true;
        return busy;
      }
      return undefined;
    });
    const pausedFrom = run.attempts.find((time) => time >= pauseAt) as number;
    // Replies in flight when the pause arrives (≤ 300 ms) may still have been sent; none after that.
    const during = run.attempts.filter((time) => time > pausedFrom + 300 && time < pausedFrom + hour);
    expect(during).toEqual([]);
    expect(run.attempts.filter((time) => time >= pausedFrom + hour).length).toBeGreaterThan(0);
    expect(run.accepted).toHaveLength(3000);
  });

  it('a Yahoo TS01 deferral pauses Yahoo for 4 h and decideRetry waits at least as long', () => {
    const throttle = createThrottle();
    const ts01 = makeVerdict('reputation', {
      provider: 'yahoo',
      reply: makeReply(
        '421 4.7.0 [TS01] Messages from 192.0.2.25 temporarily deferred due to user complaints',
      ),
      retry: { afterMs: 4 * hour },
    });
    expect(throttle.acquire('user@yahoo.com', 0).allowed).toBe(true);
    throttle.feedback('user@yahoo.com', ts01, 100);
    for (let time = 200; time < 4 * hour; time += 60_000) {
      expect(throttle.acquire('someone@aol.com', time)).toMatchObject({ allowed: false, reason: 'paused' });
    }
    expect(throttle.acquire('someone@aol.com', 4 * hour + 100).allowed).toBe(true);
    const decision = decideRetry(
      ts01,
      { attempt: 1, firstAttemptAt: 0, now: 100 },
      createRetryPolicy({ jitter: 0 }),
    );
    expect(decision).toMatchObject({ action: 'retry', at: 100 + 4 * hour });
  });
});

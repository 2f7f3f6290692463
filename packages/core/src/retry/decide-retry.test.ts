import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeVerdict } from '../__fixtures__/make-verdict';
import type { DeliveryOutcome } from '../verdict/delivery-outcome';
import { MailverdictError } from '../verdict/errors';
import { type Category, categories, categoryDefaults } from '../verdict/taxonomy';
import type { Permanence, Scope } from '../verdict/verdict';
import { decideRetry, type RetryHistory } from './decide-retry';
import { type RetryDecision, type RetryFix, retryFixes } from './retry-decision';
import { createRetryPolicy } from './retry-policy';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
// 2026-11-28T10:00:00Z: not a day boundary, so quota resets are visible.
const t0 = Date.UTC(2026, 10, 28, 10, 0, 0);
const noJitter = createRetryPolicy({ jitter: 0 });
const successes: readonly Category[] = ['delivered', 'accepted', 'auto-reply', 'complaint'];

function history(attempt: number, elapsed = 0, extra: Partial<RetryHistory> = {}): RetryHistory {
  return { attempt, firstAttemptAt: t0, now: t0 + elapsed, ...extra };
}

function delays(category: Category, attempts: number, scope?: Scope): (number | string)[] {
  const verdict = makeVerdict(category, scope === undefined ? {} : { scope });
  const out: (number | string)[] = [];
  let elapsed = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const decision = decideRetry(verdict, history(attempt, elapsed), noJitter);
    if (decision.action === 'retry') {
      out.push(decision.delayMs);
      elapsed += decision.delayMs;
    } else out.push(decision.action === 'give-up' ? `give-up:${decision.cause}` : decision.action);
  }
  return out;
}

describe('decideRetry: the default schedule per category (attempts 1…n, no jitter)', () => {
  const general = [5 * minute, 10 * minute, 20 * minute, 40 * minute, 4_000_000, 4_000_000];
  it.each([
    ['greylisted', [6 * minute, 12 * minute, 24 * minute, 48 * minute, hour, hour]],
    ['deferred', general],
    ['server-busy', general],
    ['server-error', general],
    ['network', general],
    ['dns-failure', general],
    ['routing', general],
    ['rate-limited', [hour, 2 * hour, 4 * hour, 4 * hour, 4 * hour, 4 * hour]],
    ['reputation', [hour, 2 * hour, 4 * hour, 4 * hour, 4 * hour, 4 * hour]],
    ['mailbox-full', [6 * hour, 12 * hour, day, 2 * day, 'give-up:max-attempts', 'give-up:max-attempts']],
    ['transaction-limit', ['retry-now', 'retry-now', 'retry-now', 5 * minute, 10 * minute, 20 * minute]],
  ] as const)('%s', (category, expected) => {
    expect(delays(category, 6)).toEqual(expected);
  });

  it('rate-limited on one recipient (scope recipient) waits 15 min, not hours', () => {
    expect(delays('rate-limited', 4, 'recipient')).toEqual([15 * minute, 30 * minute, hour, hour]);
  });

  it('account-limit waits for the next daily reset (midnight UTC)', () => {
    const decision = decideRetry(makeVerdict('account-limit'), history(1), noJitter);
    expect(decision).toMatchObject({ action: 'retry', at: Date.UTC(2026, 10, 29) });
    // Five minutes before midnight, the 5-minute minimum still lands on the reset.
    const late = Date.UTC(2026, 10, 28, 23, 55);
    const lateDecision = decideRetry(makeVerdict('account-limit'), {
      attempt: 1,
      firstAttemptAt: late,
      now: late,
    });
    expect(lateDecision).toMatchObject({ action: 'retry' });
    if (lateDecision.action === 'retry')
      expect(lateDecision.at).toBeGreaterThanOrEqual(Date.UTC(2026, 10, 29));
  });

  it('every decision carries a plain sentence as reason', () => {
    for (const category of categories) {
      if (successes.includes(category)) continue;
      const decision = decideRetry(makeVerdict(category), history(1), noJitter);
      expect(decision.reason).toMatch(/^[A-Z].*\.$/);
      expect(decision.reason).not.toContain('undefined');
    }
  });
});

describe('decideRetry: safety for every category', () => {
  const permanences: readonly Permanence[] = ['transient', 'permanent'];
  const scopes: readonly Scope[] = ['recipient', 'message', 'sender', 'destination', 'provider', 'none'];

  it.each(categories.filter((category) => !successes.includes(category)))(
    '%s: a permanent recipient failure is never retried; a non-recipient failure never suppresses',
    (category) => {
      for (const permanence of permanences) {
        for (const scope of scopes) {
          for (const suppressRecipient of [false, true]) {
            for (const attempt of [1, 2, 5]) {
              const verdict = makeVerdict(category, { permanence, scope, suppressRecipient });
              const decision = decideRetry(verdict, history(attempt, attempt * minute));
              if (permanence === 'permanent' && scope === 'recipient') {
                expect(decision.action).not.toBe('retry');
                expect(decision.action).not.toBe('retry-now');
              }
              if (scope !== 'recipient') {
                expect(decision.action === 'give-up' && decision.suppressRecipient).toBe(false);
              }
            }
          }
        }
      }
    },
  );

  it.each(categories.filter((category) => !successes.includes(category)))(
    '%s with its taxonomy defaults gets the expected kind of decision',
    (category) => {
      const defaults = categoryDefaults[category];
      const settled = defaults.permanence !== 'transient';
      const decision = decideRetry(makeVerdict(category), history(1));
      if (category === 'expired') expect(decision).toMatchObject({ action: 'give-up', cause: 'expired' });
      else if (defaults.changeRequired && settled) expect(decision.action).toBe('hold');
      else if (settled) {
        expect(decision).toMatchObject({
          action: 'give-up',
          cause: 'permanent',
          suppressRecipient: defaults.suppressRecipient && defaults.scope === 'recipient',
        });
      } else expect(['retry', 'retry-now']).toContain(decision.action);
    },
  );

  it.each(successes)('%s is not a failure: MailverdictError not-a-failure', (category) => {
    expect(() => decideRetry(makeVerdict(category), history(1))).toThrow(MailverdictError);
    try {
      decideRetry(makeVerdict(category), history(1));
    } catch (error) {
      expect(MailverdictError.isInstance(error) && error.code).toBe('not-a-failure');
    }
  });

  it.each([
    ['authentication', 'dns-records'],
    ['sender-infrastructure', 'sending-host'],
    ['sender-rejected', 'sender-address'],
    ['client-auth', 'credentials'],
    ['account-issue', 'account'],
    ['blocklisted', 'delisting'],
    ['spam-content', 'content'],
    ['virus', 'content'],
    ['message-too-large', 'message-size'],
    ['message-format', 'message-format'],
    ['protocol', 'smtp-client'],
  ] as const)('%s holds with fix %s', (category, fix) => {
    expect(decideRetry(makeVerdict(category), history(1))).toMatchObject({ action: 'hold', fix, category });
  });

  it('a 4xx that needs a change (TLS required, scope sender) holds instead of retrying', () => {
    const verdict = makeVerdict('tls-failure', {
      scope: 'sender',
      retry: { changeRequired: true, allowed: false },
    });
    expect(decideRetry(verdict, history(1))).toMatchObject({ action: 'hold', fix: 'tls' });
  });

  it('every hold names its fix in words (retryFixes), the same words that end its reason', () => {
    const held = new Set<RetryFix>();
    for (const category of categories) {
      if (successes.includes(category)) continue;
      const verdict = makeVerdict(category, { retry: { changeRequired: true, allowed: false } });
      const decision = decideRetry(verdict, history(1));
      if (decision.action !== 'hold') continue;
      held.add(decision.fix);
      const words = retryFixes[decision.fix];
      expect(words, category).toMatch(/^[a-z].*[^.]$/);
      expect(decision.reason.endsWith(`: ${words}.`), category).toBe(true);
    }
    expect(held.size).toBeGreaterThan(10);
    // Every fix code has words, and none are shared: an app can show them without parsing `reason`.
    const words = Object.values(retryFixes);
    expect(new Set(words).size).toBe(words.length);
    expect(Object.isFrozen(retryFixes)).toBe(true);
  });
});

describe('decideRetry: the give-up moment', () => {
  it('deferred: retries until the next retry would pass 5 days, then gives up expired with the cause', () => {
    const verdict = makeVerdict('deferred');
    let elapsed = 0;
    let attempt = 1;
    let decision: RetryDecision = decideRetry(verdict, history(attempt, elapsed), noJitter);
    while (decision.action === 'retry') {
      expect(decision.at).toBeLessThanOrEqual(t0 + 5 * day);
      elapsed += decision.delayMs;
      attempt++;
      decision = decideRetry(verdict, history(attempt, elapsed), noJitter);
    }
    expect(decision).toMatchObject({ action: 'give-up', cause: 'expired', category: 'deferred' });
    // Retries after 5, 10, 20, 40 min (75 min in all), then every 4000 s: floor((5 d - 75 min) / 4000 s) = 106
    // more; so 1 + 4 + 106 = 111 attempts, and the 111th failure gives up.
    expect(attempt).toBe(111);
    expect(elapsed).toBeGreaterThan(5 * day - 4_000_000);
  });

  it('gives up expired at once when the message is already older than the maximum age', () => {
    expect(decideRetry(makeVerdict('network'), history(3, 5 * day))).toMatchObject({
      action: 'give-up',
      cause: 'expired',
      category: 'network',
      suppressRecipient: false,
    });
  });

  it('an expired verdict keeps the last underlying cause: from the verdict, else from previous', () => {
    expect(decideRetry(makeVerdict('expired', { cause: 'greylisted' }), history(4))).toMatchObject({
      action: 'give-up',
      cause: 'expired',
      category: 'greylisted',
    });
    const previous = [makeVerdict('network'), makeVerdict('server-busy'), makeVerdict('expired')];
    expect(decideRetry(makeVerdict('expired'), history(4, 0, { previous }))).toMatchObject({
      category: 'server-busy',
    });
    expect(decideRetry(makeVerdict('expired'), history(1))).toMatchObject({ category: 'expired' });
  });

  it('a provider wait that runs past the maximum age gives up now', () => {
    const verdict = makeVerdict('reputation', { retry: { afterMs: 4 * hour } });
    expect(decideRetry(verdict, history(9, 5 * day - hour), noJitter)).toMatchObject({
      action: 'give-up',
      cause: 'expired',
      category: 'reputation',
    });
  });
});

describe('decideRetry: provider waits', () => {
  const outcome = (retryAfterMs?: number): DeliveryOutcome => ({
    provider: 'ses',
    event: 'deferred',
    origin: 'provider',
    providerDetail: {},
    raw: {},
    verdict: makeVerdict('server-busy'),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

  it("honours a DeliveryOutcome's Retry-After as a floor", () => {
    expect(decideRetry(outcome(2 * hour), history(1), noJitter)).toMatchObject({
      action: 'retry',
      delayMs: 2 * hour,
    });
    expect(decideRetry(outcome(), history(1), noJitter)).toMatchObject({ delayMs: 5 * minute });
    // A shorter Retry-After than our own backoff does not shorten it.
    expect(decideRetry(outcome(1000), history(1), noJitter)).toMatchObject({ delayMs: 5 * minute });
  });

  it('honours history.retryAfterMs, and the longer of the two when both are given', () => {
    const verdict = makeVerdict('server-busy');
    expect(decideRetry(verdict, history(1, 0, { retryAfterMs: hour }), noJitter)).toMatchObject({
      delayMs: hour,
    });
    expect(decideRetry(outcome(hour), history(1, 0, { retryAfterMs: 3 * hour }), noJitter)).toMatchObject({
      delayMs: 3 * hour,
    });
  });

  it("treats the classifier's verdict.retry.afterMs (Yahoo TS01: 4 h) as a floor", () => {
    const verdict = makeVerdict('reputation', { provider: 'yahoo', retry: { afterMs: 4 * hour } });
    const decision = decideRetry(verdict, history(1), noJitter);
    expect(decision).toMatchObject({ action: 'retry', delayMs: 4 * hour });
    expect(decision.reason).toContain('4 h');
  });

  it('rejects a negative or NaN Retry-After with a TypeError naming it', () => {
    expect(() => decideRetry(outcome(-1), history(1))).toThrow(/outcome\.retryAfterMs/);
    expect(() => decideRetry(makeVerdict('network'), history(1, 0, { retryAfterMs: Number.NaN }))).toThrow(
      /history\.retryAfterMs/,
    );
  });
});

describe('decideRetry: the clock is injected', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('never reads Date.now and is deterministic for the same inputs and random source', () => {
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('decideRetry read the clock');
    });
    const seeded = () => createRetryPolicy({ random: sequence([0.25, 0.75]) });
    const a = [1, 2].map((attempt) => decideRetry(makeVerdict('deferred'), history(attempt), seeded()));
    const first = seeded();
    const b = [1, 2].map((attempt) => decideRetry(makeVerdict('deferred'), history(attempt), first));
    expect(a[0]).toEqual(b[0]);
    expect(b[0]).toMatchObject({ delayMs: 5 * minute * 1.025, at: t0 + 5 * minute * 1.025 });
    expect(b[1]).toMatchObject({ delayMs: 10 * minute * 1.075 });
  });

  it('at is always now + delayMs', () => {
    const decision = decideRetry(
      makeVerdict('greylisted'),
      { attempt: 1, firstAttemptAt: 1000, now: 5000 },
      noJitter,
    );
    expect(decision).toMatchObject({ action: 'retry', delayMs: 6 * minute, at: 5000 + 6 * minute });
  });
});

describe('decideRetry: argument validation', () => {
  it.each([
    [{ attempt: 0, firstAttemptAt: t0, now: t0 }, /history\.attempt/],
    [{ attempt: 1.5, firstAttemptAt: t0, now: t0 }, /history\.attempt/],
    [{ attempt: 1, firstAttemptAt: t0, now: Number.NaN }, /history\.now/],
    [{ attempt: 1, firstAttemptAt: t0 + 1, now: t0 }, /history\.firstAttemptAt/],
    [{ attempt: 1, firstAttemptAt: t0, now: t0, previous: 'network' }, /history\.previous/],
    [{ attempt: 1, firstAttemptAt: t0, now: t0, destination: 42 }, /history\.destination/],
  ])('rejects %o', (bad, message) => {
    expect(() => decideRetry(makeVerdict('network'), bad as RetryHistory)).toThrow(TypeError);
    expect(() => decideRetry(makeVerdict('network'), bad as RetryHistory)).toThrow(message);
  });

  it('rejects a verdict that is not one', () => {
    expect(() => decideRetry(null as never, history(1))).toThrow(TypeError);
    expect(() =>
      decideRetry({ ...makeVerdict('network'), category: 'nope' as Category }, history(1)),
    ).toThrow(/verdict\.category/);
    expect(() => decideRetry(makeVerdict('network'), null as never)).toThrow(/history/);
  });

  it('rejects a random source that returns something outside [0, 1)', () => {
    const policy = createRetryPolicy({ random: () => 1 });
    expect(() => decideRetry(makeVerdict('network'), history(1), policy)).toThrow(/policy\.random/);
  });
});

function sequence(values: readonly number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] ?? 0;
}

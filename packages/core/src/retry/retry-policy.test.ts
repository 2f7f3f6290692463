import { describe, expect, it } from 'vitest';
import { makeVerdict } from '../__fixtures__/make-verdict';
import type { DeliveryOutcome } from '../verdict/delivery-outcome';
import { MailverdictError } from '../verdict/errors';
import type { Category } from '../verdict/taxonomy';
import { decideRetry, type RetryHistory } from './decide-retry';
import {
  createRetryPolicy,
  defaultRetryPolicy,
  type RetryPolicyOptions,
  retryScheduleKeys,
} from './retry-policy';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const t0 = Date.UTC(2026, 10, 28, 10, 0, 0);
const at = (attempt: number, elapsed = 0, extra: Partial<RetryHistory> = {}): RetryHistory => ({
  attempt,
  firstAttemptAt: t0,
  now: t0 + elapsed,
  ...extra,
});

function decide(options: RetryPolicyOptions, category: Category = 'deferred', history = at(1)) {
  return decideRetry(makeVerdict(category), history, createRetryPolicy({ jitter: 0, ...options }));
}

function delayOf(decision: ReturnType<typeof decideRetry>): number | string {
  return decision.action === 'retry' ? decision.delayMs : decision.action;
}

describe('createRetryPolicy: every field changes behaviour', () => {
  it('maxAgeMs', () => {
    const history = at(2, 2 * day);
    expect(decide({}, 'deferred', history).action).toBe('retry');
    expect(decide({ maxAgeMs: day }, 'deferred', history)).toMatchObject({
      action: 'give-up',
      cause: 'expired',
    });
  });

  it('jitter and random', () => {
    const verdict = makeVerdict('deferred');
    const half = () => 0.5;
    expect(delayOf(decideRetry(verdict, at(1), createRetryPolicy({ jitter: 0, random: half })))).toBe(
      5 * minute,
    );
    expect(delayOf(decideRetry(verdict, at(1), createRetryPolicy({ jitter: 0.5, random: half })))).toBe(
      5 * minute * 1.25,
    );
    expect(delayOf(decideRetry(verdict, at(1), createRetryPolicy({ jitter: 0.5, random: () => 0 })))).toBe(
      5 * minute,
    );
    // The default jitter is 10 %, upward only.
    expect(delayOf(decideRetry(verdict, at(1), createRetryPolicy({ random: () => 0.999 })))).toBeGreaterThan(
      5.49 * minute,
    );
  });

  it('honorRetryAfter', () => {
    const history = at(1, 0, { retryAfterMs: 3 * hour });
    expect(delayOf(decide({}, 'server-busy', history))).toBe(3 * hour);
    expect(delayOf(decide({ honorRetryAfter: false }, 'server-busy', history))).toBe(5 * minute);
    // The classifier's afterMs is still a floor: it is what the provider documents, not a header.
    const verdict = makeVerdict('reputation', { retry: { afterMs: 4 * hour } });
    expect(
      delayOf(decideRetry(verdict, at(1), createRetryPolicy({ jitter: 0, honorRetryAfter: false }))),
    ).toBe(4 * hour);
  });

  it('schedules.<category>.firstDelayMs, factor, maxDelayMs', () => {
    expect(delayOf(decide({ schedules: { deferred: { firstDelayMs: minute } } }))).toBe(minute);
    expect(delayOf(decide({ schedules: { deferred: { factor: 3 } } }, 'deferred', at(3)))).toBe(45 * minute);
    expect(delayOf(decide({ schedules: { deferred: { maxDelayMs: 7 * minute } } }, 'deferred', at(3)))).toBe(
      7 * minute,
    );
    // Only the named category changes.
    expect(delayOf(decide({ schedules: { deferred: { firstDelayMs: minute } } }, 'network'))).toBe(
      5 * minute,
    );
  });

  it('schedules.<category>.maxAttempts', () => {
    expect(decide({}, 'deferred', at(3)).action).toBe('retry');
    expect(decide({ schedules: { deferred: { maxAttempts: 3 } } }, 'deferred', at(3))).toMatchObject({
      action: 'give-up',
      cause: 'max-attempts',
    });
    // Removing the default limit of mailbox-full.
    expect(
      decide({ schedules: { 'mailbox-full': { maxAttempts: undefined } } }, 'mailbox-full', at(5)).action,
    ).toBe('retry');
  });

  it('schedules.<category>.immediateAttempts', () => {
    expect(decide({}, 'deferred', at(1)).action).toBe('retry');
    expect(decide({ schedules: { deferred: { immediateAttempts: 1 } } }, 'deferred', at(1)).action).toBe(
      'retry-now',
    );
    expect(
      decide({ schedules: { 'transaction-limit': { immediateAttempts: 0 } } }, 'transaction-limit').action,
    ).toBe('retry');
  });

  it('schedules.<category>.resetEveryMs and resetOffsetMs', () => {
    // Hourly quota: next full hour after 10:00 is 11:00.
    const hourly = decide({ schedules: { deferred: { resetEveryMs: hour } } });
    expect(hourly).toMatchObject({ action: 'retry', at: t0 + hour });
    // Daily at 08:00 UTC (Pacific midnight): the next one after 10:00 is tomorrow 08:00.
    const pacific = decide({ schedules: { 'account-limit': { resetOffsetMs: 8 * hour } } }, 'account-limit');
    expect(pacific).toMatchObject({ action: 'retry', at: Date.UTC(2026, 10, 29, 8) });
    const none = decide({ schedules: { 'account-limit': { resetEveryMs: undefined } } }, 'account-limit');
    expect(delayOf(none)).toBe(5 * minute);
  });

  it('schedules.rate-limited-recipient applies only to per-recipient limits', () => {
    const options = { schedules: { 'rate-limited-recipient': { firstDelayMs: 2 * minute } } };
    const policy = createRetryPolicy({ jitter: 0, ...options });
    expect(delayOf(decideRetry(makeVerdict('rate-limited', { scope: 'recipient' }), at(1), policy))).toBe(
      2 * minute,
    );
    expect(delayOf(decideRetry(makeVerdict('rate-limited'), at(1), policy))).toBe(hour);
  });

  it('destinations: by provider id, by domain, most specific first', () => {
    const policy = createRetryPolicy({
      jitter: 0,
      destinations: {
        yahoo: { schedules: { deferred: { firstDelayMs: 30 * minute } } },
        'aol.com': { maxAgeMs: hour },
      },
    });
    const verdict = makeVerdict('deferred');
    expect(delayOf(decideRetry(verdict, at(1, 0, { destination: 'someone@yahoo.com' }), policy))).toBe(
      30 * minute,
    );
    expect(delayOf(decideRetry(verdict, at(1, 0, { destination: 'mta5.am0.yahoodns.net' }), policy))).toBe(
      30 * minute,
    );
    expect(delayOf(decideRetry(verdict, at(1, 0, { destination: 'gmail.com' }), policy))).toBe(5 * minute);
    expect(delayOf(decideRetry(verdict, at(1), policy))).toBe(5 * minute);
    // Without a destination, the verdict's provider selects the overrides.
    expect(delayOf(decideRetry(makeVerdict('deferred', { provider: 'yahoo' }), at(1), policy))).toBe(
      30 * minute,
    );
    // aol.com rolls up to yahoo, but its own entry (maxAgeMs 1 h, general schedules) wins.
    expect(decideRetry(verdict, at(2, 2 * hour, { destination: 'aol.com' }), policy)).toMatchObject({
      cause: 'expired',
    });
    expect(delayOf(decideRetry(verdict, at(1, 0, { destination: 'AOL.com' }), policy))).toBe(5 * minute);
  });

  it("destinations: an outcome's recipient selects them when the history names no destination", () => {
    const policy = createRetryPolicy({
      jitter: 0,
      destinations: { 'example.org': { schedules: { deferred: { firstDelayMs: 30 * minute } } } },
    });
    const outcome: DeliveryOutcome = {
      provider: 'smtp',
      event: 'deferred',
      recipient: 'someone@Example.org',
      origin: 'remote-server',
      providerDetail: {},
      verdict: makeVerdict('deferred'),
      raw: undefined,
    };
    expect(delayOf(decideRetry(outcome, at(1), policy))).toBe(30 * minute);
    // the history's destination, when given, is the caller's word and wins
    expect(delayOf(decideRetry(outcome, at(1, 0, { destination: 'gmail.com' }), policy))).toBe(5 * minute);
    // an outcome without a recipient, or a bare verdict, falls back to the general schedule
    const { recipient: _, ...anonymous } = outcome;
    expect(delayOf(decideRetry(anonymous, at(1), policy))).toBe(5 * minute);
  });

  it('destination names that are Object members find nothing', () => {
    const policy = createRetryPolicy({ jitter: 0, destinations: { yahoo: { maxAgeMs: hour } } });
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const verdict = makeVerdict('deferred', { provider: name });
      expect(delayOf(decideRetry(verdict, at(1, 0, { destination: name }), policy))).toBe(5 * minute);
    }
  });

  it('a plain options object passed to decideRetry is validated and used', () => {
    expect(delayOf(decideRetry(makeVerdict('deferred'), at(1), { jitter: 0, maxAgeMs: day }))).toBe(
      5 * minute,
    );
    expect(() => decideRetry(makeVerdict('deferred'), at(1), { maxAgeMs: -1 })).toThrow(/maxAgeMs/);
  });
});

describe('createRetryPolicy: validation', () => {
  it.each([
    [{ maxAgeMs: -1 }, 'maxAgeMs'],
    [{ maxAgeMs: Number.NaN }, 'maxAgeMs'],
    [{ maxAgeMs: '5d' }, 'maxAgeMs'],
    [{ maxAgeMs: Number.POSITIVE_INFINITY }, 'maxAgeMs'],
    [{ jitter: 2 }, 'jitter'],
    [{ jitter: Number.NaN }, 'jitter'],
    [{ random: 0.5 }, 'random'],
    [{ honorRetryAfter: 'yes' }, 'honorRetryAfter'],
    [{ schedules: { greylisted: { firstDelayMs: -5 } } }, 'schedules.greylisted.firstDelayMs'],
    [{ schedules: { greylisted: { firstDelayMs: '5m' } } }, 'schedules.greylisted.firstDelayMs'],
    [{ schedules: { greylisted: { maxDelayMs: Number.NaN } } }, 'schedules.greylisted.maxDelayMs'],
    [{ schedules: { greylisted: { firstDelayMs: 2 * hour } } }, 'schedules.greylisted.firstDelayMs'],
    [{ schedules: { greylisted: { factor: 0.5 } } }, 'schedules.greylisted.factor'],
    [{ schedules: { greylisted: { maxAttempts: 0 } } }, 'schedules.greylisted.maxAttempts'],
    [{ schedules: { greylisted: { immediateAttempts: -1 } } }, 'schedules.greylisted.immediateAttempts'],
    [{ schedules: { greylisted: { resetEveryMs: 0 } } }, 'schedules.greylisted.resetEveryMs'],
    [{ schedules: { greylisted: { delay: 5 } } }, 'schedules.greylisted.delay'],
    [{ schedules: { greylist: {} } }, 'schedules.greylist'],
    [{ schedules: { delivered: {} } }, 'schedules.delivered'],
    [{ destinations: { yahooo: {} } }, 'yahooo'],
    [{ destinations: { yahoo: { maxAgeMs: -1 } } }, 'destinations.yahoo.maxAgeMs'],
    [
      { destinations: { 'example.com': { schedules: { deferred: { factor: 'x' } } } } },
      'example.com.schedules',
    ],
    [{ maxage: 1 }, 'overrides.maxage'],
  ])('%o → MailverdictError naming %s', (options, field) => {
    let caught: unknown;
    try {
      createRetryPolicy(options as RetryPolicyOptions);
    } catch (error) {
      caught = error;
    }
    expect(MailverdictError.isInstance(caught)).toBe(true);
    expect((caught as MailverdictError).code).toBe('invalid-policy');
    expect((caught as Error).message).toContain(field);
  });

  it('rejects a non-object with a TypeError', () => {
    expect(() => createRetryPolicy(null as never)).toThrow(TypeError);
  });

  it('the default policy has a schedule for every failure category and is frozen', () => {
    expect(Object.keys(defaultRetryPolicy.schedules).sort()).toEqual([...retryScheduleKeys].sort());
    expect(Object.isFrozen(defaultRetryPolicy)).toBe(true);
    expect(Object.isFrozen(defaultRetryPolicy.schedules.greylisted)).toBe(true);
    expect(defaultRetryPolicy.maxAgeMs).toBe(5 * day);
  });

  it('does not change the overrides it was given', () => {
    const options = { schedules: { deferred: { firstDelayMs: minute } } };
    const copy = structuredClone(options);
    createRetryPolicy(options);
    expect(options).toEqual(copy);
  });
});

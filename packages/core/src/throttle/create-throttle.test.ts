import { describe, expect, it } from 'vitest';
import { makeReply, makeVerdict } from '../__fixtures__/make-verdict';
import type { DeliveryOutcome } from '../verdict/delivery-outcome';
import { destinationOf } from '../verdict/destination-key';
import { MailverdictError } from '../verdict/errors';
import { createThrottle, restoreThrottle, type Throttle } from './create-throttle';
import type { ShapingRule } from './shaping-rules';
import type { ThrottleOptions } from './throttle-options';
import type { WarmUpPlan } from './warm-up';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const delivered = makeVerdict('delivered');
const rateLimited = makeVerdict('rate-limited');
const noRules: ThrottleOptions = { shapingRules: [] };

/** Sends as fast as the throttle allows from `from` for `ms`, answering every attempt with `verdict`. */
function drive(
  throttle: Throttle,
  destination: string,
  from: number,
  ms: number,
  verdict = delivered,
): number {
  let now = from;
  let sent = 0;
  while (now < from + ms) {
    const answer = throttle.acquire(destination, now);
    if (!answer.allowed) {
      now = answer.retryAt;
      continue;
    }
    sent++;
    throttle.feedback(destination, verdict, now);
  }
  return sent;
}

function caught(run: () => unknown): MailverdictError {
  try {
    run();
  } catch (error) {
    if (MailverdictError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a MailverdictError');
}

describe('createThrottle: destinations', () => {
  it('rolls domains, addresses and MX hosts up to providers; unknown domains stand alone', () => {
    // One way to get a destination key: the throttle keys its state by `destinationOf`.
    expect(destinationOf('someone@GMAIL.com')).toBe('google');
    expect(destinationOf('alt1.gmail-smtp-in.l.google.com.')).toBe('google');
    expect(destinationOf('contoso-com.mail.protection.outlook.com')).toBe('microsoft');
    expect(destinationOf('aol.com')).toBe('yahoo');
    expect(destinationOf('example.org')).toBe('example.org');
    expect(destinationOf('notgmail.com')).toBe('notgmail.com');
    expect(destinationOf('yahoo')).toBe('yahoo');
  });

  it('shares one state for all domains of a provider', () => {
    const throttle = createThrottle(noRules);
    expect(throttle.acquire('a@gmail.com', 0).allowed).toBe(true);
    expect(throttle.acquire('b@googlemail.com', 0)).toMatchObject({
      allowed: false,
      reason: 'rate',
      retryAt: 1000,
    });
    expect(throttle.acquire('c@example.org', 0).allowed).toBe(true);
    expect(throttle.size).toBe(2);
  });

  it('validates its arguments', () => {
    const throttle = createThrottle(noRules);
    expect(() => throttle.acquire('', 0)).toThrow(TypeError);
    expect(() => throttle.acquire('gmail.com', Number.NaN)).toThrow(/now/);
    expect(() => throttle.feedback('gmail.com', null as never, 0)).toThrow(/result/);
    expect(() => throttle.acquire('gmail.com', 0, 42 as never)).toThrow(/recipient/);
    expect(() => throttle.feedback('gmail.com', delivered, 0, 42 as never)).toThrow(/recipient/);
    expect(() => throttle.feedback('gmail.com', delivered, 0, { recipient: 42 } as never)).toThrow(
      /recipient/,
    );
    expect(() => throttle.feedback('gmail.com', delivered, 0, { release: 'no' } as never)).toThrow(/release/);
    expect(() => createThrottle(null as never)).toThrow(TypeError);
  });
});

describe('createThrottle: feedback', () => {
  it('successes raise the rate (slow start, then additive); rate limits cut it multiplicatively', () => {
    const throttle = createThrottle(noRules);
    drive(throttle, 'example.com', 0, 5 * second);
    const grown = throttle.inspect('example.com', 5 * second)?.rate as number;
    expect(grown).toBeGreaterThan(8);
    throttle.feedback('example.com', rateLimited, 5 * second);
    expect(throttle.inspect('example.com', 5 * second)?.rate).toBeCloseTo(grown * 0.7, 5);
    // After the first limit growth is additive: about +1/s per second of full-speed sending.
    const before = throttle.inspect('example.com', 7 * second)?.rate as number;
    drive(throttle, 'example.com', 7 * second, 3 * second);
    const after = throttle.inspect('example.com', 10 * second)?.rate as number;
    expect(after - before).toBeGreaterThan(2);
    expect(after - before).toBeLessThan(4);
  });

  it('successes while idle (application-limited) do not raise the rate', () => {
    const throttle = createThrottle(noRules);
    for (let index = 0; index < 100; index++) {
      const now = index * minute;
      expect(throttle.acquire('example.com', now).allowed).toBe(true);
      throttle.feedback('example.com', delivered, now + 10 * second);
    }
    expect(throttle.inspect('example.com', 100 * minute)?.rate).toBe(1);
  });

  it('reputation deferrals cut the rate too; a provider wait (afterMs / Retry-After) pauses', () => {
    const throttle = createThrottle(noRules);
    drive(throttle, 'example.com', 0, 3 * second);
    const rate = throttle.inspect('example.com', 3 * second)?.rate as number;
    throttle.feedback(
      'example.com',
      makeVerdict('reputation', { retry: { afterMs: 10 * minute } }),
      3 * second,
    );
    expect(throttle.inspect('example.com', 3 * second)).toMatchObject({
      rate: rate * 0.7,
      pausedUntil: 3 * second + 10 * minute,
      pausedBy: 'retry-after',
    });
    const outcome: DeliveryOutcome = {
      provider: 'ses',
      event: 'deferred',
      origin: 'remote-server',
      providerDetail: {},
      raw: {},
      verdict: rateLimited,
      retryAfterMs: hour,
    };
    throttle.feedback('example.com', outcome, 4 * second);
    expect(throttle.acquire('example.com', hour)).toMatchObject({ allowed: false, reason: 'paused' });
    expect(throttle.acquire('example.com', hour + 4 * second).allowed).toBe(true);
  });

  it('server-busy pauses with a doubling backoff, reset by a success', () => {
    const throttle = createThrottle(noRules);
    const busy = makeVerdict('server-busy');
    throttle.feedback('example.com', busy, 0);
    expect(throttle.acquire('example.com', 0)).toMatchObject({
      allowed: false,
      retryAt: minute,
      by: 'server-busy',
    });
    throttle.feedback('example.com', busy, minute);
    expect(throttle.acquire('example.com', minute)).toMatchObject({ retryAt: 3 * minute });
    throttle.feedback('example.com', busy, 3 * minute);
    expect(throttle.acquire('example.com', 3 * minute)).toMatchObject({ retryAt: 7 * minute });
    expect(throttle.acquire('example.com', 7 * minute).allowed).toBe(true);
    throttle.feedback('example.com', delivered, 7 * minute);
    throttle.feedback('example.com', busy, 8 * minute);
    expect(throttle.acquire('example.com', 8 * minute)).toMatchObject({ retryAt: 9 * minute });
  });

  it('a per-recipient limit holds only that recipient', () => {
    const throttle = createThrottle(noRules);
    const perRecipient = makeVerdict('rate-limited', { scope: 'recipient' });
    expect(throttle.acquire('gmail.com', 0, 'busy@gmail.com').allowed).toBe(true);
    throttle.feedback('gmail.com', perRecipient, 0, 'busy@gmail.com');
    expect(throttle.acquire('gmail.com', 2 * second, 'Busy@gmail.com')).toMatchObject({
      allowed: false,
      reason: 'recipient',
      retryAt: 15 * minute,
    });
    expect(throttle.acquire('gmail.com', 2 * second, 'other@gmail.com').allowed).toBe(true);
    expect(throttle.inspect('gmail.com', 2 * second)?.rate).toBe(1);
    expect(throttle.acquire('gmail.com', 15 * minute, 'busy@gmail.com').allowed).toBe(true);
  });

  it('release: false (a later webhook event) shapes the rate but keeps the slot of the attempt in flight', () => {
    const throttle = createThrottle({
      ...noRules,
      burst: 10,
      destinations: { yahoo: { maxConcurrency: 1 } },
    });
    const reputation = makeVerdict('reputation');
    expect(throttle.acquire('yahoo.com', 0).allowed).toBe(true);
    const rate = throttle.inspect('yahoo.com', 0)?.rate as number;
    // A bounce about an earlier, long finished attempt arrives while this attempt is in flight.
    throttle.feedback('yahoo.com', reputation, 10, { release: false });
    expect(throttle.inspect('yahoo.com', 10)).toMatchObject({ inFlight: 1 });
    expect(throttle.inspect('yahoo.com', 10)?.rate).toBeLessThan(rate);
    expect(throttle.acquire('yahoo.com', 20)).toMatchObject({ allowed: false, reason: 'concurrency' });
    // The attempt's own result, in either form, frees its slot.
    throttle.feedback('yahoo.com', delivered, 30, { release: true });
    expect(throttle.inspect('yahoo.com', 30)).toMatchObject({ inFlight: 0 });
    expect(throttle.acquire('yahoo.com', 40).allowed).toBe(true);
    throttle.feedback('yahoo.com', delivered, 50);
    expect(throttle.inspect('yahoo.com', 50)).toMatchObject({ inFlight: 0 });
  });

  it('release: false with a recipient holds that recipient like the plain form', () => {
    const throttle = createThrottle(noRules);
    const perRecipient = makeVerdict('rate-limited', { scope: 'recipient' });
    throttle.feedback('gmail.com', perRecipient, 0, { recipient: 'busy@gmail.com', release: false });
    expect(throttle.acquire('gmail.com', second, 'busy@gmail.com')).toMatchObject({ reason: 'recipient' });
    expect(throttle.acquire('gmail.com', second, 'other@gmail.com').allowed).toBe(true);
  });

  it('takes the recipient from a DeliveryOutcome', () => {
    const throttle = createThrottle(noRules);
    const outcome: DeliveryOutcome = {
      provider: 'smtp',
      event: 'deferred',
      origin: 'remote-server',
      recipient: 'busy@gmail.com',
      providerDetail: {},
      raw: {},
      verdict: makeVerdict('rate-limited', { scope: 'recipient' }),
    };
    throttle.feedback('gmail.com', outcome, 0);
    expect(throttle.acquire('gmail.com', 1, 'busy@gmail.com')).toMatchObject({ reason: 'recipient' });
  });

  it('ignores categories that say nothing about the pace (greylisted, mailbox-unknown…)', () => {
    const throttle = createThrottle(noRules);
    drive(throttle, 'example.com', 0, 2 * second);
    const rate = throttle.inspect('example.com', 2 * second)?.rate;
    for (const category of ['greylisted', 'mailbox-unknown', 'authentication', 'complaint'] as const) {
      throttle.feedback('example.com', makeVerdict(category), 2 * second);
    }
    expect(throttle.inspect('example.com', 2 * second)).toMatchObject({ rate });
    expect(throttle.inspect('example.com', 2 * second)?.pausedUntil).toBeUndefined();
  });
});

describe('createThrottle: every option changes behaviour', () => {
  const rateAfter = (options: ThrottleOptions, ms: number, verdict = delivered) => {
    const throttle = createThrottle({ shapingRules: [], ...options });
    drive(throttle, 'example.com', 0, ms, verdict);
    return throttle.inspect('example.com', ms)?.rate as number;
  };

  it('initialRate', () => {
    const throttle = createThrottle({ ...noRules, initialRate: 10 });
    throttle.acquire('example.com', 0);
    expect(throttle.acquire('example.com', 0)).toMatchObject({ retryAt: 100 });
  });

  it('minRate', () => {
    expect(rateAfter({ slowStart: false, decreaseCooldownMs: 0 }, 10 * minute, rateLimited)).toBeCloseTo(
      1 / 60,
    );
    expect(
      rateAfter({ slowStart: false, decreaseCooldownMs: 0, minRate: 0.5 }, 10 * minute, rateLimited),
    ).toBe(0.5);
  });

  it('maxRate', () => {
    expect(rateAfter({}, 20 * second)).toBeGreaterThan(50);
    expect(rateAfter({ maxRate: 5 }, 20 * second)).toBe(5);
  });

  it('additiveIncrease and slowStart', () => {
    const slow = rateAfter({ slowStart: false }, 10 * second);
    const fast = rateAfter({ slowStart: false, additiveIncrease: 3 }, 10 * second);
    expect(fast).toBeGreaterThan(slow * 2);
    expect(rateAfter({}, 5 * second)).toBeGreaterThan(slow * 2);
  });

  it('decreaseFactor and decreaseCooldownMs', () => {
    const cut = (options: ThrottleOptions) => {
      const throttle = createThrottle({ ...noRules, initialRate: 10, ...options });
      throttle.feedback('example.com', rateLimited, 0);
      throttle.feedback('example.com', rateLimited, 500);
      return throttle.inspect('example.com', 500)?.rate as number;
    };
    expect(cut({})).toBeCloseTo(7);
    expect(cut({ decreaseFactor: 0.5 })).toBeCloseTo(5);
    expect(cut({ decreaseCooldownMs: 0 })).toBeCloseTo(4.9);
  });

  it('burst', () => {
    const count = (options: ThrottleOptions) => {
      const throttle = createThrottle({ ...noRules, ...options });
      let allowed = 0;
      for (let index = 0; index < 10; index++) if (throttle.acquire('example.com', 0).allowed) allowed++;
      return allowed;
    };
    expect(count({})).toBe(1);
    expect(count({ burst: 5 })).toBe(5);
  });

  it('busyPauseMs and maxPauseMs', () => {
    const pausedUntil = (options: ThrottleOptions, times: number, verdict = makeVerdict('server-busy')) => {
      const throttle = createThrottle({ ...noRules, ...options });
      for (let index = 0; index < times; index++) throttle.feedback('example.com', verdict, 0);
      return throttle.inspect('example.com', 0)?.pausedUntil;
    };
    expect(pausedUntil({ busyPauseMs: 10 * second }, 1)).toBe(10 * second);
    expect(pausedUntil({}, 12)).toBe(4 * hour);
    expect(pausedUntil({ maxPauseMs: hour }, 12)).toBe(hour);
    const longWait = makeVerdict('rate-limited', { retry: { afterMs: 48 * hour } });
    expect(pausedUntil({ maxPauseMs: hour }, 1, longWait)).toBe(hour);
  });

  it('recipientPauseMs and maxRecipients', () => {
    const perRecipient = makeVerdict('rate-limited', { scope: 'recipient' });
    const throttle = createThrottle({ ...noRules, recipientPauseMs: minute, maxRecipients: 2 });
    throttle.feedback('gmail.com', perRecipient, 0, 'a@gmail.com');
    expect(throttle.acquire('gmail.com', 0, 'a@gmail.com')).toMatchObject({ retryAt: minute });
    throttle.feedback('gmail.com', perRecipient, 0, 'b@gmail.com');
    throttle.feedback('gmail.com', perRecipient, 0, 'c@gmail.com');
    // The oldest hold (a) was dropped to stay within two.
    expect(throttle.acquire('gmail.com', 10, 'a@gmail.com').allowed).toBe(true);
    expect(throttle.toJSON().recipients).toEqual({
      'google b@gmail.com': minute,
      'google c@gmail.com': minute,
    });
  });

  it('maxDestinations', () => {
    const throttle = createThrottle({ ...noRules, maxDestinations: 3 });
    for (const domain of ['a.example', 'b.example', 'c.example', 'd.example']) {
      throttle.acquire(domain, 0);
      throttle.release(domain);
    }
    expect(throttle.size).toBe(3);
    expect(throttle.inspect('a.example', 0)).toBeUndefined();
  });

  it("destinations: a provider's domain names the provider, whose state its mail shares", () => {
    const throttle = createThrottle({
      ...noRules,
      destinations: { 'gmail.com': { initialRate: 50, maxRate: 50 } },
    });
    expect(throttle.acquire('a@googlemail.com', 0).allowed).toBe(true);
    expect(throttle.acquire('b@gmail.com', 20).allowed).toBe(true);
    expect(throttle.inspect('gmail.com', 20)?.rate).toBe(50);
    expect(caught(() => createThrottle({ destinations: { 'gmail.com': {}, google: {} } })).message).toContain(
      'given twice (as google)',
    );
    const warm = createThrottle({
      ...noRules,
      warmUp: {
        startAt: 0,
        destinations: { 'outlook.com': { firstDayVolume: 1, factor: 2, maxDailyVolume: 4 } },
      },
    });
    expect(warm.acquire('x@hotmail.com', 0).allowed).toBe(true);
    expect(warm.acquire('y@outlook.com', 10_000)).toMatchObject({ allowed: false, reason: 'warm-up' });
  });

  it('destinations: initialRate, maxRate and maxConcurrency per provider or domain', () => {
    const throttle = createThrottle({
      ...noRules,
      burst: 10,
      destinations: { yahoo: { maxConcurrency: 2 }, 'example.com': { initialRate: 4, maxRate: 4 } },
    });
    expect(throttle.acquire('yahoo.com', 0).allowed).toBe(true);
    expect(throttle.acquire('aol.com', 0).allowed).toBe(true);
    expect(throttle.acquire('yahoo.com', 0)).toMatchObject({ allowed: false, reason: 'concurrency' });
    throttle.feedback('yahoo.com', delivered, 10);
    expect(throttle.acquire('yahoo.com', 10).allowed).toBe(true);
    throttle.release('yahoo.com');
    expect(throttle.acquire('yahoo.com', 10).allowed).toBe(true);
    expect(throttle.inspect('example.com', 0)).toBeUndefined();
    drive(throttle, 'example.com', 0, 10 * second);
    expect(throttle.inspect('example.com', 10 * second)?.rate).toBe(4);
  });

  it.each([
    [{ initialRate: 0 }, 'initialRate'],
    [{ initialRate: 1000 }, 'initialRate'],
    [{ minRate: -1 }, 'minRate'],
    [{ maxRate: Number.NaN }, 'maxRate'],
    [{ additiveIncrease: '1' }, 'additiveIncrease'],
    [{ decreaseFactor: 1 }, 'decreaseFactor'],
    [{ decreaseCooldownMs: -1 }, 'decreaseCooldownMs'],
    [{ slowStart: 1 }, 'slowStart'],
    [{ burst: 0.5 }, 'burst'],
    [{ busyPauseMs: Number.POSITIVE_INFINITY }, 'busyPauseMs'],
    [{ maxPauseMs: '1h' }, 'maxPauseMs'],
    [{ recipientPauseMs: -5 }, 'recipientPauseMs'],
    [{ maxRecipients: 0 }, 'maxRecipients'],
    [{ maxDestinations: 1.5 }, 'maxDestinations'],
    [{ destinations: { yahooo: {} } }, 'yahooo'],
    [{ destinations: { yahoo: { maxConcurrency: 0 } } }, 'destinations.yahoo.maxConcurrency'],
    [{ destinations: { yahoo: { rate: 1 } } }, 'destinations.yahoo.rate'],
    [{ initialrate: 1 }, 'initialrate'],
  ])('rejects %o naming %s', (options, field) => {
    const error = caught(() => createThrottle(options as ThrottleOptions));
    expect(error.code).toBe('invalid-throttle');
    expect(error.message).toContain(field);
  });
});

describe('createThrottle: shaping rules', () => {
  const tss04 = makeVerdict('reputation', {
    reply: makeReply(
      '421 4.7.0 [TSS04] Messages from 192.0.2.25 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes',
    ),
  });

  it('Yahoo [TSS04] twice within an hour pauses Yahoo for 2 hours; once does not', () => {
    const throttle = createThrottle();
    throttle.feedback('yahoo.com', tss04, 0);
    expect(throttle.inspect('yahoo.com', 0)?.pausedUntil).toBeUndefined();
    throttle.feedback('aol.com', tss04, 59 * minute);
    expect(throttle.acquire('yahoo.com', 59 * minute + 1)).toMatchObject({
      allowed: false,
      reason: 'paused',
      by: 'yahoo-tss04',
      retryAt: 59 * minute + 2 * hour,
    });
  });

  it('two matches further apart than the window do not fire', () => {
    const throttle = createThrottle();
    throttle.feedback('yahoo.com', tss04, 0);
    throttle.feedback('yahoo.com', tss04, hour + 1);
    expect(throttle.inspect('yahoo.com', hour + 1)?.pausedUntil).toBeUndefined();
    throttle.feedback('yahoo.com', tss04, hour + 2);
    expect(throttle.inspect('yahoo.com', hour + 2)?.pausedUntil).toBe(hour + 2 + 2 * hour);
  });

  it('rules apply only to their provider', () => {
    const throttle = createThrottle();
    throttle.feedback('gmail.com', tss04, 0);
    throttle.feedback('gmail.com', tss04, 1);
    expect(throttle.inspect('gmail.com', 1)?.pausedUntil).toBeUndefined();
  });

  it('Microsoft IP-reputation throttling caps the rate at 1/min and concurrency at 1 for 90 min', () => {
    const throttle = createThrottle();
    const verdict = makeVerdict('reputation', {
      reply: makeReply(
        '451 4.7.650 The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation. (S775)',
      ),
    });
    throttle.feedback('outlook.com', verdict, 0);
    expect(throttle.inspect('hotmail.com', 0)).toMatchObject({
      rate: 1 / 60,
      shapedBy: 'microsoft-ip-reputation',
    });
    expect(throttle.acquire('outlook.com', 0).allowed).toBe(true);
    expect(throttle.acquire('outlook.com', 1)).toMatchObject({ allowed: false, reason: 'concurrency' });
    throttle.feedback('outlook.com', delivered, 2);
    expect(throttle.acquire('outlook.com', 2)).toMatchObject({
      allowed: false,
      reason: 'rate',
      retryAt: minute,
    });
    expect(throttle.inspect('outlook.com', 90 * minute)?.rate).toBeGreaterThan(1 / 60);
  });

  it('custom rules: code, enhanced and category conditions; maxRate action', () => {
    const rule: ShapingRule = {
      id: 'google-4.7.28',
      provider: 'google',
      match: { code: 421, enhanced: '4.7.28', category: 'reputation' },
      trigger: { count: 3, windowMs: 10 * minute },
      action: { maxRate: 0.5 },
      holdMs: hour,
      source: 'test',
    };
    const throttle = createThrottle({ shapingRules: [rule], initialRate: 10 });
    const verdict = makeVerdict('reputation', {
      reply: makeReply('421 4.7.28 Unusual rate of unsolicited mail'),
    });
    const other = makeVerdict('reputation', { reply: makeReply('421 4.7.0 Try later') });
    for (const time of [0, 1, 2]) throttle.feedback('gmail.com', other, time);
    expect(throttle.inspect('gmail.com', 3)?.shapedBy).toBeUndefined();
    for (const time of [3, 4, 5]) throttle.feedback('gmail.com', verdict, time);
    expect(throttle.inspect('gmail.com', 5)).toMatchObject({ rate: 0.5, shapedBy: 'google-4.7.28' });
  });

  it.each([
    [{ provider: 'yahooo' }, 'unknown provider'],
    [{ provider: 'example.com' }, 'unknown provider'],
    [{ id: '' }, 'id'],
    [{ match: {} }, 'at least one condition'],
    [{ match: { phrases: ['[TSS04]'] } }, 'lowercase'],
    [{ match: { phrases: [] } }, 'phrases'],
    [{ match: { code: 42 } }, 'code'],
    [{ match: { enhanced: '4.07.0' } }, 'enhanced'],
    [{ match: { category: 'greylist' } }, 'category'],
    [{ match: { regex: 'x' } }, 'match.regex'],
    [{ trigger: { count: 2 } }, 'windowMs'],
    [{ trigger: { count: 0, windowMs: 1 } }, 'count'],
    [{ trigger: 'twice' }, 'trigger'],
    [{ action: {} }, 'pause, maxRate or maxConcurrency'],
    [{ action: { maxRate: -1 } }, 'maxRate'],
    [{ holdMs: 0 }, 'holdMs'],
    [{ holdMs: '2h' }, 'holdMs'],
    [{ source: '' }, 'source'],
  ])('rejects a rule with %o (%s)', (change, message) => {
    const rule = {
      id: 'r',
      provider: 'yahoo',
      match: { phrases: ['x'] },
      trigger: 'immediately',
      action: { pause: true },
      holdMs: 1,
      source: 'test',
      ...change,
    };
    const error = caught(() => createThrottle({ shapingRules: [rule as ShapingRule] }));
    expect(error.code).toBe('invalid-rule');
    expect(error.message).toContain(message);
  });

  it('rejects duplicate rule ids', () => {
    const rule: ShapingRule = {
      id: 'same',
      provider: 'yahoo',
      match: { phrases: ['x'] },
      trigger: 'immediately',
      action: { pause: true },
      holdMs: 1,
      source: 'test',
    };
    expect(caught(() => createThrottle({ shapingRules: [rule, rule] })).message).toContain('twice');
  });
});

describe('createThrottle: warm-up', () => {
  const day = 24 * hour;
  const plan = {
    startAt: 0,
    destinations: { google: { firstDayVolume: 3, factor: 2, maxDailyVolume: 10 } },
  };

  function sendDay(
    throttle: Throttle,
    destination: string,
    dayIndex: number,
    reputationDeferral = false,
  ): number {
    let sent = 0;
    let now = dayIndex * day;
    for (;;) {
      const answer = throttle.acquire(destination, now);
      if (!answer.allowed) {
        if (answer.reason === 'warm-up') {
          expect(answer.retryAt).toBe((dayIndex + 1) * day);
          break;
        }
        now = answer.retryAt;
        continue;
      }
      sent++;
      throttle.feedback(
        destination,
        reputationDeferral && sent === 1 ? makeVerdict('reputation') : delivered,
        now,
      );
    }
    return sent;
  }

  it('grows the daily volume by the factor each clean day, up to the cap', () => {
    const throttle = createThrottle({ ...noRules, warmUp: plan });
    expect([0, 1, 2, 3, 4].map((index) => sendDay(throttle, 'gmail.com', index))).toEqual([3, 6, 10, 10, 10]);
  });

  it('a day with reputation deferrals does not grow, and idle days do not either', () => {
    const throttle = createThrottle({ ...noRules, warmUp: plan });
    expect(sendDay(throttle, 'gmail.com', 0)).toBe(3);
    expect(sendDay(throttle, 'gmail.com', 1, true)).toBe(6);
    expect(sendDay(throttle, 'gmail.com', 2)).toBe(6);
    expect(sendDay(throttle, 'gmail.com', 5)).toBe(10);
    expect(throttle.inspect('gmail.com', 5 * day)?.warmUp).toEqual({ day: 5, allowance: 10, sent: 10 });
  });

  it('limits only planned destinations, unless `others` is given', () => {
    const throttle = createThrottle({ ...noRules, warmUp: plan });
    expect(drive(throttle, 'example.com', 0, 10 * second)).toBeGreaterThan(10);
    const withOthers = createThrottle({
      ...noRules,
      warmUp: { ...plan, others: { firstDayVolume: 2, factor: 1.5, maxDailyVolume: 5 } },
    });
    expect(drive(withOthers, 'example.com', 0, 10 * second)).toBe(2);
  });

  it('release gives the warm-up unit back', () => {
    const throttle = createThrottle({ ...noRules, warmUp: plan });
    expect(throttle.acquire('gmail.com', 0).allowed).toBe(true);
    throttle.release('gmail.com');
    expect(drive(throttle, 'gmail.com', 0, 10 * second)).toBe(3);
  });

  it('dayMs sets the length of a day', () => {
    const throttle = createThrottle({ ...noRules, warmUp: { ...plan, dayMs: hour } });
    expect(drive(throttle, 'gmail.com', 0, hour)).toBe(3);
    expect(throttle.acquire('gmail.com', hour).allowed).toBe(true);
  });

  it.each([
    [{ startAt: Number.NaN }, 'startAt'],
    [{ dayMs: 0 }, 'dayMs'],
    [{ destinations: { gogle: plan.destinations.google } }, 'gogle'],
    [{ destinations: { google: { firstDayVolume: 0, factor: 2, maxDailyVolume: 10 } } }, 'firstDayVolume'],
    [{ destinations: { google: { firstDayVolume: 3, factor: 0.5, maxDailyVolume: 10 } } }, 'factor'],
    [{ destinations: { google: { firstDayVolume: 3, factor: 2, maxDailyVolume: 2 } } }, 'maxDailyVolume'],
    [{ others: { firstDayVolume: 3, factor: 2, max: 2 } }, 'others.max'],
  ])('rejects a plan with %o naming %s', (change, field) => {
    const error = caught(() => createThrottle({ warmUp: { ...plan, ...change } as WarmUpPlan }));
    expect(error.code).toBe('invalid-warm-up');
    expect(error.message).toContain(field);
  });
});

describe('createThrottle: state to JSON and back', () => {
  it('restores rates, pauses, shaping, rule matches, warm-up and recipient holds', () => {
    const options: ThrottleOptions = {
      warmUp: { startAt: 0, destinations: { google: { firstDayVolume: 5, factor: 2, maxDailyVolume: 100 } } },
    };
    const throttle = createThrottle(options);
    drive(throttle, 'example.com', 0, 3 * second);
    throttle.feedback('example.com', rateLimited, 3 * second);
    throttle.feedback('example.com', makeVerdict('server-busy'), 3 * second);
    throttle.feedback(
      'yahoo.com',
      makeVerdict('reputation', {
        reply: makeReply('421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred'),
      }),
      3 * second,
    );
    throttle.acquire('gmail.com', 0);
    throttle.feedback('gmail.com', makeVerdict('rate-limited', { scope: 'recipient' }), 0, 'x@gmail.com');
    const json = JSON.parse(JSON.stringify(throttle)) as unknown;
    const restored = restoreThrottle(json, options);
    expect(restored.toJSON()).toEqual(throttle.toJSON());
    for (const destination of ['example.com', 'yahoo.com', 'gmail.com']) {
      expect(restored.inspect(destination, 4 * second)).toEqual({
        ...throttle.inspect(destination, 4 * second),
        inFlight: 0,
      });
    }
    // The TSS04 match survived: one more within the hour pauses Yahoo.
    restored.feedback(
      'yahoo.com',
      makeVerdict('reputation', {
        reply: makeReply('421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred'),
      }),
      10 * second,
    );
    expect(restored.acquire('yahoo.com', 11 * second)).toMatchObject({ reason: 'paused', by: 'yahoo-tss04' });
    expect(restored.acquire('gmail.com', 5 * second, 'x@gmail.com')).toMatchObject({ reason: 'recipient' });
  });

  it.each([
    [null, 'state'],
    [{ version: 2, destinations: {}, recipients: {} }, 'version'],
    [{ version: 1, recipients: {} }, 'destinations'],
    [{ version: 1, destinations: {}, recipients: { 'google x': 'soon' } }, 'recipients.google x'],
    [{ version: 1, destinations: {}, recipients: { nospace: 1 } }, 'recipients.nospace'],
    [
      {
        version: 1,
        destinations: { 'example.com': { rate: -1, nextAt: 0, slowStart: true } },
        recipients: {},
      },
      'rate',
    ],
    [{ version: 1, destinations: { 'example.com': { rate: 1, nextAt: 0 } }, recipients: {} }, 'slowStart'],
    [
      {
        version: 1,
        destinations: { 'example.com': { rate: 1, nextAt: 0, slowStart: true, speed: 1 } },
        recipients: {},
      },
      'speed',
    ],
    [
      {
        version: 1,
        destinations: { 'Example.com': { rate: 1, nextAt: 0, slowStart: true } },
        recipients: {},
      },
      'lowercase',
    ],
    [
      {
        version: 1,
        destinations: {
          google: {
            rate: 1,
            nextAt: 0,
            slowStart: true,
            warmUp: { day: 0, allowance: 5, sent: -1, deferred: false },
          },
        },
        recipients: {},
      },
      'warmUp.sent',
    ],
  ])('rejects %o naming %s', (state, path) => {
    const error = caught(() => restoreThrottle(state));
    expect(error.code).toBe('invalid-throttle-state');
    expect(error.message).toContain(path);
  });
});

describe('createThrottle: hostile destination names', () => {
  it('keeps `__proto__` and `constructor` as ordinary destinations through JSON', () => {
    const throttle = createThrottle(noRules);
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(throttle.acquire(name, 0).allowed).toBe(true);
      throttle.feedback(name, makeVerdict('server-busy'), 0, 'x');
    }
    const json = JSON.parse(JSON.stringify(throttle)) as unknown;
    const restored = restoreThrottle(json, noRules);
    expect(Object.keys(restored.toJSON().destinations).sort()).toEqual([
      '__proto__',
      'constructor',
      'tostring',
    ]);
    expect(restored.acquire('__proto__', 1)).toMatchObject({ allowed: false, reason: 'paused' });
  });
});

describe('createThrottle: memory stays bounded per destination', () => {
  it('rule match times never exceed the trigger count', () => {
    const throttle = createThrottle();
    const verdict = makeVerdict('reputation', { reply: makeReply('421 4.7.0 [TSS04] deferred') });
    for (let index = 0; index < 100; index++) throttle.feedback('yahoo.com', verdict, index * 2 * hour);
    const hits = throttle.toJSON().destinations.yahoo?.hits?.['yahoo-tss04'] ?? [];
    expect(hits.length).toBeLessThanOrEqual(2);
  });

  it('tracks 10,000 destinations', () => {
    const throttle = createThrottle();
    for (let index = 0; index < 10_000; index++) throttle.acquire(`d${index}.example`, 0);
    expect(throttle.size).toBe(10_000);
  });
});

describe('createThrottle: one throttle per sending route', () => {
  // A failure whose scope is `provider` (an ESP's outage, its account quota) concerns the route the
  // throttle paces, not the recipient's destination: Gmail is not slowed for an ESP's 503.
  const espBusy = makeVerdict('server-busy', { scope: 'provider' });
  const espLimit = makeVerdict('rate-limited', {
    scope: 'provider',
    retry: { allowed: true, afterMs: 30 * second, changeRequired: false },
  });

  it("never pauses or slows the recipient's destination for a provider-scope failure", () => {
    const throttle = createThrottle(noRules);
    expect(throttle.acquire('gmail.com', 0)).toEqual({ allowed: true });
    const before = throttle.inspect('gmail.com', 0)?.learnedRate;
    throttle.feedback('gmail.com', espBusy, 0);
    throttle.feedback('gmail.com', espLimit, 0);
    const snapshot = throttle.inspect('gmail.com', 0);
    expect(snapshot?.pausedUntil).toBeUndefined();
    expect(snapshot?.learnedRate).toBe(before);
  });

  it('pauses the route instead: every destination waits, then all resume together', () => {
    const throttle = createThrottle(noRules);
    throttle.feedback('gmail.com', espBusy, 0);
    for (const destination of ['gmail.com', 'yahoo.com', 'example.org']) {
      expect(throttle.acquire(destination, 1)).toMatchObject({
        allowed: false,
        reason: 'paused',
        by: 'route:server-busy',
      });
    }
    expect(throttle.acquire('yahoo.com', minute)).toEqual({ allowed: true });
  });

  it('keeps the route pause across toJSON and restoreThrottle', () => {
    const throttle = createThrottle(noRules);
    throttle.feedback('gmail.com', espLimit, 0);
    const again = restoreThrottle(JSON.parse(JSON.stringify(throttle)), noRules);
    expect(again.acquire('example.org', 1)).toMatchObject({
      allowed: false,
      reason: 'paused',
      retryAt: 30 * second,
    });
  });
});

describe('createThrottle: clamps what it trusts from clocks and restored state', () => {
  it('a pause never exceeds maxPauseMs from now, whatever clock the feedback had', () => {
    const throttle = createThrottle({ ...noRules, maxPauseMs: 10 * minute });
    const dayAhead = 24 * hour;
    throttle.feedback('gmail.com', makeVerdict('server-busy'), dayAhead);
    const answer = throttle.acquire('gmail.com', 0);
    expect(answer.allowed).toBe(false);
    expect(answer.allowed === false && answer.retryAt).toBeLessThanOrEqual(10 * minute);
  });

  it('a recipient hold never exceeds maxPauseMs from now', () => {
    const throttle = createThrottle({ ...noRules, maxPauseMs: 10 * minute });
    throttle.feedback(
      'gmail.com',
      makeVerdict('rate-limited', { scope: 'recipient' }),
      24 * hour,
      'x@gmail.com',
    );
    const answer = throttle.acquire('gmail.com', 0, 'x@gmail.com');
    expect(answer.allowed === false && answer.retryAt).toBeLessThanOrEqual(10 * minute);
  });

  it('a restored rate stays within [minRate, maxRate]', () => {
    const state = (rate: number) => ({
      version: 1,
      destinations: { 'example.org': { rate, nextAt: 0, slowStart: false } },
      recipients: {},
    });
    const slow = restoreThrottle(state(1e-300), { ...noRules, minRate: 1 / 60 });
    expect(slow.inspect('example.org', 0)?.learnedRate).toBe(1 / 60);
    expect(slow.acquire('example.org', 0)).toEqual({ allowed: true });
    const next = slow.acquire('example.org', 0);
    expect(next.allowed === false && next.retryAt).toBeLessThanOrEqual(minute);
    const fast = restoreThrottle(state(1e300), { ...noRules, maxRate: 50 });
    expect(fast.inspect('example.org', 0)?.learnedRate).toBe(50);
  });

  it('a next-send time never lies beyond one burst interval', () => {
    const throttle = restoreThrottle(
      {
        version: 1,
        destinations: { 'example.org': { rate: 10, nextAt: 1e15, slowStart: false } },
        recipients: {},
      },
      noRules,
    );
    const answer = throttle.acquire('example.org', 0);
    expect(answer.allowed === false && answer.retryAt).toBeLessThanOrEqual(100);
  });
});

describe('createThrottle: acceptance by an ESP or relay', () => {
  it('paces like a delivery: the send went through at this pace', () => {
    const run = (verdict: ReturnType<typeof makeVerdict>) =>
      drive(createThrottle(noRules), 'gmail.com', 0, 10 * second, verdict);
    expect(run(makeVerdict('accepted'))).toBe(run(delivered));
    expect(run(makeVerdict('accepted'))).toBeGreaterThan(10);
  });
});

// The README's "Retries and throttling" examples, run as written, and decideRetry over the labels of
// the 198 real replies in `__fixtures__/replies.jsonl` (verdicts built from the labels, so this does
// not depend on the classifier's accuracy).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createThrottle, restoreThrottle } from '../throttle/create-throttle';
import { createVerdict } from '../verdict/create-verdict';
import { type Category, isCategory } from '../verdict/taxonomy';
import type { Permanence, Scope } from '../verdict/verdict';
import { decideRetry } from './decide-retry';
import { createRetryPolicy } from './retry-policy';

describe('README examples', () => {
  it('decideRetry', () => {
    const verdict = createVerdict('greylisted');
    const firstAttemptAt = Date.UTC(2026, 10, 28, 10, 0);
    const decision = decideRetry(verdict, { attempt: 1, firstAttemptAt, now: firstAttemptAt });
    expect(decision).toMatchObject({ action: 'retry', category: 'greylisted' });
    if (decision.action !== 'retry') throw new Error('expected a retry');
    expect(decision.delayMs).toBeGreaterThanOrEqual(360_000);
    expect(decision.delayMs).toBeLessThanOrEqual(396_000);
    expect(decision.reason).toMatch(
      /^Attempt 1 failed because greylisting accepts a retry after a few minutes: retry in [67] min\.$/,
    );

    const policy = createRetryPolicy({
      maxAgeMs: 2 * 24 * 3_600_000,
      jitter: 0,
      schedules: { deferred: { firstDelayMs: 10 * 60_000 } },
      destinations: { yahoo: { schedules: { reputation: { firstDelayMs: 4 * 3_600_000 } } } },
    });
    expect(
      decideRetry(
        createVerdict('reputation'),
        { attempt: 1, firstAttemptAt, now: firstAttemptAt, destination: 'aol.com' },
        policy,
      ),
    ).toMatchObject({ action: 'retry', delayMs: 14_400_000 });
  });

  it('createThrottle', () => {
    const throttle = createThrottle({ destinations: { yahoo: { maxConcurrency: 5 } } });
    const now = Date.UTC(2026, 10, 28, 10, 0);
    const answer = throttle.acquire('someone@gmail.com', now);
    expect(answer.allowed).toBe(true);
    throttle.feedback('someone@gmail.com', createVerdict('delivered'), now + 800);
    const saved = JSON.stringify(throttle);
    const again = restoreThrottle(JSON.parse(saved));
    expect(again.toJSON()).toEqual(throttle.toJSON());
    expect(again.acquire('someone@gmail.com', now + 900)).toMatchObject({ allowed: false, reason: 'rate' });
  });
});

interface Labelled {
  readonly id: string;
  readonly category: string;
  readonly permanence: Permanence;
  readonly scope: Scope;
  readonly suppress: boolean;
  readonly changeRequired: boolean;
}

const labelled: Labelled[] = readFileSync(new URL('../__fixtures__/replies.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => JSON.parse(line) as Labelled);

describe('decideRetry over the labels of real replies', () => {
  it('has the labelled replies', () => {
    expect(labelled.length).toBeGreaterThan(150);
  });

  it.each(labelled.filter((entry) => entry.permanence !== 'success' && isCategory(entry.category)))(
    '$id ($category, $permanence, $scope)',
    (entry) => {
      const verdict = createVerdict(entry.category as Category, {
        permanence: entry.permanence,
        scope: entry.scope,
        suppressRecipient: entry.suppress,
        retry: { allowed: entry.permanence === 'transient', changeRequired: entry.changeRequired },
      });
      const decision = decideRetry(verdict, { attempt: 1, firstAttemptAt: 0, now: 0 });
      if (entry.permanence === 'permanent' && entry.scope === 'recipient') {
        expect(decision.action).not.toMatch(/^retry/);
      }
      if (decision.action === 'give-up' && decision.suppressRecipient) {
        expect(entry.scope).toBe('recipient');
        expect(entry.suppress).toBe(true);
      }
      if (entry.changeRequired) expect(decision.action).toBe('hold');
      else if (entry.permanence === 'transient' && entry.category !== 'expired') {
        expect(decision.action).toMatch(/^retry/);
      }
    },
  );
});

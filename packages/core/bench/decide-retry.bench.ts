// decideRetry throughput: a mix of categories and attempts, default policy with a cheap seeded
// random source (issue 4 target: ≥ 2,000,000 decisions/s).

import { decideRetry } from '../src/retry/decide-retry';
import { createRetryPolicy } from '../src/retry/retry-policy';
import type { Category } from '../src/verdict/taxonomy';
import { categoryDefaults } from '../src/verdict/taxonomy';
import type { Verdict } from '../src/verdict/verdict';
import type { BenchCase } from './harness';

function verdict(category: Category, extra: Partial<Verdict> = {}): Verdict {
  const defaults = categoryDefaults[category];
  const settled = defaults.permanence !== 'transient';
  return {
    category,
    permanence: defaults.permanence,
    scope: defaults.scope,
    suppressRecipient: defaults.suppressRecipient && settled,
    retry: { allowed: !settled, changeRequired: defaults.changeRequired && settled },
    rule: 'bench',
    confidence: 1,
    summary: 'bench',
    ...extra,
  };
}

const verdicts: Verdict[] = [
  verdict('greylisted'),
  verdict('deferred'),
  verdict('rate-limited'),
  verdict('reputation', { retry: { allowed: true, afterMs: 4 * 3_600_000, changeRequired: false } }),
  verdict('mailbox-full'),
  verdict('mailbox-unknown'),
  verdict('authentication'),
  verdict('network'),
  verdict('transaction-limit'),
  verdict('account-limit'),
];
const start = Date.UTC(2026, 10, 28);
const histories = Array.from({ length: 64 }, (_, index) => ({
  attempt: 1 + (index % 8),
  firstAttemptAt: start,
  now: start + index * 600_000,
}));
let seed = 1;
const policy = createRetryPolicy({
  random: () => {
    seed = (seed * 16807) % 2147483647;
    return (seed - 1) / 2147483646;
  },
});
const perRun = 1000;

export const cases: BenchCase[] = [
  {
    name: 'decideRetry (10 categories × 8 attempts)',
    unit: 'decisions',
    operationsPerRun: perRun,
    target: 2_000_000,
    run: () => {
      let last: unknown;
      for (let index = 0; index < perRun; index++) {
        last = decideRetry(
          verdicts[index % 10] as Verdict,
          histories[index & 63] as (typeof histories)[number],
          policy,
        );
      }
      return last;
    },
  },
];

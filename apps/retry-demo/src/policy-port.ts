// The one retry policy, core's default, for every provider. The only thing the demo sets is the
// random source of the jitter, so a seeded run decides the same delays every time.
import { createRetryPolicy, decideRetry } from '@mailverdict/core';
import type { PolicyPort } from './ports';
import type { Random } from './prng';

export function createPolicyPort(random: Random): PolicyPort {
  const policy = createRetryPolicy({ random: () => random.next() });
  return {
    decide: (outcome, history) =>
      decideRetry(outcome, { ...history, destination: outcome.recipient }, policy),
  };
}

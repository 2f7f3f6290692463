// The one retry policy, core's default, for every provider. The only thing the demo sets is the
// random source of the jitter, so a seeded run decides the same delays every time.
import { createRetryPolicy, decideRetry, type Verdict } from '@mailverdict/core';
import type { ExplainPort, PolicyPort } from './ports';
import type { Random } from './prng';

export function createPolicyPort(random: Random): PolicyPort {
  const policy = createRetryPolicy({ random: () => random.next() });
  return {
    decide: (outcome, history) =>
      decideRetry(outcome, { ...history, destination: outcome.recipient }, policy),
  };
}

/**
 * The report's explanation of a verdict: its sentence and what the retry policy decided, plus the
 * verdict's facts. (core's `explain` / `formatExplanation` would say more — causes, steps, links —
 * but are not exported from the main entry yet: core's README, "Explaining a verdict".)
 */
export function createExplainPort(): ExplainPort {
  return {
    explain(verdict: Verdict, decision?: string) {
      const facts = [
        verdict.permanence,
        `scope ${verdict.scope}`,
        verdict.suppressRecipient ? 'suppress the recipient' : undefined,
        verdict.retry.changeRequired ? 'a change is required before retrying' : undefined,
        `rule ${verdict.rule}`,
      ].filter((fact) => fact !== undefined);
      const next = decision === undefined || decision === 'delivered' ? '' : ` ${decision}`;
      return { line: `${verdict.summary}${next}`, details: `${verdict.category}: ${facts.join(', ')}` };
    },
  };
}

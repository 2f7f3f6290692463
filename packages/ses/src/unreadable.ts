import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';

/**
 * The outcome for input this adapter cannot read (not a provider payload, a missing field): never a throw,
 * an `unknown` verdict whose summary says why, with the input kept as `raw`.
 */
export function unreadable(provider: string, raw: unknown, reason: string): DeliveryOutcome {
  return {
    provider,
    event: 'failed',
    origin: 'local',
    providerDetail: { unreadable: reason },
    verdict: createVerdict('unknown', {
      rule: `${provider}-unreadable`,
      confidence: 0,
      summary: `Unreadable ${provider} payload: ${reason}.`,
    }),
    raw,
  };
}

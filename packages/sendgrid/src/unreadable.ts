import type { DeliveryOutcome } from '@mailverdict/core';
import { unreadableOutcome } from '@mailverdict/core/adapter';

/**
 * The outcome for input this adapter cannot read (not a provider payload, a missing field): never a throw,
 * an `unknown` verdict whose summary says why, with the input kept as `raw`.
 */
export function unreadable(raw: unknown, reason: string): DeliveryOutcome {
  return unreadableOutcome(raw, `Unreadable sendgrid payload: ${reason}.`, {
    provider: 'sendgrid',
    rule: 'sendgrid-unreadable',
    providerDetail: { unreadable: reason },
  });
}

import type { DeliveryOutcome } from '@mailverdict/core';

/**
 * What the provider says about an attempt whose result we never saw: it has the message
 * (`delivered`: never send again), it never got it (`absent`: safe to send again), or it cannot say
 * (`unknown`: hold for a human — direct SMTP has nobody to ask).
 */
export type LookupAnswer = 'delivered' | 'absent' | 'unknown';

/**
 * A copy of `outcome` marked in doubt: the provider may have the message although we saw no reply —
 * an SMTP connection lost after the final `.` of DATA (RFC 5321 §4.1.1.4: the server takes
 * responsibility once it answers 250, and we never saw whether it did), or an HTTP request that got
 * no response. The processor never resends such an attempt blindly.
 */
export function markInDoubt(outcome: DeliveryOutcome): DeliveryOutcome {
  return { ...outcome, providerDetail: { ...outcome.providerDetail, inDoubt: true } };
}

/** Whether an outcome is marked with `markInDoubt`. */
export function isInDoubt(outcome: DeliveryOutcome): boolean {
  return outcome.providerDetail?.inDoubt === true;
}

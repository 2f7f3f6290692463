import type { DeliveryOutcome } from '../verdict/delivery-outcome';

/**
 * A copy of `outcome` marked in doubt: the provider may have the message although no reply was seen —
 * an SMTP connection lost after the message body was sent (RFC 5321 §4.1.1.4: the server takes
 * responsibility once it answers 250, and the sender never saw whether it did; RFC 1047 describes the
 * duplicates this causes), or an HTTP request that got no response. Whoever acts on it must not resend
 * blindly: ask the provider (a message search by the attempt's key) or hold it for a human.
 */
export function markInDoubt(outcome: DeliveryOutcome): DeliveryOutcome {
  return { ...outcome, providerDetail: { ...outcome.providerDetail, inDoubt: true } };
}

/** Whether an outcome is marked with `markInDoubt`. */
export function isInDoubt(outcome: DeliveryOutcome): boolean {
  return outcome.providerDetail?.inDoubt === true;
}

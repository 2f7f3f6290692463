import type { SmtpReply } from '../reply/smtp-reply';
import type { DeliveryEvent, DeliveryOutcome, OutcomeOrigin } from '../verdict/delivery-outcome';
import type { Verdict } from '../verdict/verdict';
import { perRecipient } from './per-recipient';

/** The fields of an outcome; the optional ones may be given as `undefined` when the provider did not say. */
export interface OutcomeFields {
  readonly provider: string;
  readonly event: DeliveryEvent;
  readonly recipient?: string | undefined;
  readonly messageId?: string | undefined;
  readonly occurredAt?: number | undefined;
  readonly origin: OutcomeOrigin;
  readonly reply?: SmtpReply | undefined;
  /** Default `{}`. */
  readonly providerDetail?: Readonly<Record<string, unknown>> | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly verdict: Verdict;
  readonly raw: unknown;
}

/**
 * The one way adapters build a `DeliveryOutcome`: optional fields that are `undefined` are left out (so
 * `'recipient' in outcome` means the provider named one), and the keys come in one order.
 */
export function buildOutcome(fields: OutcomeFields): DeliveryOutcome {
  return {
    provider: fields.provider,
    event: fields.event,
    ...(fields.recipient === undefined ? {} : { recipient: fields.recipient }),
    ...(fields.messageId === undefined ? {} : { messageId: fields.messageId }),
    ...(fields.occurredAt === undefined ? {} : { occurredAt: fields.occurredAt }),
    origin: fields.origin,
    ...(fields.reply === undefined ? {} : { reply: fields.reply }),
    providerDetail: fields.providerDetail ?? {},
    ...(fields.retryAfterMs === undefined ? {} : { retryAfterMs: fields.retryAfterMs }),
    verdict: fields.verdict,
    raw: fields.raw,
  };
}

/**
 * One outcome per recipient of a send (an API error, an accepted send): `buildOutcome(fields)` copied with each
 * recipient, or the outcome alone when the caller named none.
 */
export function perRecipientOutcomes(
  fields: OutcomeFields,
  recipients: readonly string[],
): DeliveryOutcome[] {
  return perRecipient(buildOutcome(fields), recipients);
}

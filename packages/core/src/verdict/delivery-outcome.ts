import type { SmtpReply } from '../reply/smtp-reply';
import type { Verdict } from './verdict';

/** What a provider reported about one recipient. */
export type DeliveryEvent =
  /** accepted by the next hop (the provider or relay took it) */
  | 'accepted'
  /** the destination accepted it */
  | 'delivered'
  /** a transient failure; the provider or we will try again */
  | 'deferred'
  /** the destination refused it after acceptance (asynchronous bounce) */
  | 'bounced'
  /** refused at send time, for this recipient */
  | 'rejected'
  /** the recipient reported it as spam */
  | 'complained'
  /** the send failed before any recipient was tried */
  | 'failed';

/** Who said it. */
export type OutcomeOrigin =
  /** the receiving MTA said it */
  | 'remote-server'
  /** the ESP's own policy or suppression list */
  | 'provider'
  /** our credentials or account */
  | 'account'
  | 'network'
  /** validation in our own process */
  | 'local';

/** One shape for every provider: one per recipient and event. */
export interface DeliveryOutcome {
  /** `smtp`, `postmark`, `ses`, `sendgrid`, `mailgun`, `resend`, … */
  readonly provider: string;
  readonly event: DeliveryEvent;
  readonly recipient?: string;
  readonly messageId?: string;
  /** Epoch milliseconds, when the provider said when. */
  readonly occurredAt?: number;
  readonly origin: OutcomeOrigin;
  readonly reply?: SmtpReply;
  /** The provider's own codes and labels, kept as evidence (Postmark `ErrorCode`, bounce `Type`, nodemailer `code`). */
  readonly providerDetail: Readonly<Record<string, unknown>>;
  /** How long the provider asked us to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs?: number;
  readonly verdict: Verdict;
  /** The original object, untouched. */
  readonly raw: unknown;
}

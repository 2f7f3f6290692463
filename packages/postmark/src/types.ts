// Small structural descriptions of the postmark objects this adapter reads (postmark 5.1.0:
// `client/errors/Errors.d.ts`, `models/message/Message.d.ts`, `models/bounces/Bounce.d.ts`,
// `models/webhooks/payload/*.d.ts`; packages/postmark/PROVIDER.md §1–§4), so users need no postmark types.
import type { DeliveryEvent } from '@mailverdict/core';
import type { UnreadableOptions } from '@mailverdict/core/adapter';

/** Every outcome's `provider`, and the prefix of every rule id (`postmark:406`). */
export const provider = 'postmark';

/** How this adapter reports input it cannot read, for core's `convertSafely` and `unreadable`. */
export function unreadableInput(event: DeliveryEvent): UnreadableOptions {
  return { provider, event, rule: `${provider}:unreadable`, scope: 'message' };
}

/** What the `postmark` client rejects with (`PostmarkError` and its subclasses). */
export interface PostmarkErrorLike {
  /** The class name: `InactiveRecipientsError`, `InvalidAPIKeyError`, `ServiceUnavailablerError` (sic), … */
  readonly name?: string;
  readonly message?: string;
  /** Postmark's `ErrorCode` from the body (0 when there was none). */
  readonly code?: number;
  /** The HTTP status (0 for a network failure, a timeout or an abort). */
  readonly statusCode?: number;
  /** `InactiveRecipientsError` only: the addresses parsed from the message. */
  readonly recipients?: readonly string[];
}

/** The message that was sent (`sendEmail`'s argument): only the recipient fields are read. */
export interface PostmarkMessageLike {
  readonly To?: string;
  readonly Cc?: string;
  readonly Bcc?: string;
}

/** One answer of `sendEmail`, or one element of `sendEmailBatch`'s array. */
export interface PostmarkSendResponse {
  readonly To?: string;
  readonly Cc?: string;
  readonly Bcc?: string;
  readonly SubmittedAt?: string;
  readonly MessageID?: string;
  readonly ErrorCode?: number;
  readonly Message?: string;
}

/** Bounce and SpamComplaint webhooks (`BounceWebhook`, `SpamComplaintWebhook`). */
export interface PostmarkBounceWebhook {
  readonly RecordType: 'Bounce' | 'SpamComplaint';
  readonly ID?: number;
  /** `HardBounce`, `SoftBounce`, `Transient`, `DnsError`, `Blocked`, … (match on this, not `TypeCode`). */
  readonly Type?: string;
  readonly TypeCode?: number;
  readonly Name?: string;
  readonly Tag?: string;
  readonly MessageID?: string;
  readonly ServerID?: number;
  readonly MessageStream?: string;
  readonly Description?: string;
  /** The SMTP diagnostic, e.g. `smtp;550 5.1.1 The email account …`. */
  readonly Details?: string;
  readonly Email?: string;
  readonly From?: string;
  readonly BouncedAt?: string;
  readonly DumpAvailable?: boolean;
  readonly Inactive?: boolean;
  readonly CanActivate?: boolean;
  readonly Subject?: string;
  readonly Content?: string;
  readonly Metadata?: Readonly<Record<string, string>>;
}

/** The Delivery webhook (`DeliveryWebhook`), one per recipient. */
export interface PostmarkDeliveryWebhook {
  readonly RecordType: 'Delivery';
  readonly ServerID?: number;
  readonly MessageStream?: string;
  readonly MessageID?: string;
  readonly Recipient?: string;
  readonly Tag?: string;
  readonly DeliveredAt?: string;
  /** The receiving server's reply, e.g. `smtp;250 2.0.0 OK …`. */
  readonly Details?: string;
  readonly Metadata?: Readonly<Record<string, string>>;
}

/** The SubscriptionChange webhook: a recipient was suppressed or reactivated. */
export interface PostmarkSubscriptionChangeWebhook {
  readonly RecordType: 'SubscriptionChange';
  readonly MessageID?: string;
  readonly ServerID?: number;
  readonly MessageStream?: string;
  readonly ChangedAt?: string;
  readonly Recipient?: string;
  /** `Recipient` | `Customer` | `Admin`. */
  readonly Origin?: string;
  readonly SuppressSending?: boolean;
  /** `HardBounce` | `SpamComplaint` | `ManualSuppression` | null. */
  readonly SuppressionReason?: string | null;
  readonly Tag?: string;
  readonly Metadata?: Readonly<Record<string, string>>;
}

export type PostmarkWebhook =
  | PostmarkBounceWebhook
  | PostmarkDeliveryWebhook
  | PostmarkSubscriptionChangeWebhook;

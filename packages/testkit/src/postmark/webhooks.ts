import { type PostmarkBounceTypeName, postmarkBounceTypes } from './bounce-types';

/** What the fake knows about an accepted message when it builds its webhook payloads. */
export interface WebhookMessage {
  readonly messageId: string;
  readonly from: string;
  readonly subject: string;
  readonly messageStream: string;
  readonly tag?: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface WebhookPayloadContext {
  readonly message: WebhookMessage;
  readonly recipient: string;
  /** ISO 8601 time of the event. */
  readonly at: string;
  readonly serverId: number;
  /** The bounce record's `ID`. */
  readonly id: number;
}

function withTag(tag: string | undefined): { Tag?: string } {
  return tag === undefined ? {} : { Tag: tag };
}

/** Delivery webhook (packages/postmark/PROVIDER.md §4, `DeliveryWebhook.d.ts`). */
export function deliveryPayload(context: WebhookPayloadContext): Record<string, unknown> {
  return {
    RecordType: 'Delivery',
    MessageStream: context.message.messageStream,
    ServerID: context.serverId,
    MessageID: context.message.messageId,
    Recipient: context.recipient,
    ...withTag(context.message.tag),
    DeliveredAt: context.at,
    Details: 'smtp;250 2.0.0 OK  1763633700 a1b2c3d4e5f6.77 - gsmtp',
    Metadata: context.message.metadata,
  };
}

/**
 * Bounce webhook (packages/postmark/PROVIDER.md §4, `BounceWebhook extends Bounce` + `Metadata`); for `SpamComplaint` the
 * SpamComplaint webhook, which has the same fields with `RecordType: "SpamComplaint"`.
 */
export function bouncePayload(
  type: PostmarkBounceTypeName,
  context: WebhookPayloadContext,
): Record<string, unknown> {
  const bounce = postmarkBounceTypes[type];
  return {
    RecordType: type === 'SpamComplaint' ? 'SpamComplaint' : 'Bounce',
    MessageStream: context.message.messageStream,
    ID: context.id,
    Type: bounce.Type,
    TypeCode: bounce.TypeCode,
    Name: bounce.Name,
    ...withTag(context.message.tag),
    MessageID: context.message.messageId,
    Metadata: context.message.metadata,
    ServerID: context.serverId,
    Description: bounce.Description,
    Details: bounce.Details.split('{email}').join(context.recipient),
    Email: context.recipient,
    From: context.message.from,
    BouncedAt: context.at,
    DumpAvailable: false,
    Inactive: bounce.Inactive,
    CanActivate: bounce.CanActivate,
    Subject: context.message.subject,
  };
}

/** SubscriptionChange webhook (packages/postmark/PROVIDER.md §4) sent when an address becomes inactive. */
export function subscriptionChangePayload(
  reason: 'HardBounce' | 'SpamComplaint' | 'ManualSuppression',
  context: WebhookPayloadContext,
): Record<string, unknown> {
  return {
    RecordType: 'SubscriptionChange',
    MessageStream: context.message.messageStream,
    ServerID: context.serverId,
    MessageID: context.message.messageId,
    ChangedAt: context.at,
    Recipient: context.recipient,
    Origin: reason === 'ManualSuppression' ? 'Customer' : 'Recipient',
    SuppressSending: true,
    SuppressionReason: reason,
    ...withTag(context.message.tag),
    Metadata: context.message.metadata,
  };
}

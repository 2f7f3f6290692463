import {
  classify,
  createVerdict,
  type DeliveryEvent,
  type DeliveryOutcome,
  type OutcomeOrigin,
  parseReply,
  type SmtpReply,
  type Verdict,
} from '@mailverdict/core';
import {
  asRecord,
  buildOutcome,
  convertSafely,
  describeValue as describe,
  parseTime as epochMs,
  readWebhookBody,
  asText as text,
  unreadable,
} from '@mailverdict/core/adapter';
import { bounceType } from './bounce-types';
import { detail } from './detail';
import type { PostmarkWebhook } from './types';
import { provider, unreadableInput } from './types';

// Record types that say nothing about delivery (engagement and inbound mail): no outcome.
const notDeliveryRecords: ReadonlySet<string> = new Set(['Open', 'Click', 'Inbound']);

/**
 * Turns one Postmark webhook POST (the parsed JSON, or the raw body as a string or bytes) into
 * outcomes (packages/postmark/PROVIDER.md §4): `Bounce` (every bounce `Type`), `SpamComplaint`, `Delivery` and
 * `SubscriptionChange`. `Open`, `Click` and `Inbound` are not delivery outcomes and give `[]`.
 *
 * A bounce's `Details` (`smtp;550 5.1.1 …`) is parsed and classified by core; the bounce `Type`
 * (never `TypeCode`, §2.7) corrects the verdict where Postmark knows for certain (a suppression, a
 * spam complaint, an auto-reply) and fills in when the text says nothing. Never throws: anything
 * unreadable gives one `unknown` outcome with the reason.
 */
export function fromPostmarkWebhook(
  payload: PostmarkWebhook | string | Uint8Array | unknown,
): DeliveryOutcome[] {
  return convertSafely(payload, unreadableInput('failed'), () => convertWebhook(payload));
}

// The field that names the one recipient each record is about (postmark 5.1.0 webhook payload types).
const recipientFields: Readonly<Record<string, string>> = {
  Bounce: 'Email',
  SpamComplaint: 'Email',
  Delivery: 'Recipient',
  SubscriptionChange: 'Recipient',
};

function convertWebhook(payload: unknown): DeliveryOutcome[] {
  const parsed = readPayload(payload);
  if (typeof parsed === 'string') return [unreadableWebhook(parsed, payload)];
  const recordType = parsed.RecordType;
  if (typeof recordType !== 'string') {
    return [unreadableWebhook('the payload has no RecordType, so it is not a Postmark webhook', payload)];
  }
  if (notDeliveryRecords.has(recordType)) return [];
  const field = Object.hasOwn(recipientFields, recordType) ? recipientFields[recordType] : undefined;
  if (field === undefined) {
    return [
      unreadableWebhook(
        `Postmark RecordType "${recordType.slice(0, 40)}" is not known to this adapter`,
        payload,
      ),
    ];
  }
  // Without the recipient there is nothing an application can act on, whatever the Type says.
  if (text(parsed[field]) === undefined) {
    return [
      unreadableWebhook(`the Postmark ${recordType} record has no ${field}: nothing to act on`, payload),
    ];
  }
  if (recordType === 'Delivery') return [delivery(parsed, payload)];
  if (recordType === 'SubscriptionChange') return [subscriptionChange(parsed, payload)];
  return [bounce(parsed, payload)];
}

/** The payload as a record, or the reason it is not one. */
function readPayload(payload: unknown): Readonly<Record<string, unknown>> | string {
  const read = readWebhookBody(payload);
  if (!read.ok) return read.reason;
  return asRecord(read.value) ?? `not a Postmark webhook: got ${describe(read.value)}`;
}

function unreadableWebhook(reason: string, raw: unknown): DeliveryOutcome {
  return unreadable(provider, raw, reason, { event: 'failed', scope: 'message' });
}

/** The Details as a reply, when it holds one (a basic or an enhanced code). */
function detailsReply(details: string | undefined): SmtpReply | undefined {
  if (details === undefined) return undefined;
  const reply = parseReply(details);
  return reply.code !== undefined || reply.enhanced !== undefined ? reply : undefined;
}

function bounce(record: Readonly<Record<string, unknown>>, raw: unknown): DeliveryOutcome {
  // A SpamComplaint record is a bounce-shaped record whose Type is SpamComplaint (§2.4).
  const typeName = record.RecordType === 'SpamComplaint' ? 'SpamComplaint' : text(record.Type);
  const type = bounceType(typeName);
  const details = text(record.Details);
  const reply = detailsReply(details);
  const rule = `postmark:bounce-${typeName ?? 'untyped'}`;

  let verdict: Verdict;
  if (type?.trust === 'certain') {
    verdict = createVerdict(type.category, {
      rule,
      summary: type.summary,
      ...(reply === undefined ? {} : { reply }),
      ...(type.permanence === undefined ? {} : { permanence: type.permanence }),
      ...(type.permanence === 'success' ? { scope: 'none' as const, retry: { allowed: false } } : {}),
    });
  } else {
    const classified = details === undefined ? undefined : classify(reply ?? details);
    const weak =
      classified === undefined || classified.category === 'unknown' || classified.category === 'policy';
    if (classified !== undefined && !(weak && type !== undefined && type.category !== 'unknown')) {
      verdict = classified;
    } else if (type !== undefined && type.category !== 'unknown') {
      // The text said nothing better than a catch-all: Postmark's type is the best evidence left.
      verdict = createVerdict(type.category, {
        rule,
        summary: type.summary,
        confidence: 0.5,
        ...(reply === undefined ? {} : { reply }),
      });
    } else {
      verdict =
        classified ??
        createVerdict('unknown', {
          rule,
          confidence: 0,
          summary:
            type === undefined
              ? `Postmark bounce type ${JSON.stringify(typeName ?? null)} is not known to this adapter and has no Details.`
              : type.summary,
        });
    }
  }

  const event: DeliveryEvent = type?.event ?? 'bounced';
  const origin: OutcomeOrigin = type?.origin ?? 'remote-server';
  return buildOutcome({
    provider,
    event,
    recipient: text(record.Email),
    messageId: text(record.MessageID),
    occurredAt: epochMs(record.BouncedAt),
    origin,
    reply,
    providerDetail: detail({
      RecordType: record.RecordType,
      ID: record.ID,
      Type: record.Type,
      TypeCode: record.TypeCode,
      Name: record.Name,
      Description: record.Description,
      Details: record.Details,
      Inactive: record.Inactive,
      CanActivate: record.CanActivate,
      DumpAvailable: record.DumpAvailable,
      MessageStream: record.MessageStream,
      Tag: record.Tag,
    }),
    verdict,
    raw,
  });
}

function delivery(record: Readonly<Record<string, unknown>>, raw: unknown): DeliveryOutcome {
  const reply = detailsReply(text(record.Details));
  const classified = reply === undefined ? undefined : classify(reply);
  // Postmark saw the receiving server accept it: that is certain, whatever a rule reads in the text.
  const verdict =
    classified !== undefined && classified.category === 'delivered'
      ? classified
      : createVerdict('delivered', {
          rule: 'postmark:delivery',
          ...(reply === undefined ? {} : { reply }),
        });
  return buildOutcome({
    provider,
    event: 'delivered',
    recipient: text(record.Recipient),
    messageId: text(record.MessageID),
    occurredAt: epochMs(record.DeliveredAt),
    origin: 'remote-server',
    reply,
    providerDetail: detail({
      RecordType: record.RecordType,
      Details: record.Details,
      MessageStream: record.MessageStream,
      Tag: record.Tag,
    }),
    verdict,
    raw,
  });
}

/**
 * A recipient was suppressed (`SuppressSending: true`) or reactivated. A suppression is certain:
 * Postmark will refuse the address (406) from now on. `Origin` says who asked: the recipient
 * (unsubscribe link or complaint), our account's users (`Customer`), or Postmark (`Admin`).
 */
function subscriptionChange(record: Readonly<Record<string, unknown>>, raw: unknown): DeliveryOutcome {
  const reason = text(record.SuppressionReason);
  const who = text(record.Origin);
  const suppressed = record.SuppressSending === true;
  let event: DeliveryEvent;
  let verdict: Verdict;
  if (!suppressed) {
    // No category means "reactivated"; this one says it is not a failure and mail may flow again.
    event = 'accepted';
    verdict = createVerdict('unknown', {
      rule: 'postmark:subscription-reactivated',
      permanence: 'success',
      scope: 'none',
      suppressRecipient: false,
      retry: { allowed: true },
      summary: 'Postmark reactivated the recipient: mail to it is sent again.',
    });
  } else if (reason === 'SpamComplaint') {
    event = 'complained';
    verdict = createVerdict('complaint', {
      rule: 'postmark:subscription-spam-complaint',
      summary: 'Postmark suppressed the recipient after a spam complaint.',
    });
  } else {
    event = reason === 'HardBounce' ? 'bounced' : 'rejected';
    verdict = createVerdict('suppressed', {
      rule: `postmark:subscription-${reason ?? 'suppressed'}`,
      summary:
        reason === 'HardBounce'
          ? 'Postmark suppressed the recipient after a hard bounce.'
          : who === 'Recipient'
            ? 'The recipient unsubscribed; Postmark suppresses it.'
            : 'The recipient was suppressed by hand in Postmark.',
    });
  }
  return buildOutcome({
    provider,
    event,
    recipient: text(record.Recipient),
    messageId: text(record.MessageID),
    occurredAt: epochMs(record.ChangedAt),
    // The suppression list is Postmark's, whoever asked for the change.
    origin: 'provider',
    providerDetail: detail({
      RecordType: record.RecordType,
      Origin: record.Origin,
      SuppressSending: record.SuppressSending,
      SuppressionReason: record.SuppressionReason,
      MessageStream: record.MessageStream,
      Tag: record.Tag,
    }),
    verdict,
    raw,
  });
}

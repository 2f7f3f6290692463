// SendGrid Event Webhook batches → outcomes, one per delivery event. Shapes and labels: packages/sendgrid/PROVIDER.md §3
// (SendGrid "Event Webhook reference", "Bounce and block classifications"). The SMTP text (`reason` for
// bounces, `response` for deferrals and deliveries) is classified by core; SendGrid's labels decide when
// core finds nothing, and what SendGrid knows for certain wins (drops for its suppression lists).
import { type Category, createVerdict, type DeliveryOutcome, type VerdictOptions } from '@mailverdict/core';
import {
  convertSafely,
  ifDefined,
  isRecord,
  judgeRelayedReply,
  ownValue,
  type ProviderFallback,
  readField,
  readNumber,
  readString,
  readWebhookBody,
  unreadable,
} from '@mailverdict/core/adapter';
import { provider, unreadableInput } from './types';

const statusPattern = /^[245]\.\d{1,3}\.\d{1,3}$/;

/** `dropped` reasons (SendGrid's field description, packages/sendgrid/PROVIDER.md §3), compared lowercase. */
const dropReasons: Readonly<Record<string, { category: Category; rule: string; options?: VerdictOptions }>> =
  {
    // The three "… Address" reasons and "Invalid" mean: the address is on a SendGrid suppression list.
    'bounced address': {
      category: 'suppressed',
      rule: 'sendgrid:dropped-bounced-address',
      options: { summary: 'SendGrid did not send: the address is on its bounce suppression list.' },
    },
    'unsubscribed address': {
      category: 'suppressed',
      rule: 'sendgrid:dropped-unsubscribed-address',
      options: { summary: 'SendGrid did not send: the address unsubscribed.' },
    },
    'spam reporting address': {
      category: 'suppressed',
      rule: 'sendgrid:dropped-spam-reporting-address',
      options: { summary: 'SendGrid did not send: the address reported earlier mail as spam.' },
    },
    invalid: {
      category: 'suppressed',
      rule: 'sendgrid:dropped-invalid',
      options: { summary: 'SendGrid did not send: the address is on its invalid-address list.' },
    },
    'spam content': { category: 'spam-content', rule: 'sendgrid:dropped-spam-content' },
    'recipient list over package quota': { category: 'account-limit', rule: 'sendgrid:dropped-over-quota' },
    'invalid smtpapi header': { category: 'protocol', rule: 'sendgrid:dropped-invalid-smtpapi-header' },
    // anymail maps "expired" to a timeout; no primary source (docs/providers.md §4) — kept as SendGrid gave up.
    expired: { category: 'expired', rule: 'sendgrid:dropped-expired', options: { confidence: 0.5 } },
  };

/** `bounce_classification` → meaning when the reason text says nothing core knows (packages/sendgrid/PROVIDER.md §5). */
const classificationFallbacks: Readonly<Record<string, ProviderFallback>> = {
  'invalid address': {
    category: 'mailbox-unknown',
    options: { rule: 'sendgrid:classification-invalid-address' },
  },
  // "Mailbox Unavailable" covers full and disabled mailboxes: not enough to suppress.
  'mailbox unavailable': {
    category: 'mailbox-disabled',
    options: {
      rule: 'sendgrid:classification-mailbox-unavailable',
      confidence: 0.5,
      suppressRecipient: false,
    },
  },
  content: { category: 'spam-content', options: { rule: 'sendgrid:classification-content' } },
  reputation: { category: 'reputation', options: { rule: 'sendgrid:classification-reputation' } },
  'technical failure': {
    category: 'server-error',
    options: { rule: 'sendgrid:classification-technical-failure', confidence: 0.5 },
  },
  'frequency or volume too high': {
    category: 'rate-limited',
    options: { rule: 'sendgrid:classification-frequency' },
  },
};

/** Events that are not delivery outcomes: tracking and subscription-preference events give no outcome. */
const informational = new Set(['open', 'click', 'unsubscribe', 'group_unsubscribe', 'group_resubscribe']);

function outcomeFields(item: Readonly<Record<string, unknown>>) {
  const timestamp = readNumber(item, 'timestamp');
  return {
    provider: 'sendgrid',
    ...ifDefined('recipient', readString(item, 'email')),
    ...ifDefined('messageId', readString(item, 'sg_message_id')),
    ...ifDefined('occurredAt', timestamp === undefined ? undefined : timestamp * 1000),
  };
}

function detail(item: Readonly<Record<string, unknown>>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['event', 'sg_event_id', 'smtp-id', ...keys]) {
    const value = readField(item, key);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function validStatus(value: string | undefined): string | undefined {
  return value !== undefined && statusPattern.test(value) ? value : undefined;
}

/**
 * SendGrid's own MTA diagnostics, not replies from the receiver: when it cannot resolve the recipient domain it
 * blocks with "unable to get mx info: failed to get IPs from PTR record: lookup <domain>: no such host" and no
 * status (real capture, packages/sendgrid/PROVIDER.md §3). The "PTR record" in it is about SendGrid's lookup, not our PTR.
 */
function localDiagnostic(reason: string | undefined): { category: Category; rule: string } | undefined {
  if (reason === undefined) return undefined;
  const text = reason.toLowerCase();
  if (!text.startsWith('unable to get mx info')) return undefined;
  return text.includes('no such host')
    ? { category: 'domain-invalid', rule: 'sendgrid:mx-lookup-no-such-host' }
    : { category: 'dns-failure', rule: 'sendgrid:mx-lookup-failed' };
}

function bounceOutcome(item: Readonly<Record<string, unknown>>): DeliveryOutcome {
  const reason = readString(item, 'reason');
  const local = localDiagnostic(reason);
  if (local !== undefined) {
    return {
      ...outcomeFields(item),
      event: 'bounced',
      origin: 'provider',
      providerDetail: detail(item, ['type', 'status', 'reason', 'bounce_classification', 'tls', 'ip']),
      verdict: createVerdict(local.category, {
        rule: local.rule,
        summary: `SendGrid could not resolve the recipient domain's mail servers: ${reason}`,
      }),
      raw: item,
    };
  }
  const type = readString(item, 'type');
  const classification = readString(item, 'bounce_classification');
  const status = readString(item, 'status');
  const fallback = ownValue(classificationFallbacks, classification?.toLowerCase()) ?? {
    category: 'unknown',
    options: {
      rule: type === 'blocked' ? 'sendgrid:blocked' : 'sendgrid:bounce',
      confidence: 0.3,
      ...(type === 'blocked'
        ? { summary: 'The receiving server refused the message (a SendGrid block).' }
        : {}),
    },
  };
  const judged = judgeRelayedReply(reason, readString(item, 'email'), {
    category: fallback.category,
    options: { ...fallback.options, ...ifDefined('status', validStatus(status)) },
  });
  return {
    ...outcomeFields(item),
    event: 'bounced',
    origin: 'remote-server',
    ...ifDefined('reply', judged.reply),
    providerDetail: detail(item, ['type', 'status', 'reason', 'bounce_classification', 'tls', 'ip']),
    verdict: judged.verdict,
    raw: item,
  };
}

function droppedOutcome(item: Readonly<Record<string, unknown>>): DeliveryOutcome {
  const reason = readString(item, 'reason');
  const known = ownValue(dropReasons, reason?.trim().toLowerCase());
  const providerDetail = detail(item, ['reason', 'status']);
  if (known !== undefined) {
    return {
      ...outcomeFields(item),
      event: 'rejected',
      origin: 'provider',
      providerDetail,
      verdict: createVerdict(known.category, { rule: known.rule, ...known.options }),
      raw: item,
    };
  }
  // An unlisted reason: it may carry SMTP text; otherwise SendGrid dropped it for a reason we do not know.
  const judged = judgeRelayedReply(reason, readString(item, 'email'), {
    category: 'unknown',
    options: {
      rule: 'sendgrid:dropped-unknown-reason',
      confidence: 0.3,
      summary: `SendGrid dropped the message${reason === undefined ? '' : `: ${reason}`}`,
    },
  });
  return {
    ...outcomeFields(item),
    event: 'rejected',
    origin: 'provider',
    ...ifDefined('reply', judged.reply),
    providerDetail,
    verdict: judged.verdict,
    raw: item,
  };
}

function deferredOutcome(item: Readonly<Record<string, unknown>>): DeliveryOutcome {
  const response = readString(item, 'response');
  const judged = judgeRelayedReply(response, readString(item, 'email'), {
    category: 'deferred',
    options: { rule: 'sendgrid:deferred', permanence: 'transient' },
  });
  return {
    ...outcomeFields(item),
    event: 'deferred',
    origin: 'remote-server',
    ...ifDefined('reply', judged.reply),
    providerDetail: detail(item, ['response', 'attempt', 'tls', 'ip']),
    verdict: judged.verdict,
    raw: item,
  };
}

function deliveredOutcome(item: Readonly<Record<string, unknown>>): DeliveryOutcome {
  const response = readString(item, 'response');
  const judged = judgeRelayedReply(response, readString(item, 'email'), {
    category: 'delivered',
    options: { rule: 'sendgrid:delivered' },
  });
  // SendGrid knows the receiver accepted it, whatever core makes of the 250 text.
  const verdict =
    judged.verdict.category === 'delivered'
      ? judged.verdict
      : createVerdict('delivered', { rule: 'sendgrid:delivered', ...ifDefined('reply', judged.reply) });
  return {
    ...outcomeFields(item),
    event: 'delivered',
    origin: 'remote-server',
    ...ifDefined('reply', judged.reply),
    providerDetail: detail(item, ['response', 'tls', 'ip']),
    verdict,
    raw: item,
  };
}

function processedOutcome(item: Readonly<Record<string, unknown>>): DeliveryOutcome {
  return {
    ...outcomeFields(item),
    event: 'accepted',
    origin: 'provider',
    providerDetail: detail(item, []),
    verdict: createVerdict('accepted', {
      rule: 'sendgrid:processed',
      summary: 'SendGrid accepted the message for delivery; the result comes in a later event.',
    }),
    raw: item,
  };
}

function spamReportOutcome(item: Readonly<Record<string, unknown>>): DeliveryOutcome {
  return {
    ...outcomeFields(item),
    event: 'complained',
    origin: 'remote-server',
    providerDetail: detail(item, []),
    verdict: createVerdict('complaint', { rule: 'sendgrid:spamreport' }),
    raw: item,
  };
}

/** Outcomes of one Event Webhook event object; tracking events give `[]`. Never throws. */
export function fromSendGridEvent(item: unknown): DeliveryOutcome[] {
  // Each event on its own: a hostile one gives one unreadable outcome and the rest of the batch is kept.
  return convertSafely(item, unreadableInput, () => readEvent(item));
}

function readEvent(item: unknown): DeliveryOutcome[] {
  if (!isRecord(item)) return [unreadable(provider, item, 'the event is not an object')];
  const name = readString(item, 'event');
  if (name === undefined) return [unreadable(provider, item, 'the event has no "event" name')];
  if (informational.has(name)) return [];
  switch (name) {
    case 'bounce':
      return [bounceOutcome(item)];
    case 'dropped':
      return [droppedOutcome(item)];
    case 'deferred':
      return [deferredOutcome(item)];
    case 'delivered':
      return [deliveredOutcome(item)];
    case 'spamreport':
      return [spamReportOutcome(item)];
    case 'processed':
      return [processedOutcome(item)];
    default:
      return [unreadable(provider, item, `unknown SendGrid event ${JSON.stringify(name)}`)];
  }
}

/**
 * Outcomes of a SendGrid Event Webhook POST: the raw body (string, bytes, `ArrayBuffer`) or its parsed JSON
 * array (a single event object is accepted too). Each outcome's `raw` is its own event object. Tracking events
 * (open, click, unsubscribe, group_unsubscribe, group_resubscribe) give no outcome; anything unreadable gives
 * one `unknown` outcome that says why — per event, so one bad event never costs the batch. Never throws.
 */
export function fromSendGridEvents(batch: unknown): DeliveryOutcome[] {
  return convertSafely(batch, unreadableInput, () => {
    const read = readWebhookBody(batch);
    if (!read.ok) return [unreadable(provider, batch, read.reason)];
    const value = read.value;
    if (Array.isArray(value)) return value.flatMap((item) => fromSendGridEvent(item));
    if (isRecord(value)) return fromSendGridEvent(value);
    return [unreadable(provider, batch, 'the body is neither an event array nor an event object')];
  });
}

// Mailgun webhooks (current JSON format, one event per POST) → outcomes. Event and reason vocabulary from
// Mailgun's docs (tracking failures, webhooks), mailgun-go `events/enums.go` and anymail captures (packages/mailgun/PROVIDER.md §3).
import {
  type Category,
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
  convertSafely,
  ownValue,
  readWebhookBody,
  asText as text,
  unreadable,
} from '@mailverdict/core/adapter';
import { pseudoCodes, replyText, statusCode } from './smtp-text';
import { type MailgunDeliveryStatus, type MailgunEventData, provider, unreadableInput } from './types';

/** Events that say nothing about delivery: engagement, list and storage events. They give no outcome. */
export const ignoredMailgunEvents: readonly string[] = [
  'opened',
  'clicked',
  'unsubscribed',
  'stored',
  'list_member_uploaded',
  'list_member_upload_error',
  'list_uploaded',
];

type Record_ = Readonly<Record<string, unknown>>;

/** The `event-data` object, from the whole body or when given directly. */
function eventDataOf(payload: unknown): Record_ | undefined {
  const body = asRecord(payload);
  if (body === undefined) return undefined;
  const nested = asRecord(body['event-data']);
  if (nested !== undefined) return nested;
  return typeof body.event === 'string' ? body : undefined;
}

function garbage(payload: unknown, reason: string): DeliveryOutcome[] {
  return [unreadable(provider, payload, reason, { permanence: 'permanent', scope: 'provider' })];
}

function detailOf(data: MailgunEventData): Record_ {
  const status = asRecord(data['delivery-status']) ?? {};
  const detail: Record<string, unknown> = {
    event: data.event,
    id: data.id,
    severity: data.severity,
    reason: data.reason,
    'log-level': data['log-level'],
    code: status.code,
    'enhanced-code': status['enhanced-code'],
    message: status.message,
    description: status.description,
    'attempt-no': status['attempt-no'],
    'retry-seconds': status['retry-seconds'],
    'mx-host': status['mx-host'],
    'bounce-type': status['bounce-type'],
    'last-code': status['last-code'],
    'last-message': status['last-message'],
    'reject-reason': asRecord(data.reject)?.reason,
    'reject-description': asRecord(data.reject)?.description,
  };
  for (const key of Object.keys(detail))
    if (detail[key] === undefined || detail[key] === null) delete detail[key];
  return detail;
}

const suppressions: Readonly<Record<string, { rule: string; summary: string; suppressRecipient: boolean }>> =
  {
    'suppress-bounce': {
      rule: 'mailgun:suppress-bounce',
      summary: 'Mailgun did not send: the address is on its bounce list (it bounced before).',
      suppressRecipient: true,
    },
    'suppress-complaint': {
      rule: 'mailgun:suppress-complaint',
      summary: 'Mailgun did not send: the recipient complained before (complaint list).',
      suppressRecipient: true,
    },
    // An unsubscribe is a choice about this sending domain's mail, not a dead address: the list entry already stops
    // this mail, and other mail types (a password reset) may still be wanted, so it is not a global suppression.
    'suppress-unsubscribe': {
      rule: 'mailgun:suppress-unsubscribe',
      summary: 'Mailgun did not send: the recipient unsubscribed from this domain (unsubscribe list).',
      suppressRecipient: false,
    },
  };

/** Mailgun's reason, used only when the SMTP details did not say more (the reply text wins). */
function fromReason(
  data: MailgunEventData,
  code: number | undefined,
  reply: SmtpReply | undefined,
): Verdict | undefined {
  const temporary = data.severity === 'temporary';
  const common = { ...(reply === undefined ? {} : { reply }), confidence: 0.6 };
  switch (data.reason) {
    case 'greylisted':
      return createVerdict('greylisted', { ...common, rule: 'mailgun:reason-greylisted' });
    case 'blacklisted':
      return createVerdict('blocklisted', { ...common, rule: 'mailgun:reason-blacklisted', confidence: 0.5 });
    case 'espblock':
      return createVerdict('reputation', {
        ...common,
        rule: 'mailgun:reason-espblock',
        permanence: temporary ? 'transient' : 'permanent',
        confidence: 0.5,
        summary: 'The receiving mailbox provider blocked or throttled the sender.',
      });
  }
  if (code === 498) {
    return temporary
      ? createVerdict('dns-failure', { ...common, rule: 'mailgun:code-498' })
      : createVerdict('domain-invalid', { ...common, rule: 'mailgun:code-498' });
  }
  if (code === 499) return createVerdict('network', { ...common, rule: 'mailgun:code-499' });
  return undefined;
}

function failedOutcome(data: MailgunEventData): {
  event: DeliveryEvent;
  origin: OutcomeOrigin;
  verdict: Verdict;
  reply?: SmtpReply;
} {
  const reason = typeof data.reason === 'string' ? data.reason : '';
  const status = asRecord(data['delivery-status']) as MailgunDeliveryStatus | undefined;
  const code = statusCode(status);
  const suppression =
    ownValue(suppressions, reason) ??
    (code === 605 ? suppressions['suppress-bounce'] : undefined) ??
    (code === 607 ? suppressions['suppress-complaint'] : undefined);
  if (suppression !== undefined) {
    return {
      event: 'rejected',
      origin: 'provider',
      verdict: createVerdict('suppressed', {
        rule: suppression.rule,
        summary: suppression.summary,
        suppressRecipient: suppression.suppressRecipient,
      }),
    };
  }
  const destination = text(data['recipient-domain']) ?? text(status?.['mx-host']);
  const smtp = replyText(status);
  // Parsed once here, so the outcome carries the reply even when the verdict is Mailgun's own.
  const reply = smtp === undefined ? undefined : parseReply(smtp);
  const classified =
    reply === undefined ? undefined : classify(reply, destination === undefined ? {} : { destination });
  const realReply = code !== undefined && code >= 200 && code <= 599 && pseudoCodes[code] === undefined;
  const origin: OutcomeOrigin =
    realReply || text(status?.['mx-host']) !== undefined ? 'remote-server' : 'provider';

  if (reason === 'old') {
    // "Too old": Mailgun gave up after its retry window (about 8 h). Terminal whatever `severity` says
    // (help article and forum disagree on the severity; packages/mailgun/PROVIDER.md §3).
    const cause: Category | undefined =
      classified !== undefined && classified.category !== 'unknown' ? classified.category : undefined;
    return {
      event: 'bounced',
      origin,
      verdict: createVerdict('expired', {
        rule: 'mailgun:reason-old',
        ...(reply === undefined ? {} : { reply }),
        ...(cause === undefined ? {} : { cause }),
        summary: 'Mailgun gave up after its retry window (about 8 hours) expired.',
      }),
      ...(reply === undefined ? {} : { reply }),
    };
  }

  let verdict = classified;
  if (verdict === undefined || verdict.category === 'unknown')
    verdict = fromReason(data, code, reply) ?? verdict;
  if (verdict === undefined) {
    verdict = createVerdict('unknown', {
      rule: 'mailgun:failed-no-detail',
      permanence: data.severity === 'temporary' ? 'transient' : 'permanent',
      confidence: 0.1,
      summary: 'Mailgun reported a failure without any SMTP detail.',
    });
  }
  // Mailgun's severity says whether *it* retries; the verdict is the reply's meaning (a 552 5.2.2 it calls
  // permanent is still a full mailbox).
  const event: DeliveryEvent =
    data.severity === 'temporary' ? 'deferred' : data.severity === 'internal' ? 'failed' : 'bounced';
  return {
    event,
    origin: data.severity === 'internal' ? 'provider' : origin,
    verdict,
    ...(reply === undefined ? {} : { reply }),
  };
}

function rejectedVerdict(data: MailgunEventData): Verdict {
  const reject = asRecord(data.reject) ?? {};
  const words = [text(reject.reason), text(reject.description)]
    .filter((part) => part !== undefined)
    .join(' ');
  if (words.toLowerCase().includes('sandbox')) {
    return createVerdict('account-issue', {
      rule: 'mailgun:rejected-sandbox',
      summary: 'The Mailgun sandbox domain only sends to authorized recipients.',
    });
  }
  const classified = words === '' ? undefined : classify(words);
  if (classified !== undefined && classified.category !== 'unknown') return classified;
  return createVerdict('policy', {
    rule: 'mailgun:rejected',
    scope: 'provider',
    confidence: 0.4,
    summary: `Mailgun refused to send the message${words === '' ? '' : `: ${words}`}.`,
  });
}

/**
 * Outcomes for one Mailgun webhook body (`{ signature, 'event-data' }`, or the `event-data` object alone).
 * Verify the signature first with `verifyMailgunWebhook`. Engagement and list events (`opened`, `clicked`,
 * `unsubscribed`, …) give `[]`; anything unreadable gives one `unknown` outcome saying why. Never throws.
 */
export function fromMailgunWebhook(payload: unknown): DeliveryOutcome[] {
  // Hostile input (throwing getters, proxies) gives one unreadable outcome instead of a throw.
  return convertSafely(payload, unreadableInput, () => convertWebhook(payload));
}

function convertWebhook(payload: unknown): DeliveryOutcome[] {
  // The raw body (a JSON string, bytes) or the parsed object.
  const read = readWebhookBody(payload);
  if (!read.ok) return garbage(payload, read.reason);
  const data = eventDataOf(read.value) as MailgunEventData | undefined;
  if (data === undefined) return garbage(payload, 'no `event-data` object');
  const event = typeof data.event === 'string' ? data.event : '';
  if (ignoredMailgunEvents.includes(event)) return [];
  const recipient = text(data.recipient);
  const headerId = text(asRecord(asRecord(data.message)?.headers)?.['message-id']);
  const messageId = headerId === undefined ? undefined : text(stripBrackets(headerId));
  const timestamp =
    typeof data.timestamp === 'number' && Number.isFinite(data.timestamp) ? data.timestamp : undefined;
  const common = {
    provider,
    ...(recipient === undefined ? {} : { recipient }),
    ...(messageId === undefined ? {} : { messageId }),
    ...(timestamp === undefined ? {} : { occurredAt: Math.round(timestamp * 1000) }),
    providerDetail: detailOf(data),
    raw: payload,
  };
  switch (event) {
    case 'accepted':
      return [
        {
          ...common,
          event: 'accepted',
          origin: 'provider',
          verdict: createVerdict('accepted', {
            rule: 'mailgun:accepted',
            summary: 'Mailgun accepted the message; the delivery result comes in a later event.',
          }),
        },
      ];
    case 'delivered': {
      const smtp = replyText(asRecord(data['delivery-status']) as MailgunDeliveryStatus | undefined);
      const reply = smtp === undefined ? undefined : parseReply(smtp);
      return [
        {
          ...common,
          event: 'delivered',
          origin: 'remote-server',
          ...(reply === undefined ? {} : { reply }),
          verdict: createVerdict('delivered', {
            rule: 'mailgun:delivered',
            ...(reply === undefined ? {} : { reply }),
          }),
        },
      ];
    }
    case 'complained':
      return [
        {
          ...common,
          event: 'complained',
          origin: 'remote-server',
          verdict: createVerdict('complaint', { rule: 'mailgun:complained' }),
        },
      ];
    case 'rejected':
      return [{ ...common, event: 'rejected', origin: 'provider', verdict: rejectedVerdict(data) }];
    case 'failed': {
      const { event: outcomeEvent, origin, verdict, reply } = failedOutcome(data);
      const retrySeconds = asRecord(data['delivery-status'])?.['retry-seconds'];
      const retryAfterMs =
        outcomeEvent === 'deferred' &&
        typeof retrySeconds === 'number' &&
        retrySeconds >= 0 &&
        Number.isFinite(retrySeconds)
          ? retrySeconds * 1000
          : undefined;
      return [
        {
          ...common,
          event: outcomeEvent,
          origin,
          ...(reply === undefined ? {} : { reply }),
          ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
          verdict,
        },
      ];
    }
    default:
      return garbage(payload, event === '' ? 'the event has no `event` name' : `unknown event "${event}"`);
  }
}

/** Mailgun's send result has `<id@domain>`, webhooks `id@domain`: one form so the two can be matched. */
export function stripBrackets(id: string): string {
  const trimmed = id.trim();
  return trimmed.startsWith('<') && trimmed.endsWith('>') ? trimmed.slice(1, -1) : trimmed;
}

// Resend webhooks (one event per POST, `{ type, created_at, data }`) → outcomes. Event types and fields from
// resend@6.38.0 `WebhookEventPayload` and https://resend.com/docs/webhooks/event-types (packages/resend/PROVIDER.md §2).
// Resend gives no SMTP code or enhanced code: `bounce.message` is Resend's own prose (SES wording) and
// `bounce.type`/`subType` (SES vocabulary) is evidence the adapter uses when the prose says nothing the classifier knows.
import {
  type Category,
  classify,
  createVerdict,
  type DeliveryOutcome,
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
import { provider, unreadableInput } from './types';

/** Event types that say nothing about delivery; they give no outcome. Non-`email.*` events are ignored too. */
export const ignoredResendEvents: readonly string[] = [
  'email.opened',
  'email.clicked',
  'email.received',
  'email.scheduled',
];

type Record_ = Readonly<Record<string, unknown>>;

function garbage(payload: unknown, reason: string): DeliveryOutcome[] {
  return [unreadable(provider, payload, reason, { permanence: 'permanent', scope: 'provider' })];
}

const suppressionSubTypes = new Set(['suppressed', 'onaccountsuppressionlist']);

// SES bounce sub-types (Resend mirrors them) that name the cause. `General` names none.
// https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html#bounce-types
const subTypeCategories: Readonly<Record<string, { category: Category; confidence: number }>> = {
  noemail: { category: 'mailbox-unknown', confidence: 0.7 },
  mailboxfull: { category: 'mailbox-full', confidence: 0.7 },
  messagetoolarge: { category: 'message-too-large', confidence: 0.7 },
  contentrejected: { category: 'spam-content', confidence: 0.5 },
  attachmentrejected: { category: 'virus', confidence: 0.5 },
};

function bounceVerdict(bounce: Record_): { suppressed: boolean; verdict: Verdict } {
  const type = (text(bounce.type) ?? '').toLowerCase();
  const subType = (text(bounce.subType) ?? '').toLowerCase();
  const message = text(bounce.message);
  if (suppressionSubTypes.has(subType)) {
    return {
      suppressed: true,
      verdict: createVerdict('suppressed', {
        rule:
          subType === 'suppressed' ? 'resend:bounce-suppressed' : 'resend:bounce-account-suppression-list',
        summary: 'Resend did not send: the address is on its suppression list.',
      }),
    };
  }
  const classified = message === undefined ? undefined : classify(message);
  if (classified !== undefined && classified.category !== 'unknown')
    return { suppressed: false, verdict: classified };
  const known = ownValue(subTypeCategories, subType);
  if (known !== undefined) {
    return {
      suppressed: false,
      verdict: createVerdict(known.category, {
        rule: `resend:bounce-${subType}`,
        confidence: known.confidence,
      }),
    };
  }
  if (type === 'permanent') {
    // Permanent/General: "the recipient's email provider sent a hard bounce message, but didn't specify the reason".
    // Most hard bounces are unknown mailboxes, so that is the guess, at low confidence (packages/resend/PROVIDER.md §4).
    return {
      suppressed: false,
      verdict: createVerdict('mailbox-unknown', {
        rule: 'resend:bounce-permanent',
        confidence: 0.4,
        summary: 'Resend reported a hard bounce without a specific reason; most are unknown mailboxes.',
      }),
    };
  }
  return {
    suppressed: false,
    verdict: createVerdict('unknown', {
      rule: 'resend:bounce-unspecified',
      permanence: type === 'transient' ? 'transient' : 'permanent',
      confidence: 0.1,
      summary: `Resend reported a ${type === '' ? '' : `${type} `}bounce without a specific reason.`,
    }),
  };
}

function failedVerdict(reason: string | undefined): { origin: 'account' | 'provider'; verdict: Verdict } {
  const lower = (reason ?? '').toLowerCase();
  if (lower.includes('not verified') || lower.includes('api key') || lower.includes('testing emails')) {
    return {
      origin: 'account',
      verdict: createVerdict('account-issue', {
        rule: 'resend:failed-account',
        summary: `Resend could not send: ${reason}`,
      }),
    };
  }
  if (lower.includes('quota')) {
    return {
      origin: 'account',
      verdict: createVerdict('account-limit', {
        rule: 'resend:failed-quota',
        summary: `Resend could not send: ${reason}`,
      }),
    };
  }
  const classified = reason === undefined ? undefined : classify(reason);
  if (classified !== undefined && classified.category !== 'unknown')
    return { origin: 'provider', verdict: classified };
  return {
    origin: 'provider',
    verdict: createVerdict('unknown', {
      rule: 'resend:failed',
      permanence: 'permanent',
      scope: 'provider',
      confidence: 0.2,
      summary: `Resend could not send the email${reason === undefined ? '' : `: ${reason}`}.`,
    }),
  };
}

function recipientsOf(data: Record_): (string | undefined)[] {
  const to = data.to;
  const list = (Array.isArray(to) ? to : [to]).map(text).filter((address) => address !== undefined);
  return list.length === 0 ? [undefined] : list;
}

function timeOf(...values: unknown[]): number | undefined {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return time;
  }
  return undefined;
}

/**
 * Outcomes for one Resend webhook payload (verify it first with `verifyResendWebhook`, which returns it parsed):
 * one per address in `data.to`. Engagement events (`email.opened`, `email.clicked`, …) and non-email events give `[]`;
 * anything unreadable gives one `unknown` outcome saying why. Never throws.
 */
export function fromResendWebhook(payload: unknown): DeliveryOutcome[] {
  // Hostile input (throwing getters, proxies) gives one unreadable outcome instead of a throw.
  return convertSafely(payload, unreadableInput, () => convertWebhook(payload));
}

function convertWebhook(payload: unknown): DeliveryOutcome[] {
  // The raw body (a JSON string, bytes) or the parsed object.
  const read = readWebhookBody(payload);
  if (!read.ok) return garbage(payload, read.reason);
  const body = asRecord(read.value);
  if (body === undefined) return garbage(payload, 'not an object');
  const type = text(body.type);
  if (type === undefined) return garbage(payload, 'no `type`');
  if (!type.startsWith('email.') || ignoredResendEvents.includes(type)) return [];
  const data = asRecord(body.data);
  if (data === undefined) return garbage(payload, 'no `data` object');
  const bounce = asRecord(data.bounce);
  const failed = asRecord(data.failed);
  const suppressedBlock = asRecord(data.suppressed);
  const providerDetail: Record<string, unknown> = { type };
  const detail: Record_ = {
    email_id: data.email_id,
    message_id: data.message_id,
    bounceType: bounce?.type,
    bounceSubType: bounce?.subType,
    bounceMessage: bounce?.message,
    failedReason: failed?.reason,
    suppressedType: suppressedBlock?.type,
    suppressedMessage: suppressedBlock?.message,
  };
  for (const [key, value] of Object.entries(detail))
    if (value !== undefined && value !== null) providerDetail[key] = value;
  const emailId = text(data.email_id);
  const occurredAt = timeOf(body.created_at, data.created_at);
  const common = {
    provider,
    ...(emailId === undefined ? {} : { messageId: emailId }),
    ...(occurredAt === undefined ? {} : { occurredAt }),
    providerDetail,
    raw: payload,
  };
  let shape: Pick<DeliveryOutcome, 'event' | 'origin' | 'verdict'>;
  switch (type) {
    case 'email.sent':
      shape = {
        event: 'accepted',
        origin: 'provider',
        verdict: createVerdict('accepted', {
          rule: 'resend:sent',
          summary: 'Resend accepted the message and handed it on; delivery is reported separately.',
        }),
      };
      break;
    case 'email.delivered':
      shape = {
        event: 'delivered',
        origin: 'remote-server',
        verdict: createVerdict('delivered', { rule: 'resend:delivered' }),
      };
      break;
    case 'email.delivery_delayed':
      // No reason and no SMTP text (packages/resend/PROVIDER.md §2): only that the destination has not accepted it yet.
      shape = {
        event: 'deferred',
        origin: 'provider',
        verdict: createVerdict('deferred', {
          rule: 'resend:delivery-delayed',
          confidence: 0.3,
          summary: 'Resend reports the delivery as delayed, without a reason; it keeps retrying.',
        }),
      };
      break;
    case 'email.complained':
      shape = {
        event: 'complained',
        origin: 'remote-server',
        verdict: createVerdict('complaint', { rule: 'resend:complained' }),
      };
      break;
    case 'email.bounced': {
      const { suppressed, verdict } = bounceVerdict(bounce ?? {});
      shape = suppressed
        ? { event: 'rejected', origin: 'provider', verdict }
        : { event: 'bounced', origin: 'remote-server', verdict };
      break;
    }
    case 'email.suppressed':
      shape = {
        event: 'rejected',
        origin: 'provider',
        verdict: createVerdict('suppressed', {
          rule: 'resend:suppressed',
          summary: `Resend did not send: the address is on its suppression list${
            text(suppressedBlock?.message) === undefined ? '' : ` (${text(suppressedBlock?.message)})`
          }.`,
        }),
      };
      break;
    case 'email.failed': {
      const { origin, verdict } = failedVerdict(text(failed?.reason));
      shape = { event: 'failed', origin, verdict };
      break;
    }
    default:
      return garbage(payload, `unknown event type "${type}"`);
  }
  return recipientsOf(data).map((recipient) => ({
    ...common,
    ...(recipient === undefined ? {} : { recipient }),
    ...shape,
  }));
}

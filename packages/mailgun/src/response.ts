import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import { listRecipients, perRecipient, type SendContext, unreadable } from '@mailverdict/core/adapter';
import { provider } from './types';
import { stripBrackets } from './webhook';

function notAResult(result: unknown): DeliveryOutcome[] {
  return [
    unreadable(provider, result, 'no message `id`, so not a mailgun.js send result', {
      permanence: 'permanent',
      scope: 'provider',
    }),
  ];
}

/**
 * Outcomes for a resolved `mg.messages.create(...)` (`{ id, message: 'Queued. Thank you.' }`): event `accepted`,
 * one per recipient in `context.to` (or one without a recipient). `messageId` is the id without angle brackets,
 * the form webhooks use. Anything without a message `id` gives one `unknown` outcome saying so. Never throws on
 * the result.
 */
export function fromMailgunResponse(result: unknown, context: SendContext = {}): DeliveryOutcome[] {
  const recipients = listRecipients(context, 'fromMailgunResponse');
  if (typeof result !== 'object' || result === null) return notAResult(result);
  let record: { id?: unknown; status?: unknown; message?: unknown };
  try {
    const { id, status, message } = result as Record<string, unknown>;
    record = { id, status, message };
  } catch {
    return notAResult(result); // hostile input (throwing getters, proxies)
  }
  const id = typeof record.id === 'string' ? stripBrackets(record.id) : '';
  if (id === '') return notAResult(result);
  const base: DeliveryOutcome = {
    provider,
    event: 'accepted',
    messageId: id,
    origin: 'provider',
    providerDetail: { status: record.status, id: record.id, message: record.message },
    verdict: createVerdict('accepted', {
      rule: 'mailgun:queued',
      summary: 'Mailgun queued the message; the delivery result comes later by webhook.',
    }),
    raw: result,
  };
  return perRecipient(base, recipients);
}

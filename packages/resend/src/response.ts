import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import { asRecord, listRecipients, type SendContext } from '@mailverdict/core/adapter';
import { fromResendError } from './error';
import { provider } from './types';

function accepted(id: unknown, raw: unknown, recipient: string | undefined): DeliveryOutcome {
  return {
    provider,
    event: 'accepted',
    ...(recipient === undefined ? {} : { recipient }),
    ...(typeof id === 'string' && id !== '' ? { messageId: id } : {}),
    origin: 'provider',
    providerDetail: { id },
    verdict: createVerdict('accepted', {
      rule: 'resend:accepted',
      summary: 'Resend accepted the message; the delivery result comes later by webhook.',
    }),
    raw,
  };
}

/**
 * Outcomes for what `resend.emails.send(...)` or `resend.batch.send(...)` resolved to (`{ data, error, headers }`).
 * - error → `fromResendError` (with the headers, for `retryAfterMs`);
 * - single send → `accepted` per recipient in `context.to` (`messageId` is Resend's email id, as in webhooks);
 * - batch → one `accepted` per email id, and with `batchValidation: 'permissive'` one `rejected` per entry of
 *   `errors` (the message names the problem; `providerDetail.index` says which email). `context.to` is ignored for
 *   batches: each email has its own recipients.
 * Anything that is not a result object gives one `unknown` outcome. Never throws on the result.
 */
export function fromResendResult(result: unknown, context: SendContext = {}): DeliveryOutcome[] {
  const recipients = listRecipients(context, 'fromResendResult');
  try {
    return convertResult(result, context, recipients);
  } catch {
    // Hostile input (throwing getters, proxies): one `unknown` outcome, like any other non-result.
    return fromResendError(undefined, context).map((outcome) => ({ ...outcome, raw: result }));
  }
}

function convertResult(result: unknown, context: SendContext, recipients: string[]): DeliveryOutcome[] {
  const record = asRecord(result);
  if (record === undefined || !('error' in record || 'data' in record))
    return fromResendError(result, context);
  const headers = asRecord(record.headers) as Record<string, string> | undefined;
  if (record.error !== null && record.error !== undefined) {
    return fromResendError(record.error, { ...context, ...(headers === undefined ? {} : { headers }) });
  }
  const data = asRecord(record.data);
  if (data === undefined) return fromResendError(result, context);
  if (Array.isArray(data.data)) {
    const outcomes = data.data.map((entry: unknown) => accepted(asRecord(entry)?.id, result, undefined));
    const errors = Array.isArray(data.errors) ? data.errors : [];
    for (const entry of errors) {
      const item = asRecord(entry) ?? {};
      const message = typeof item.message === 'string' ? item.message : '';
      outcomes.push({
        provider,
        event: 'rejected',
        origin: 'provider',
        providerDetail: { index: item.index, message: item.message },
        verdict: createVerdict('protocol', {
          rule: 'resend:batch-validation',
          summary: `Resend refused email #${String(item.index)} of the batch${message === '' ? '' : `: ${message}`}.`,
        }),
        raw: result,
      });
    }
    return outcomes;
  }
  if (recipients.length === 0) return [accepted(data.id, result, undefined)];
  return recipients.map((recipient) => accepted(data.id, result, recipient));
}

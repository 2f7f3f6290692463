import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import {
  asRecord,
  buildOutcome,
  convertSafely,
  describeValue as describe,
  parseTime as epochMs,
  splitAddressList,
  asText as text,
  unreadable,
} from '@mailverdict/core/adapter';
import { inactiveAddresses } from './address-list';
import { apiErrorVerdict } from './api-error-verdict';
import { detail, integer } from './detail';
import type { PostmarkMessageLike, PostmarkSendResponse } from './types';
import { provider, unreadableInput } from './types';

/** The addresses in a message's (or a response element's) To, Cc and Bcc fields, in that order. */
function addressesOf(record: unknown): string[] {
  const fields = asRecord(record);
  if (fields === undefined) return [];
  return [fields.To, fields.Cc, fields.Bcc].flatMap((field) =>
    typeof field === 'string' ? splitAddressList(field) : [],
  );
}

/**
 * Turns what `sendEmail` resolved with (one object) or `sendEmailBatch` resolved with (an array)
 * into outcomes. A batch answers HTTP 200 even when some messages failed: each element carries its
 * own `ErrorCode` (packages/postmark/PROVIDER.md §1), so a 406 element becomes `rejected` / `suppressed` while its
 * neighbours are `accepted`. Accepted messages give one outcome per To, Cc and Bcc recipient.
 *
 * `sent` is what you sent — the message, or the batch's array of messages, in the same order — so that every
 * recipient gets an outcome even when Postmark's answer names none (an `ErrorCode` 300 element has no `To`; a
 * 406 names only the inactive addresses, and their co-recipients were not sent either). Every outcome of a batch
 * carries `providerDetail.batchIndex`: the position of its message in the batch (and in the response array).
 * Never throws: anything else gives one `unknown` outcome with the reason.
 */
export function fromPostmarkResponse(
  response: PostmarkSendResponse | readonly PostmarkSendResponse[] | unknown,
  sent?: PostmarkMessageLike | readonly PostmarkMessageLike[],
): DeliveryOutcome[] {
  return convertSafely(response, unreadableInput('failed'), () => {
    if (!Array.isArray(response)) return fromElement(response, undefined, sent);
    const messages: readonly unknown[] = Array.isArray(sent) ? sent : [];
    return response.flatMap((element: unknown, index) => fromElement(element, index, messages[index]));
  });
}

function fromElement(element: unknown, index: number | undefined, message: unknown): DeliveryOutcome[] {
  const record = asRecord(element);
  const at = index === undefined ? {} : { batchIndex: index };
  if (record === undefined) {
    const position = index === undefined ? '' : ` at batch index ${index}`;
    return [
      unreadable(provider, element, `not a Postmark send response${position}: got ${describe(element)}`, {
        event: 'failed',
        scope: 'message',
        providerDetail: at,
      }),
    ];
  }
  const errorCode = integer(record.ErrorCode);
  const message_ = text(record.Message);
  const messageId = text(record.MessageID);
  const occurredAt = epochMs(record.SubmittedAt);
  const providerDetail = detail({ ...at, ErrorCode: errorCode, Message: message_ });
  // Postmark's answer names the recipients of an accepted message; what was sent names them otherwise.
  const answered = addressesOf(record);
  const addressed = answered.length > 0 ? answered : addressesOf(message);

  if (errorCode === 0 || (errorCode === undefined && messageId !== undefined)) {
    const verdict = createVerdict('accepted', {
      rule: 'postmark:accepted',
      summary: 'Postmark accepted the message for delivery.',
    });
    const targets = addressed.length === 0 ? [undefined] : addressed;
    return targets.map((recipient) =>
      buildOutcome({
        provider,
        event: 'accepted',
        recipient,
        messageId,
        occurredAt,
        origin: 'provider',
        providerDetail,
        verdict,
        raw: element,
      }),
    );
  }

  if (errorCode === undefined) {
    return [
      buildOutcome({
        provider,
        event: 'failed',
        messageId,
        occurredAt,
        origin: 'provider',
        providerDetail,
        verdict: createVerdict('unknown', {
          rule: 'postmark:response-without-code',
          scope: 'message',
          confidence: 0,
          summary: 'The Postmark response has neither an ErrorCode nor a MessageID.',
        }),
        raw: element,
      }),
    ];
  }

  // A failed element: the same ErrorCodes as a failed request (batch answers have no HTTP status each).
  const { origin, verdict } = apiErrorVerdict(undefined, errorCode, message_ ?? '');
  const event = errorCode === 406 ? 'rejected' : 'failed';
  const listed = errorCode === 406 ? inactiveAddresses(message_ ?? '') : [];
  const recipients = listed.length > 0 ? listed : addressed;
  const targets = recipients.length === 0 ? [undefined] : recipients;
  const outcomes = targets.map((recipient) =>
    buildOutcome({
      provider,
      event,
      recipient,
      messageId,
      occurredAt,
      origin,
      providerDetail,
      verdict,
      raw: element,
    }),
  );
  // The other recipients of a 406 message were not sent to either, though their addresses are fine.
  const inactive = new Set(listed.map((address) => address.toLowerCase()));
  const others =
    listed.length === 0 ? [] : addressed.filter((address) => !inactive.has(address.toLowerCase()));
  for (const recipient of others) {
    outcomes.push(
      buildOutcome({
        provider,
        event: 'failed',
        recipient,
        messageId,
        occurredAt,
        origin: 'provider',
        providerDetail,
        verdict: createVerdict('unknown', {
          rule: 'postmark:406-co-recipient',
          permanence: 'transient',
          scope: 'message',
          confidence: 0.9,
          summary: `Postmark did not send this message because another recipient is inactive (${listed.join(', ')}); send it again without that address.`,
        }),
        raw: element,
      }),
    );
  }
  return outcomes;
}

import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import { convertSafely, unreadableOutcome } from '@mailverdict/core/adapter';
import { inactiveAddresses, splitAddressList } from './address-list';
import { apiErrorVerdict } from './api-error-verdict';
import { asRecord, describe, detail, epochMs, integer, outcome, text } from './outcome';
import type { PostmarkSendResponse } from './postmark-types';
import { unreadableInput } from './unreadable';

/**
 * Turns what `sendEmail` resolved with (one object) or `sendEmailBatch` resolved with (an array)
 * into outcomes. A batch answers HTTP 200 even when some messages failed: each element carries its
 * own `ErrorCode` (providers.md §2.1), so a 406 element becomes `rejected` / `suppressed` while its
 * neighbours are `accepted`. Accepted messages give one outcome per To, Cc and Bcc recipient.
 * Never throws: anything else gives one `unknown` outcome with the reason.
 */
export function fromPostmarkResponse(
  response: PostmarkSendResponse | readonly PostmarkSendResponse[] | unknown,
): DeliveryOutcome[] {
  return convertSafely(response, unreadableInput('failed'), () =>
    Array.isArray(response)
      ? response.flatMap((element: unknown, index) => fromElement(element, index))
      : fromElement(response, undefined),
  );
}

function fromElement(element: unknown, index: number | undefined): DeliveryOutcome[] {
  const record = asRecord(element);
  const at = index === undefined ? {} : { batchIndex: index };
  if (record === undefined) {
    const position = index === undefined ? '' : ` at batch index ${index}`;
    return [
      unreadableOutcome(
        element,
        `Not a Postmark send response${position}: got ${describe(element)}.`,
        unreadableInput('failed'),
      ),
    ];
  }
  const errorCode = integer(record.ErrorCode);
  const message = text(record.Message);
  const messageId = text(record.MessageID);
  const occurredAt = epochMs(record.SubmittedAt);
  const providerDetail = detail({ ...at, ErrorCode: errorCode, Message: message });
  const addressed = [record.To, record.Cc, record.Bcc].flatMap((field) =>
    typeof field === 'string' ? splitAddressList(field) : [],
  );

  if (errorCode === 0 || (errorCode === undefined && messageId !== undefined)) {
    const verdict = createVerdict('delivered', {
      rule: 'postmark-accepted',
      summary: 'Postmark accepted the message for delivery.',
    });
    const targets = addressed.length === 0 ? [undefined] : addressed;
    return targets.map((recipient) =>
      outcome({
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
      outcome({
        event: 'failed',
        messageId,
        occurredAt,
        origin: 'provider',
        providerDetail,
        verdict: createVerdict('unknown', {
          rule: 'postmark-response-without-code',
          scope: 'message',
          confidence: 0,
          summary: 'The Postmark response has neither an ErrorCode nor a MessageID.',
        }),
        raw: element,
      }),
    ];
  }

  // A failed element: the same ErrorCodes as a failed request (batch answers have no HTTP status each).
  const { origin, verdict } = apiErrorVerdict(undefined, errorCode, message ?? '');
  const listed = errorCode === 406 ? inactiveAddresses(message ?? '') : [];
  const recipients = listed.length > 0 ? listed : addressed;
  const event = errorCode === 406 ? 'rejected' : 'failed';
  const targets = recipients.length === 0 ? [undefined] : recipients;
  return targets.map((recipient) =>
    outcome({ event, recipient, messageId, occurredAt, origin, providerDetail, verdict, raw: element }),
  );
}

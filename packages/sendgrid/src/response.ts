// A successful `sgMail.send()` → `accepted` outcomes: `[ClientResponse { statusCode: 202, headers }, {}]`
// with the `X-Message-Id` that later events' `sg_message_id` starts with (packages/sendgrid/PROVIDER.md §1–§2).
import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import {
  perRecipientOutcomes,
  readField,
  readNumber,
  readString,
  unreadable,
} from '@mailverdict/core/adapter';
import { provider } from './types';

/**
 * Outcomes of what `sgMail.send(…)` resolved with (the `[response, body]` pair, or the response alone):
 * one `accepted` outcome per recipient (pass `recipients`; default one without a recipient). Never throws on
 * any `result`; anything without a 2xx `statusCode` gives one `unknown` outcome saying so.
 */
export function fromSendGridResponse(
  result: unknown,
  options: { readonly recipients?: readonly string[] } = {},
): DeliveryOutcome[] {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('fromSendGridResponse: `options` must be an object');
  }
  const { recipients = [] } = options;
  if (!(Array.isArray(recipients) && recipients.every((recipient) => typeof recipient === 'string'))) {
    throw new TypeError('fromSendGridResponse: `options.recipients` must be an array of strings');
  }
  const response = Array.isArray(result) ? result[0] : result;
  const status = readNumber(response, 'statusCode');
  if (status === undefined || status < 200 || status > 299) {
    return [unreadable(provider, result, 'not a successful send result: no 2xx statusCode')];
  }
  const headers = readField(response, 'headers');
  const messageId = readString(headers, 'x-message-id') ?? readString(headers, 'X-Message-Id');
  return perRecipientOutcomes(
    {
      provider,
      event: 'accepted',
      origin: 'provider',
      messageId: messageId === '' ? undefined : messageId,
      providerDetail: { httpStatus: status },
      verdict: createVerdict('delivered', {
        rule: 'sendgrid:accepted',
        summary: 'SendGrid accepted the message; the delivery result comes in a later event.',
      }),
      raw: result,
    },
    recipients,
  );
}

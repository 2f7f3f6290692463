// A successful `SendEmail` → `accepted` outcomes: SES took the message; delivery is reported later by a
// notification carrying the same `MessageId` (packages/ses/PROVIDER.md §1, §3).
import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import {
  ifDefined,
  perRecipientOutcomes,
  readField,
  readNumber,
  readString,
  unreadable,
} from '@mailverdict/core/adapter';
import { provider } from './types';

/**
 * Outcomes of a resolved `SESv2Client.send(new SendEmailCommand(…))`: one `accepted` outcome per recipient
 * (pass `recipients`; default one without a recipient). Anything without a `MessageId` gives one `unknown`
 * outcome saying so. Never throws on any `output`.
 */
export function fromSesResponse(
  output: unknown,
  options: { readonly recipients?: readonly string[] } = {},
): DeliveryOutcome[] {
  if (typeof options !== 'object' || options === null)
    throw new TypeError('fromSesResponse: `options` must be an object');
  const { recipients = [] } = options;
  if (!(Array.isArray(recipients) && recipients.every((recipient) => typeof recipient === 'string'))) {
    throw new TypeError('fromSesResponse: `options.recipients` must be an array of strings');
  }
  const messageId = readString(output, 'MessageId');
  if (messageId === undefined || messageId === '') {
    return [unreadable(provider, output, 'not a SendEmail output: no MessageId')];
  }
  const metadata = readField(output, '$metadata');
  return perRecipientOutcomes(
    {
      provider,
      event: 'accepted',
      origin: 'provider',
      messageId,
      providerDetail: {
        ...ifDefined('httpStatusCode', readNumber(metadata, 'httpStatusCode')),
        ...ifDefined('requestId', readString(metadata, 'requestId')),
        ...ifDefined('attempts', readNumber(metadata, 'attempts')),
      },
      verdict: createVerdict('accepted', {
        rule: 'ses:accepted',
        summary: 'SES accepted the message; the delivery result comes in a later notification.',
      }),
      raw: output,
    },
    recipients,
  );
}

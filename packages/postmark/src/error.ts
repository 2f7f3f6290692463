import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import {
  asRecord,
  buildOutcome,
  convertSafely,
  describeValue as describe,
  markInDoubt,
  splitAddressList,
  asText as text,
  unreadable,
} from '@mailverdict/core/adapter';
import { inactiveAddresses } from './address-list';
import { apiErrorVerdict } from './api-error-verdict';
import { detail, integer } from './detail';
import type { PostmarkMessageLike } from './types';
import { provider, unreadableInput } from './types';

/**
 * Turns what the `postmark` client rejected with into outcomes: one per inactive recipient for a
 * 406 (`InactiveRecipientsError`), else one for the request — or, when the `message` that was sent
 * is given, one per recipient of it (for a 406 the active ones were not sent either: `failed`).
 * Every error class of postmark 5.1.0 is read by its HTTP status and ErrorCode (packages/postmark/PROVIDER.md §2):
 * `InvalidAPIKeyError`, `ApiInputError`,
 * `InactiveRecipientsError`, `InvalidEmailRequestError`, `RateLimitExceededError`,
 * `InternalServerError`, `ServiceUnavailablerError` (sic), `UnknownError`, and the plain
 * `PostmarkError` with status 0 that a network failure or timeout gives. That last one is marked in
 * doubt (`isInDoubt` of `@mailverdict/core/adapter`): without a response nobody knows whether Postmark
 * stored the message, so look it up (`hasOutboundMessage`) before sending again.
 *
 * `retryAfterMs` is never set: Postmark documents no Retry-After, and the client keeps no headers.
 * Never throws on `error`: anything that is not an error object gives one `unknown` outcome with the
 * reason. A `message` that is not an object is a programmer error (TypeError).
 */
export function fromPostmarkError(error: unknown, message?: PostmarkMessageLike): DeliveryOutcome[] {
  if (message !== undefined && (typeof message !== 'object' || message === null)) {
    throw new TypeError(
      'fromPostmarkError: `message` must be the message object that was sent, or undefined',
    );
  }
  const recipients = message === undefined ? [] : messageRecipients(message);
  return convertSafely(error, unreadableInput('failed'), () => convertError(error, recipients));
}

function convertError(error: unknown, sentTo: readonly string[]): DeliveryOutcome[] {
  const record = asRecord(error);
  if (record === undefined)
    return [
      unreadable(provider, error, `not a Postmark error: got ${describe(error)}`, {
        event: 'failed',
        scope: 'message',
      }),
    ];
  const statusCode = integer(record.statusCode);
  const errorCode = integer(record.code);
  const message = text(record.message) ?? '';
  const { origin, verdict } = apiErrorVerdict(statusCode, errorCode, message);
  const providerDetail = detail({
    name: text(record.name),
    statusCode,
    ErrorCode: errorCode,
    message: text(record.message),
  });

  if (errorCode !== 406) {
    // The request failed as a whole: every recipient of the message shares the outcome.
    const targets = sentTo.length === 0 ? [undefined] : sentTo;
    return targets.map((recipient) => {
      const outcome = buildOutcome({
        provider,
        event: 'failed',
        recipient,
        origin,
        providerDetail,
        verdict,
        raw: error,
      });
      // No HTTP answer at all: Postmark may have stored the message before the reply was lost.
      return statusCode === 0 ? markInDoubt(outcome) : outcome;
    });
  }
  // The variant without an address list says all recipients are inactive (packages/postmark/PROVIDER.md §2).
  const listedInactive = inactiveRecipients(record.recipients, message);
  const inactive = listedInactive.length === 0 ? sentTo : listedInactive;
  const outcomes = (inactive.length === 0 ? [undefined] : inactive).map((recipient) =>
    buildOutcome({ provider, event: 'rejected', recipient, origin, providerDetail, verdict, raw: error }),
  );
  // Postmark answered 422 for the whole message (no MessageID), so its active recipients were not
  // sent either; sending again without the inactive ones can work.
  const listed = new Set(inactive.map((address) => address.toLowerCase()));
  for (const recipient of sentTo) {
    if (listed.has(recipient.toLowerCase())) continue;
    outcomes.push(
      buildOutcome({
        provider,
        event: 'failed',
        recipient,
        origin: 'provider',
        providerDetail,
        verdict: createVerdict('unknown', {
          rule: 'postmark:not-sent-406',
          permanence: 'transient',
          scope: 'message',
          confidence: 0.5,
          summary:
            'Not sent: Postmark refused the whole message because another recipient is inactive; send again without it.',
        }),
        raw: error,
      }),
    );
  }
  return outcomes;
}

/** The bare addresses of a message's To, Cc and Bcc. */
function messageRecipients(message: PostmarkMessageLike): string[] {
  return [message.To, message.Cc, message.Bcc].flatMap((field) =>
    typeof field === 'string' ? splitAddressList(field) : [],
  );
}

/** The client's own `recipients` when it parsed any, else the addresses listed in the message. */
function inactiveRecipients(parsed: unknown, message: string): string[] {
  if (Array.isArray(parsed)) {
    const addresses = parsed.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
    if (addresses.length > 0) return addresses.map((address) => address.trim());
  }
  return inactiveAddresses(message);
}

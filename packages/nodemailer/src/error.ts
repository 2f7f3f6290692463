import { createVerdict, type DeliveryEvent, type DeliveryOutcome } from '@mailverdict/core';
import {
  asRecord,
  buildOutcome,
  convertSafely,
  describeValue as describe,
  asText as text,
  unreadable,
} from '@mailverdict/core/adapter';
import { mailRecipients } from './mail-recipients';
import { noReplyVerdict } from './no-reply-verdict';
import { providerDetail } from './provider-detail';
import { recipientOutcome } from './recipient-outcome';
import { replyVerdict } from './reply-verdict';
import { toSmtpCommand } from './to-smtp-command';
import type { MailLike } from './types';
import { provider, unreadableInput } from './types';

/**
 * Turns what nodemailer's `sendMail` rejected with into one outcome per recipient.
 *
 * - Recipients refused at RCPT TO get their own outcome from `rejectedErrors`, never from the
 *   top-level code: for a 550 + 450 mix nodemailer reports 450 at the top (packages/nodemailer/PROVIDER.md §2).
 * - Whenever there is a reply it is classified (code, enhanced code and text), whatever nodemailer's
 *   `code` says: a `421` arrives as `ECONNECTION` or `EPROTOCOL` (§1.4).
 * - Without a reply the code decides: network, DNS, our credentials, or local validation.
 * - Recipients without their own error (taken from `mail` when given) share the message-level outcome.
 *
 * Never throws on what it is given as `error` (anything can be thrown); a non-object `mail` is a
 * programmer error (TypeError).
 */
export function fromNodemailerError(error: unknown, mail?: MailLike): DeliveryOutcome[] {
  if (mail !== undefined && (typeof mail !== 'object' || mail === null)) {
    throw new TypeError('fromNodemailerError: `mail` must be the mail options object or undefined');
  }
  const messageId = text(mail?.messageId);
  return convertSafely(error, unreadableInput('failed'), () => convertError(error, mail, messageId));
}

function convertError(
  error: unknown,
  mail: MailLike | undefined,
  messageId: string | undefined,
): DeliveryOutcome[] {
  const record = asRecord(error);
  if (record === undefined)
    return [
      unreadable(
        provider,
        error,
        `not a nodemailer error: got ${describe(error)}`,
        unreadableInput('failed'),
      ),
    ];

  const outcomes: DeliveryOutcome[] = [];
  const covered = new Set<string>();
  const rejectedErrors = Array.isArray(record.rejectedErrors) ? record.rejectedErrors : [];
  const rejected = Array.isArray(record.rejected) ? record.rejected : [];
  rejectedErrors.forEach((entry: unknown, index) => {
    const result = recipientOutcome(entry, text(rejected[index]), messageId);
    if (result.recipient !== undefined) covered.add(result.recipient.toLowerCase());
    outcomes.push(result);
  });

  // An error about one recipient (an entry of `rejectedErrors` given directly) is about that one only.
  const ownRecipient = text(record.recipient);
  if (rejectedErrors.length === 0 && ownRecipient !== undefined) {
    return [recipientOutcome(record, ownRecipient, messageId)];
  }

  // "All recipients were rejected": every recipient has its own error; the top-level reply is only
  // nodemailer's pick among them (the first 4xx, packages/nodemailer/PROVIDER.md §2), so it adds no outcome of its own.
  if (rejectedErrors.length > 0 && record.code === 'EENVELOPE' && record.command === 'RCPT TO')
    return outcomes;

  const messageLevel = messageOutcomeParts(record);
  const recipients = mail === undefined ? [] : mailRecipients(mail);
  const named = messageLevel.recipient;
  const rest = recipients.filter((recipient) => !covered.has(recipient.toLowerCase()));
  // A local error that names its recipient (`Invalid recipient "…"`) is that recipient's outcome;
  // the others were never tried and share the message-level failure.
  const targets: (string | undefined)[] =
    named !== undefined
      ? [named, ...rest.filter((recipient) => recipient.toLowerCase() !== named.toLowerCase())]
      : rest;
  if (targets.length === 0 && outcomes.length === 0) targets.push(undefined);
  for (const recipient of targets) {
    const verdict =
      named !== undefined && recipient !== named ? messageLevel.otherVerdict : messageLevel.verdict;
    outcomes.push(
      buildOutcome({
        provider,
        event: messageLevel.event,
        recipient,
        messageId,
        origin: messageLevel.origin,
        reply: messageLevel.reply,
        providerDetail: providerDetail(record),
        verdict,
        raw: error,
      }),
    );
  }
  return outcomes;
}

interface MessageLevel {
  readonly event: DeliveryEvent;
  readonly origin: DeliveryOutcome['origin'];
  readonly reply?: DeliveryOutcome['reply'];
  readonly verdict: DeliveryOutcome['verdict'];
  /** The recipient a local validation error named, and the verdict for the recipients it did not name. */
  readonly recipient?: string;
  readonly otherVerdict: DeliveryOutcome['verdict'];
}

function messageOutcomeParts(error: Readonly<Record<string, unknown>>): MessageLevel {
  const command = toSmtpCommand(error.command, error.code);
  // The reply to DATA or to the message body refuses the message for every recipient that got that
  // far; any earlier failure (connection, greeting, AUTH, MAIL FROM, local checks) tried nobody.
  const event: DeliveryEvent = command === 'DATA' || command === 'END-OF-DATA' ? 'rejected' : 'failed';
  const response = text(error.response);
  if (response !== undefined) {
    const { reply, verdict } = replyVerdict(response, command, error.code);
    return {
      event,
      origin: error.code === 'EAUTH' ? 'account' : 'remote-server',
      reply,
      verdict,
      otherVerdict: verdict,
    };
  }
  const { origin, verdict, recipient } = noReplyVerdict(error);
  return {
    event,
    origin,
    verdict,
    ...(recipient === undefined ? {} : { recipient }),
    otherVerdict:
      recipient === undefined
        ? verdict
        : createVerdict('unknown', {
            rule: 'smtp:not-sent',
            permanence: 'transient',
            scope: 'message',
            confidence: 0,
            summary: 'Not sent: nodemailer refused another recipient of the same message before sending.',
          }),
  };
}

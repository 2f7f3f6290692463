import { createVerdict, type DeliveryEvent, type DeliveryOutcome, type OutcomeOrigin } from '@mailverdict/core';
import { providerDetail } from './provider-detail';
import { replyVerdict } from './reply-verdict';
import { toSmtpCommand } from './to-smtp-command';

export const provider = 'smtp';

/** Reads a value as a plain record, or undefined when it is not an object. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

/** A non-empty string field, or undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

interface OutcomeFields {
  readonly event: DeliveryEvent;
  readonly recipient: string | undefined;
  readonly messageId: string | undefined;
  readonly origin: OutcomeOrigin;
  readonly reply?: DeliveryOutcome['reply'];
  readonly providerDetail: Readonly<Record<string, unknown>>;
  readonly verdict: DeliveryOutcome['verdict'];
  readonly raw: unknown;
}

/** Builds an outcome, leaving out the optional fields that are unknown. */
export function outcome(fields: OutcomeFields): DeliveryOutcome {
  return {
    provider,
    event: fields.event,
    ...(fields.recipient === undefined ? {} : { recipient: fields.recipient }),
    ...(fields.messageId === undefined ? {} : { messageId: fields.messageId }),
    origin: fields.origin,
    ...(fields.reply === undefined ? {} : { reply: fields.reply }),
    providerDetail: fields.providerDetail,
    verdict: fields.verdict,
    raw: fields.raw,
  };
}

/**
 * One rejected recipient, from its own error in `rejectedErrors` (an `EENVELOPE` for a refused
 * RCPT TO, or an `EMESSAGE` for an LMTP per-recipient reply after the body): providers.md §1.2.
 */
export function recipientOutcome(
  entry: unknown,
  fallbackRecipient: string | undefined,
  messageId: string | undefined,
  raw: unknown = entry,
): DeliveryOutcome {
  const error = asRecord(entry) ?? {};
  const recipient = text(error.recipient) ?? fallbackRecipient;
  const response = text(error.response);
  const detail = providerDetail(error);
  if (response === undefined) {
    return outcome({
      event: 'rejected',
      recipient,
      messageId,
      origin: 'remote-server',
      providerDetail: detail,
      verdict: createVerdict('unknown', {
        rule: 'nodemailer-rejected-without-reply',
        confidence: 0,
        summary: 'The recipient was rejected, but nodemailer kept no reply to say why.',
      }),
      raw,
    });
  }
  const { reply, verdict } = replyVerdict(
    response,
    toSmtpCommand(error.command, error.code) ?? 'RCPT',
    error.code,
  );
  return outcome({
    event: 'rejected',
    recipient,
    messageId,
    origin: 'remote-server',
    reply,
    providerDetail: detail,
    verdict,
    raw,
  });
}

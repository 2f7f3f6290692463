import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import { asRecord, buildOutcome, asText as text } from '@mailverdict/core/adapter';
import { providerDetail } from './provider-detail';
import { replyVerdict } from './reply-verdict';
import { toSmtpCommand } from './to-smtp-command';
import { provider } from './types';

/**
 * One rejected recipient, from its own error in `rejectedErrors` (an `EENVELOPE` for a refused
 * RCPT TO, or an `EMESSAGE` for an LMTP per-recipient reply after the body): packages/nodemailer/PROVIDER.md §2.
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
    return buildOutcome({
      provider,
      event: 'rejected',
      recipient,
      messageId,
      origin: 'remote-server',
      providerDetail: detail,
      verdict: createVerdict('unknown', {
        rule: 'smtp:rejected-without-reply',
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
  return buildOutcome({
    provider,
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

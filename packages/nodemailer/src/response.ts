import { classify, createVerdict, type DeliveryOutcome, parseReply, type Verdict } from '@mailverdict/core';
import { asRecord, buildOutcome, convertSafely, asText as text, unreadable } from '@mailverdict/core/adapter';
import { recipientAddresses } from './mail-recipients';
import { recipientOutcome } from './recipient-outcome';
import type { NodemailerInfoLike } from './types';
import { provider, unreadableInput } from './types';

/**
 * Turns what nodemailer's `sendMail` resolved with into one outcome per recipient: `accepted`
 * recipients (the server took the message: event `accepted`), `rejected` ones with their own reply
 * from `rejectedErrors` (partial success, packages/nodemailer/PROVIDER.md §2), and `pending` ones if a transport
 * reports them. Never throws: anything that is not an info object gives one `unknown` outcome.
 */
export function fromNodemailerInfo(info: NodemailerInfoLike | unknown): DeliveryOutcome[] {
  return convertSafely(info, unreadableInput('accepted'), () => convertInfo(info));
}

function convertInfo(info: unknown): DeliveryOutcome[] {
  const record = asRecord(info);
  if (record === undefined) {
    return [
      unreadable(
        provider,
        info,
        'not a nodemailer send result, so nothing is known about the recipients',
        unreadableInput('accepted'),
      ),
    ];
  }
  const messageId = text(record.messageId);
  const response = text(record.response);
  const detail: Record<string, unknown> = {};
  if (response !== undefined) detail.response = response;
  const serverMessageId = text(record.serverMessageId);
  if (serverMessageId !== undefined) detail.serverMessageId = serverMessageId;
  const reply = response === undefined ? undefined : parseReply(response);
  const accepted = acceptedVerdict(reply);

  const outcomes: DeliveryOutcome[] = [];
  // Transports without an SMTP dialogue (stream, JSON, sendmail, SES) report no `accepted` list:
  // the transport took the message for every envelope recipient.
  const envelope = asRecord(record.envelope);
  const acceptedList = Array.isArray(record.accepted) ? record.accepted : envelope?.to;
  for (const recipient of recipientAddresses(acceptedList)) {
    outcomes.push(
      buildOutcome({
        provider,
        event: 'accepted',
        recipient,
        messageId,
        origin: 'remote-server',
        reply,
        providerDetail: detail,
        verdict: accepted,
        raw: info,
      }),
    );
  }

  const rejectedErrors = Array.isArray(record.rejectedErrors) ? record.rejectedErrors : [];
  const covered = new Set<string>();
  const rejectedList = Array.isArray(record.rejected) ? record.rejected : [];
  rejectedErrors.forEach((entry: unknown, index) => {
    const listed = rejectedList[index];
    const result = recipientOutcome(entry, typeof listed === 'string' ? listed : undefined, messageId);
    if (result.recipient !== undefined) covered.add(result.recipient.toLowerCase());
    outcomes.push(result);
  });
  // A rejected recipient without an error of its own (a transport that reports only addresses).
  for (const recipient of recipientAddresses(record.rejected)) {
    if (covered.has(recipient.toLowerCase())) continue;
    outcomes.push(recipientOutcome({}, recipient, messageId, info));
  }

  for (const recipient of recipientAddresses(record.pending)) {
    outcomes.push(
      buildOutcome({
        provider,
        event: 'deferred',
        recipient,
        messageId,
        origin: 'remote-server',
        providerDetail: { ...detail, pending: true },
        verdict: createVerdict('deferred', {
          rule: 'smtp:pending',
          summary: 'The server has not decided about this recipient yet.',
          confidence: 0.5,
        }),
        raw: info,
      }),
    );
  }
  return outcomes;
}

/**
 * The verdict for the recipients the server accepted: the final reply, classified. A transport
 * that has no SMTP reply (stream, JSON, sendmail) still accepted the message.
 */
function acceptedVerdict(reply: ReturnType<typeof parseReply> | undefined): Verdict {
  if (reply !== undefined) {
    const verdict = classify(reply, { command: 'END-OF-DATA' });
    if (verdict.permanence === 'success') return verdict;
    // nodemailer resolves only on a 2xx final reply; a text the classifier reads otherwise is kept as evidence.
    return createVerdict('delivered', { reply, rule: 'smtp:accepted', confidence: 0.9 });
  }
  return createVerdict('delivered', {
    rule: 'smtp:accepted',
    summary: 'The transport accepted the message.',
  });
}

// parseBounce: read the email once (mail/read-mail.ts), let the first decoder that recognizes it
// read its recipients (formats/index.ts), and turn each into a DeliveryOutcome (outcome/). Never
// rejects: bad input and internal failures become a report whose `problems` say what happened.
import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import type { BounceKind, BounceReport, OriginalMessage } from './bounce-report';
import type { Decoded } from './formats/decoder';
import { decoders } from './formats/index';
import { isDelayNotice } from './formats/looks-like-bounce';
import { originalFromParts } from './formats/original';
import { parseDate } from './mail/date';
import type { Field } from './mail/fields';
import { headerOf, type Mail } from './mail/mail';
import { type RawInput, readMail } from './mail/read-mail';
import { buildOutcome } from './outcome/build-outcome';
import { addressIn } from './text/find-address';

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object' && Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

function emptyReport(problems: string[], extra: Partial<BounceReport> = {}): BounceReport {
  return { kind: 'not-a-bounce', outcomes: [], format: 'none', problems, ...extra };
}

function originalOf(fields: readonly Field[] | undefined): OriginalMessage | undefined {
  if (fields === undefined || fields.length === 0) return undefined;
  const value = (name: string) => fields.find((field) => field.name === name)?.value;
  const messageId = value('message-id');
  const from = value('from');
  const to = value('to');
  const subject = value('subject');
  return {
    ...(messageId ? { messageId } : {}),
    ...(from ? { from: addressIn(from) ?? from } : {}),
    ...(to ? { to: addressIn(to) ?? to } : {}),
    ...(subject ? { subject } : {}),
    headers: fields.map((field) => ({ name: field.name, value: field.value })),
  };
}

function kindOf(decoded: Decoded, outcomes: readonly DeliveryOutcome[]): BounceKind {
  if (decoded.kind !== undefined) return decoded.kind;
  if (outcomes.some((outcome) => outcome.event === 'bounced')) return 'bounce';
  if (outcomes.some((outcome) => outcome.event === 'deferred')) return 'delay';
  if (outcomes.length > 0 && outcomes.every((outcome) => outcome.event === 'delivered')) return 'delivery';
  return 'not-a-bounce';
}

function report(mail: Mail, format: string, decoded: Decoded): BounceReport {
  const original = originalOf(decoded.original ?? originalFromParts(mail));
  const occurredAt = parseDate(headerOf(mail, 'date'));
  const context = {
    format,
    context: decoded.context,
    delay: isDelayNotice(mail.subject, decoded.context),
    messageId: original?.messageId,
    occurredAt,
  };
  const outcomes = decoded.recipients.map((recipient) => {
    const outcome = buildOutcome(recipient, context);
    if (decoded.kind === 'complaint') return asComplaint(outcome);
    if (decoded.kind === 'auto-reply') return asAutoReply(outcome);
    return outcome;
  });
  const arrivalDate = parseDate(decoded.arrivalDate);
  return {
    kind: kindOf(decoded, outcomes),
    outcomes,
    format,
    ...(original ? { original } : {}),
    ...(decoded.reportingMta ? { reportingMta: decoded.reportingMta } : {}),
    ...(arrivalDate !== undefined ? { arrivalDate } : {}),
    ...(mail.subject ? { subject: mail.subject } : {}),
    ...(mail.from ? { from: mail.from } : {}),
    problems: [...mail.problems],
  };
}

function asComplaint(outcome: DeliveryOutcome): DeliveryOutcome {
  const { reply: _reply, ...rest } = outcome;
  return {
    ...rest,
    event: 'complained',
    origin: 'remote-server',
    verdict: createVerdict('complaint', { rule: 'bounce:arf' }),
  };
}

function asAutoReply(outcome: DeliveryOutcome): DeliveryOutcome {
  const { reply: _reply, ...rest } = outcome;
  return {
    ...rest,
    event: 'delivered',
    origin: 'remote-server',
    verdict: createVerdict('auto-reply', { rule: 'bounce:rfc3834' }),
  };
}

/** The report of the first decoder that recognizes and reads `mail`. */
function decode(mail: Mail): BounceReport | undefined {
  for (const decoder of decoders) {
    if (!decoder.recognize(mail)) continue;
    const decoded = decoder.decode(mail);
    if (decoded !== undefined) return report(mail, decoder.name, decoded);
  }
  return undefined;
}

/**
 * Reads a bounce email (DSN, MTA notice, ARF complaint, auto-reply) into one outcome per recipient.
 * Never rejects: input of the wrong type, unreadable MIME or an internal error give a report whose
 * `problems` say so.
 */
export async function parseBounce(raw: RawInput): Promise<BounceReport> {
  try {
    // Inside the try: `instanceof` on a hostile Proxy runs its traps, which may throw.
    if (!(typeof raw === 'string' || raw instanceof Uint8Array || raw instanceof ArrayBuffer)) {
      return emptyReport([`parseBounce: expected a string, Uint8Array or ArrayBuffer, got ${describe(raw)}`]);
    }
    const mail = await readMail(raw);
    const found = decode(mail);
    if (found !== undefined) return found;
    // A bounce forwarded as an attachment (a user or a gateway passing it on): read the attached
    // message once, not recursively.
    for (const part of mail.parts) {
      if (part.type !== 'message/rfc822') continue;
      const inner = decode(await readMail(part.text));
      if (inner !== undefined) return inner;
    }
    return emptyReport([...mail.problems, 'no decoder recognized a delivery report'], {
      ...(mail.subject ? { subject: mail.subject } : {}),
      ...(mail.from ? { from: mail.from } : {}),
    });
  } catch (error) {
    return emptyReport([`parseBounce failed: ${messageOf(error)}`]);
  }
}

/** A thrown value's message, without trusting it (a hostile error's getters may throw too). */
function messageOf(error: unknown): string {
  try {
    return error instanceof Error ? String(error.message) : String(error);
  } catch {
    return 'an unreadable error';
  }
}

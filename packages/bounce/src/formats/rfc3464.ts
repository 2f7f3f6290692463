// RFC 3464 delivery status notifications: a multipart/report (RFC 6522) whose second part is
// message/delivery-status (or RFC 6533 message/global-delivery-status, UTF-8 allowed): one
// per-message group (Reporting-MTA, Arrival-Date), then one group per recipient (Final-Recipient,
// Action, Status, Remote-MTA, Diagnostic-Code, Last-Attempt-Date). Some MTAs put the same fields in
// the text body instead (Amazon WorkMail, old gateways); both are read here.
import type { SmtpCommand } from '@mailverdict/core';
import { type Field, readFieldGroups, splitLines, untyped } from '../mail/fields';
import { headerOf, type Mail, partOf } from '../mail/mail';
import { findCommand } from '../outcome/find-command';
import { addressIn } from '../text/find-address';
import type { Decoded, Decoder, FoundRecipient } from './decoder';
import { localMailerExit } from './local-mailer-exit';
import { isChallenge } from './not-a-bounce';
import { originalFromParts } from './original';
import { readTextReport } from './text-report';

const statusTypes = ['message/delivery-status', 'message/global-delivery-status'] as const;

/** The line where inline DSN fields start, or -1. */
function inlineFieldsAt(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (
      line.length > 16 &&
      (line.charCodeAt(0) | 32) === 102 &&
      line.toLowerCase().startsWith('final-recipient:')
    ) {
      // Start at the per-message group when it sits just above.
      let start = index;
      while (start > 0 && lines[start - 1]!.includes(':') && lines[start - 1]!.trim() !== '') start--;
      return start;
    }
  }
  return -1;
}

function statusLines(mail: Mail): readonly string[] | undefined {
  for (const type of statusTypes) {
    const part = partOf(mail, type);
    if (part !== undefined) return splitLines(part.text);
  }
  const at = inlineFieldsAt(mail.lines);
  return at < 0 ? undefined : mail.lines.slice(at);
}

/** `5.1.1` out of `5.1.1 (user unknown)`; undefined unless it is an RFC 3463 code. */
export function statusCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let end = 0;
  while (end < value.length && value.charCodeAt(end) > 32 && value.charCodeAt(end) !== 40) end++;
  const code = value.slice(0, end);
  const pieces = code.split('.');
  if (pieces.length !== 3) return undefined;
  const [klass, subject, detail] = pieces as [string, string, string];
  if (klass !== '2' && klass !== '4' && klass !== '5') return undefined;
  if (!/^\d{1,3}$/.test(subject) || !/^\d{1,3}$/.test(detail)) return undefined;
  return code;
}

/** Status comments that only restate the class (RFC 3463 §3.1's names for 2, 4, 5). */
const classWords: ReadonlySet<string> = new Set([
  'success',
  'permanent failure',
  'temporary failure',
  'persistent transient failure',
]);

/**
 * The comment after a Status code (`4.0.0 (cat.example.net: host name lookup failure)`, an RFC 5322
 * comment in a structured field, RFC 3464 §2.1.2): some MTAs put the reason there and write no
 * Diagnostic-Code. Undefined when there is none or it only names the class.
 */
export function statusComment(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const open = value.indexOf('(');
  const close = value.lastIndexOf(')');
  if (open < 0 || close <= open) return undefined;
  const comment = value.slice(open + 1, close).trim();
  return comment === '' || classWords.has(comment.toLowerCase()) ? undefined : comment;
}

/**
 * Original-Recipient repeats the sender's ORCPT parameter, which is xtext (RFC 3461 §4: `+` and `=`
 * travel as `+2B` and `+3D`), and MTAs copy it as it came: `user+2Btag@example.com` is `user+tag@…`.
 */
export function xtextDecoded(value: string): string {
  if (!value.includes('+')) return value;
  return value.replace(/\+([0-9A-F]{2})/g, (_match, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

interface Draft {
  address?: string;
  original?: string;
  fields: Field[];
}

const perRecipientStart: ReadonlySet<string> = new Set(['final-recipient', 'original-recipient']);

function toRecipient(draft: Draft, fields: (name: string) => string | undefined): FoundRecipient | undefined {
  // Original-Recipient is the address as the sender gave it (RFC 3464 §2.3.1), the one an outbox
  // knows; Final-Recipient may be what an alias or a gateway turned it into (`userx@sims-ms-daemon`,
  // an X.400 name, a mailbox behind a forward).
  const address = draft.original ?? draft.address;
  if (address === undefined) return undefined;
  const finalRecipient = draft.address !== undefined && draft.address !== address ? draft.address : undefined;
  const action = fields('action')?.toLowerCase().split(/\s/)[0];
  const diagnostic = fields('diagnostic-code');
  const status = statusCode(fields('status'));
  const remoteMta = fields('remote-mta');
  const date = fields('last-attempt-date');
  const command = commandField(fields('x-smtp-command') ?? fields('x-postfix-command'));
  const exit = localMailerExit(diagnostic);
  return {
    address,
    ...(finalRecipient ? { finalRecipient } : {}),
    ...(action ? { action } : {}),
    ...(status ? { status } : {}),
    ...(diagnostic ? { diagnostic: untyped(diagnostic) } : {}),
    ...(remoteMta ? { remoteMta: untyped(remoteMta) } : {}),
    ...(date ? { date } : {}),
    ...(command ? { command } : {}),
    ...(exit ? { category: exit, rule: 'bounce:local-mailer-exit' } : {}),
  };
}

function commandField(value: string | undefined): SmtpCommand | undefined {
  if (value === undefined) return undefined;
  const upper = value.toUpperCase();
  if (upper.startsWith('RCPT')) return 'RCPT';
  if (upper.startsWith('MAIL')) return 'MAIL';
  if (upper.startsWith('DATA')) return 'DATA';
  return undefined;
}

/**
 * Reads the field groups into the per-message fields and one draft per recipient. A group naming a
 * recipient is a per-recipient group (RFC 3464 §2.3), whatever order its fields come in (PMDF
 * writes `Action` first); groups that run two recipients together are split at the second
 * Final-Recipient.
 */
function readRecipients(lines: readonly string[]): {
  message: Field[];
  recipients: FoundRecipient[];
  /** Per recipient, the comment after its Status code. */
  comments: Array<string | undefined>;
} {
  const message: Field[] = [];
  const drafts: Draft[] = [];
  for (const group of readFieldGroups(lines)) {
    if (!group.some((field) => perRecipientStart.has(field.name))) {
      message.push(...group);
      continue;
    }
    let current: Draft | undefined;
    for (const field of group) {
      if (perRecipientStart.has(field.name)) {
        const name = field.name === 'final-recipient' ? 'address' : 'original';
        const value = untyped(field.value);
        const address = addressIn(name === 'original' ? xtextDecoded(value) : value);
        if (current === undefined || current[name] !== undefined) {
          current = { fields: [] };
          drafts.push(current);
        }
        if (address !== undefined) current[name] = address;
        continue;
      }
      if (current === undefined) {
        // Fields before the group's first recipient field belong to that recipient.
        current = { fields: [] };
        drafts.push(current);
      }
      current.fields.push(field);
    }
  }
  const recipients: FoundRecipient[] = [];
  const comments: Array<string | undefined> = [];
  for (const draft of drafts) {
    const field = (name: string) => draft.fields.find((candidate) => candidate.name === name)?.value;
    const recipient = toRecipient(draft, field);
    if (recipient === undefined) continue;
    recipients.push(recipient);
    comments.push(statusComment(field('status')));
  }
  return { message, recipients, comments };
}

function hasStatus(mail: Mail): boolean {
  return statusTypes.some((type) => partOf(mail, type) !== undefined) || inlineFieldsAt(mail.lines) >= 0;
}

export const rfc3464: Decoder = {
  name: 'rfc3464',
  recognize: hasStatus,
  decode(mail: Mail): Decoded | undefined {
    if (isChallenge(mail)) return undefined;
    const lines = statusLines(mail);
    if (lines === undefined) return undefined;
    const { message, recipients, comments } = readRecipients(lines);
    if (recipients.length === 0) return undefined;
    // Many MTAs write the remote reply only in the human-readable part (or better there): fill the
    // recipients that have no diagnostic from the text, read as a plain-text report.
    // Many MTAs write the remote reply, or the SMTP command it answered, only in the human-readable
    // part (Postfix: `<a@b>: host … said: 550 … (in reply to RCPT TO command)`): read the text too
    // when a recipient lacks either, and fill in what it says about that recipient.
    // Only when the text can add something: a recipient without a reason, or Postfix's wording
    // of the command (checked with one search before the text is read).
    const needsText =
      recipients.some((recipient) => recipient.diagnostic === undefined) ||
      (recipients.some((recipient) => recipient.command === undefined) &&
        mail.text.includes('(in reply to '));
    const text = needsText ? readTextReport(mail, {}) : undefined;
    const filled = recipients.map((recipient, index) => {
      const comment = comments[index];
      if (text === undefined)
        return recipient.diagnostic === undefined && comment !== undefined
          ? { ...recipient, diagnostic: comment }
          : recipient;
      const match =
        text.recipients.find(
          (candidate) =>
            candidate.address === recipient.address || candidate.address === recipient.finalRecipient,
        ) ?? (text.recipients.length === 1 && recipients.length === 1 ? text.recipients[0] : undefined);
      // Last, the Status comment: the text's own wording of the reply says more when it has one.
      const diagnostic = recipient.diagnostic ?? match?.diagnostic ?? comment;
      const command = recipient.command ?? findCommand(match?.diagnostic?.toLowerCase() ?? '');
      return {
        ...recipient,
        ...(diagnostic !== undefined ? { diagnostic } : {}),
        ...(command !== undefined ? { command } : {}),
      };
    });
    const reportingMta = message.find((field) => field.name === 'reporting-mta')?.value;
    const arrivalDate = message.find((field) => field.name === 'arrival-date')?.value;
    const original = originalFromParts(mail);
    const context = text?.context ?? headerOf(mail, 'subject');
    return {
      recipients: filled,
      ...(reportingMta ? { reportingMta: untyped(reportingMta) } : {}),
      ...(arrivalDate ? { arrivalDate } : {}),
      ...(original ? { original } : {}),
      ...(context ? { context } : {}),
    };
  },
};

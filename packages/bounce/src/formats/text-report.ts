// The engine behind every plain-text bounce format (qmail, Exim, old Sendmail, Exchange 2003,
// Domino, provider notices…). Formats differ in their words, not their shape: an introduction,
// then per recipient a line naming the address followed by the reason, then the returned message
// after a marker line. A format gives its marker phrases (lowercase, matched with `includes`, so no
// regular expressions and linear time); this engine cuts the text into recipient blocks.
import type { Field } from '../mail/fields';
import { headerOf, type Mail } from '../mail/mail';
import { addressIn, findAddress, findAddresses } from '../text/find-address';
import type { Decoded, FoundRecipient } from './decoder';
import { originalFromLines, originalFromParts } from './original';

export interface TextLayout {
  /** The report starts at the first line holding one of these (that line included); default: the first line. */
  readonly start?: readonly string[];
  /** The returned message starts at the first line holding one of these (added to `returnedMarkers`). */
  readonly end?: readonly string[];
  /** Phrases after which a line names a recipient (added to `recipientMarkers`). */
  readonly recipientAfter?: readonly string[];
}

/** Lines that introduce the returned message, in the MTAs of the corpus (lowercase). */
export const returnedMarkers: readonly string[] = [
  'below this line is a copy of the message',
  'this is a copy of the message',
  'original message follows',
  '----- original message -----',
  '--- original message follows',
  'unsent message follows',
  '------- returned message --------',
  'message headers follow',
  'the header of the original message is following',
  'included is a copy of the message header',
  'below is a copy of the original message',
  'original message headers',
  '-------original mail info',
  'this is the original message',
  'the original message headers are',
  '------ original message header',
  'original message:',
  'original message header:',
  '--- the header of the original message',
  '----- message header follows',
  '----- original message header -----',
  'returned mail follows',
  'here is a copy of the first part of the message', // Demon Internet (Exim)
  'original message as received is as follows', // LLNL's postmaster
];

/** Phrases after which the rest of a line names the recipient (lowercase). */
export const recipientMarkers: readonly string[] = [
  'delivering your mail to',
  'could not be delivered to',
  'unable to deliver message to',
  'unable to deliver mail to',
  'rejected recipient',
  'failed to deliver to',
  'delivery to the following recipient',
  'recipient address:',
  'delivery failed:',
  'userid:',
  'original-recipient:',
  'final-recipient:',
  'mailbox is full:',
  'exceeds allowed size:',
  'rcpt to:',
  'recipient:',
  'addressed to', // "The following message, addressed to 'a@b', failed", "(Originally addressed to a@b)"
  'message was addressed', // "The address to which your message was addressed, a@b, did not match"
];

/** Header names that start a returned message quoted without a marker line. */
const headerStarts: readonly string[] = ['received:', 'return-path:', 'dkim-signature:', 'x-received:'];

function includesAny(line: string, phrases: readonly string[]): boolean {
  for (const phrase of phrases) if (line.includes(phrase)) return true;
  return false;
}

function startsWithAny(line: string, phrases: readonly string[]): boolean {
  for (const phrase of phrases) if (line.startsWith(phrase)) return true;
  return false;
}

/** Skips leading blanks and the punctuation MTAs put before an address. */
function skipLead(line: string): number {
  let index = 0;
  while (index < line.length) {
    const code = line.charCodeAt(index);
    // space, tab, - * > < " ' (
    if (
      code === 32 ||
      code === 9 ||
      code === 45 ||
      code === 42 ||
      code === 62 ||
      code === 60 ||
      code === 34 ||
      code === 39 ||
      code === 40
    )
      index++;
    else break;
  }
  return index;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** After a leading `550 ` or `550 5.1.1 ` (Sendmail's `554 <a@b>... reason`), the index after them. */
function skipReplyCode(line: string, at: number): number {
  if (at + 4 > line.length) return at;
  const first = line.charCodeAt(at);
  if (
    first < 50 ||
    first > 53 ||
    !isDigitCode(line.charCodeAt(at + 1)) ||
    !isDigitCode(line.charCodeAt(at + 2))
  )
    return at;
  const next = line.charCodeAt(at + 3);
  if (next !== 32 && next !== 45) return at;
  let index = at + 4;
  // An enhanced code: d.ddd.ddd then a space.
  if (index + 1 < line.length && isDigitCode(line.charCodeAt(index)) && line.charCodeAt(index + 1) === 46) {
    let end = index;
    while (end < line.length && (isDigitCode(line.charCodeAt(end)) || line.charCodeAt(end) === 46)) end++;
    if (line.charCodeAt(end) === 32) index = end + 1;
  }
  return skipLead(line.slice(index)) + index;
}

interface RecipientLine {
  readonly address: string;
  /** What the line says about the recipient: after the address, or the whole line when a reply code or a phrase leads. */
  readonly rest: string;
  /** Sendmail's `550 5.1.1 <a@b>... User unknown`: the line is the whole reason, what follows is not. */
  readonly complete: boolean;
}

function trimRest(text: string): string {
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    // > : . , ; ' " ] ) and blanks after the address
    if (
      code === 62 ||
      code === 58 ||
      code === 46 ||
      code === 44 ||
      code === 59 ||
      code === 39 ||
      code === 34 ||
      code === 32 ||
      code === 9 ||
      code === 41 ||
      code === 93
    ) {
      index++;
    } else {
      break;
    }
  }
  return text.slice(index).trim();
}

/** Whether `line` names a recipient: an address first, or after a recipient marker. */
function recipientLine(line: string, lower: string, markers: readonly string[]): RecipientLine | undefined {
  const lead = skipLead(line);
  const afterCode = skipReplyCode(line, lead);
  const found = findAddress(line, afterCode);
  // `<kijitora@example.org>): host …` continues Postfix's `(expanded from` on the line before.
  if (
    found !== undefined &&
    found.start === afterCode &&
    line.charCodeAt(found.end + (line.charCodeAt(found.end) === 62 ? 1 : 0)) !== 41
  ) {
    const led = afterCode > lead;
    return {
      address: found.address,
      rest: led ? line.trim() : trimRest(line.slice(found.end)),
      complete: led,
    };
  }
  for (const marker of markers) {
    const at = lower.indexOf(marker);
    if (at < 0) continue;
    const after = findAddress(line, at + marker.length);
    if (after === undefined) continue;
    // The address must follow the marker closely (`to: <a@b>`, `to the following recipient: a@b`).
    if (after.start - (at + marker.length) > 4) continue;
    return { address: after.address, rest: line.trim(), complete: false };
  }
  return undefined;
}

interface Block {
  readonly address: string;
  readonly lines: string[];
}

/** How many lines of reason a recipient keeps: enough for any multi-line reply, bounded for hostile input. */
const maxReasonLines = 16;
/** How many recipients one report may list. */
const maxRecipients = 1000;

function findStart(lines: readonly string[], start: readonly string[] | undefined): number {
  if (start === undefined || start.length === 0) return 0;
  for (let index = 0; index < lines.length; index++) {
    if (includesAny(lines[index]!.toLowerCase(), start)) return index;
  }
  return -1;
}

/** X-Failed-Recipients (Exim, Gmail, Mail.ru): comma-separated addresses. */
export function failedRecipients(mail: Mail): string[] {
  const value = headerOf(mail, 'x-failed-recipients');
  if (value === undefined) return [];
  const addresses: string[] = [];
  for (const piece of value.split(',')) {
    const found = findAddress(piece);
    if (found !== undefined && !addresses.includes(found.address)) addresses.push(found.address);
  }
  return addresses;
}

/** Reads `mail.lines` as a plain-text report in `layout`; undefined when no recipient is found. */
export function readTextReport(mail: Mail, layout: TextLayout): Decoded | undefined {
  const lines = mail.lines;
  const from = findStart(lines, layout.start);
  if (from < 0) return undefined;
  const ends = layout.end === undefined ? returnedMarkers : [...layout.end, ...returnedMarkers];
  const markers =
    layout.recipientAfter === undefined ? recipientMarkers : [...layout.recipientAfter, ...recipientMarkers];
  const blocks: Block[] = [];
  const intro: string[] = [];
  const byAddress = new Map<string, Block>();
  const senders = new Set([addressIn(headerOf(mail, 'to') ?? ''), mail.from]);
  let current: Block | undefined;
  let afterSender = false;
  /** The current recipient's reason is complete (Sendmail's one-line form): later lines are not its. */
  let closed = false;
  /** Transcript lines (`>>>`, `<<<`) not yet given to a recipient. */
  let transcript: string[] = [];
  let end = lines.length;
  let original: Field[] | undefined;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    const lower = line.toLowerCase();
    if (
      index > from &&
      (includesAny(lower, ends) || (blocks.length > 0 && startsWithAny(lower, headerStarts)))
    ) {
      end = index;
      original = originalFromLines(lines, startsWithAny(lower, headerStarts) ? index : index + 1);
      break;
    }
    const trimmed = line.trim();
    if (trimmed === '') continue;
    // A Sendmail transcript's `<<< 550 …` is the remote server's reply, never a recipient line (the
    // address in it may be the sender's, answering MAIL FROM).
    const reply = trimmed.startsWith('<<<');
    // Exim's "A message sent by\n\n  <a@b>\n\ncould not be delivered": the address after "sent by" is the sender.
    const named = afterSender || reply ? undefined : recipientLine(line, lower, markers);
    afterSender = lower.trimEnd().endsWith('sent by');
    if (named !== undefined) {
      current = byAddress.get(named.address);
      if (current === undefined && blocks.length < maxRecipients) {
        current = { address: named.address, lines: [] };
        blocks.push(current);
        byAddress.set(named.address, current);
      }
      // The transcript lines since the last complete recipient line are this recipient's reason; the
      // remote server's own reply (`<<<`) says more than Sendmail's summary of it ("Remote protocol error").
      let summary = true;
      if (current !== undefined && named.complete && current.lines.length === 0 && transcript.length > 0) {
        current.lines.push(...transcript);
        summary = !transcript.some((entry) => entry.startsWith('<<<'));
      }
      transcript = [];
      if (summary && named.rest !== '' && current !== undefined && current.lines.length < maxReasonLines) {
        current.lines.push(named.rest);
      }
      closed = named.complete;
      continue;
    }
    // Sendmail (sendmail/usersmtp.c) writes `>>> MAIL From:…` / `<<< 550 …` BEFORE the one-line
    // `554 <a@b>... reason` it applies to (when MAIL FROM or DATA failed, no RCPT line names the recipient).
    if ((current === undefined || closed) && (reply || trimmed.startsWith('>>>'))) {
      if (transcript.length < maxReasonLines - 1) transcript.push(trimmed);
    }
    if (current === undefined) {
      if (intro.length < maxReasonLines) intro.push(trimmed);
    } else if (!closed && current.lines.length < maxReasonLines) {
      current.lines.push(trimmed);
    }
  }
  const context = intro.join('\n');
  // The report's own addressee is usually the original sender (`A message sent by <a@b> could not
  // be delivered`): not a recipient, unless it is the only address named (a message to oneself).
  const others = blocks.filter((block) => !senders.has(block.address));
  let recipients: FoundRecipient[] = (others.length > 0 ? others : blocks).map((block) =>
    reasonOf(block.address, block.lines),
  );
  if (recipients.length === 0) {
    const reason = reasonAfterIntro(lines.slice(from, end));
    const listed = failedRecipients(mail);
    if (listed.length === 0) {
      // No line names a recipient: the first address in the report that is not the sender's.
      for (let index = from; index < end && listed.length === 0; index++) {
        for (const found of findAddresses(lines[index]!, 8)) {
          if (!senders.has(found.address)) {
            listed.push(found.address);
            break;
          }
        }
      }
    }
    if (listed.length === 0) {
      // Nothing names the recipient but the returned message: its To, when it has exactly one.
      original ??= originalFromParts(mail);
      // …unless it is itself a report (a forwarded bounce, read from the attachment instead).
      const type = original?.find((field) => field.name === 'content-type')?.value.toLowerCase() ?? '';
      const to = type.includes('report') ? undefined : original?.find((field) => field.name === 'to')?.value;
      const found = to === undefined ? [] : findAddresses(to, 2);
      if (found.length === 1 && !senders.has(found[0]!.address)) listed.push(found[0]!.address);
    }
    recipients = listed.map((address) => reasonOf(address, reason));
  }
  if (recipients.length === 0) return undefined;
  original ??= originalFromParts(mail);
  return { recipients, ...(context ? { context } : {}), ...(original ? { original } : {}) };
}

/**
 * The reason in a report that names no recipient line: the paragraphs after the last one ending in
 * `:` (Exim's "The following address(es) failed:"), else every line; at most `maxReasonLines`.
 */
function reasonAfterIntro(section: readonly string[]): string[] {
  let start = 0;
  for (let index = 0; index < section.length; index++) {
    const line = section[index]!.trim();
    if (line.endsWith(':') && index + 1 < section.length && section[index + 1]!.trim() === '')
      start = index + 1;
  }
  const reason: string[] = [];
  for (let index = start; index < section.length && reason.length < maxReasonLines; index++) {
    const line = section[index]!.trim();
    if (line !== '') reason.push(line);
  }
  return reason;
}

function reasonOf(address: string, lines: readonly string[]): FoundRecipient {
  return lines.length === 0 ? { address } : { address, diagnostic: lines.join('\n') };
}

/** A decoder-ready reader for one layout. */
export function textDecode(layout: TextLayout): (mail: Mail) => Decoded | undefined {
  return (mail) => readTextReport(mail, layout);
}

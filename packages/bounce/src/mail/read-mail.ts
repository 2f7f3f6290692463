// Reads an email with postal-mime (a maintained, dependency-free MIME parser that runs in Node,
// browsers and Workers: the README says why) into a `Mail`. The parser's own limits bound nesting,
// part count and header size; when one is hit, or the parser fails, the raw text is read as one
// header block and a body, so a decoder still sees the words.
import PostalMime, { type Email } from 'postal-mime';
import { type Field, readHeaderBlock, splitLines } from './fields';
import { htmlText } from './html-text';
import type { Mail, MailPart } from './mail';

/** How much of any text a decoder reads: bounce notices and their reports are a few kilobytes. */
export const maxTextLength = 256 * 1024;
/** How many non-body parts are kept (a DSN has two or three). */
const maxParts = 64;

const limits = {
  forceRfc822Attachments: true,
  maxNestingDepth: 64,
  maxPartCount: 4000,
  maxRfc822NestingDepth: 4,
} as const;

const decoder = new TextDecoder('utf-8', { fatal: false });

/**
 * A string can hold a lone UTF-16 surrogate, which no email on the wire can: it becomes U+FFFD, as the
 * decoder makes of the same text given as bytes, so a text and its bytes give the same report.
 */
function wellFormed(text: string): string {
  const withWellFormed = text as string & { toWellFormed?: () => string };
  return typeof withWellFormed.toWellFormed === 'function'
    ? withWellFormed.toWellFormed()
    : decoder.decode(new TextEncoder().encode(text));
}

function cap(text: string): string {
  return wellFormed(text.length > maxTextLength ? text.slice(0, maxTextLength) : text);
}

/** Decoded bytes as text, reading no more than the cap. */
function textOf(content: ArrayBuffer | Uint8Array | string): string {
  if (typeof content === 'string') return cap(content);
  const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);
  return decoder.decode(bytes.length > maxTextLength ? bytes.subarray(0, maxTextLength) : bytes);
}

function mimeType(value: string): string {
  const semicolon = value.indexOf(';');
  return (semicolon < 0 ? value : value.slice(0, semicolon)).trim().toLowerCase();
}

function fromEmail(email: Email): Mail {
  const headers: Field[] = email.headers.map((header) => ({
    name: header.key.trim(),
    value: header.value.trim(),
  }));
  const contentType = headers.find((field) => field.name === 'content-type')?.value.toLowerCase() ?? '';
  const parts: MailPart[] = [];
  for (const attachment of email.attachments) {
    if (parts.length >= maxParts) break;
    const type = mimeType(attachment.mimeType ?? '');
    // Images, archives and the like carry no report.
    if (!(type.startsWith('message/') || type.startsWith('text/'))) continue;
    parts.push({ type, text: textOf(attachment.content) });
  }
  const from = email.from !== undefined && 'address' in email.from ? (email.from.address ?? '') : '';
  let text = cap(email.text ?? '');
  // A text part with a malformed Content-Type (`text/plain   charset=…`, no `;`) is listed as an
  // attachment: it is body text all the same, and comes before a returned message that the parser
  // took for the body.
  const malformed = parts.find((part) => part.type.startsWith('text/plain') && part.type !== 'text/plain');
  if (malformed !== undefined) text = text.trim() === '' ? malformed.text : cap(`${malformed.text}\n${text}`);
  else if (text.trim() === '') {
    const plain = parts.find((part) => part.type.startsWith('text/plain'));
    if (plain !== undefined) text = plain.text;
    // A notice sent as HTML only (Exchange 5.5, some webmail MTAs): its words.
    else if (email.html !== undefined && email.html.trim() !== '') text = cap(htmlText(cap(email.html)));
  }
  return {
    headers,
    subject: email.subject ?? '',
    from: from.toLowerCase(),
    contentType,
    text,
    lines: splitLines(text),
    parts,
    problems: [],
  };
}

/** The raw text as one header block and a body: what is left when MIME parsing fails. */
export function readRawMail(raw: string, problem: string): Mail {
  const head = cap(raw);
  const lines = splitLines(head);
  const headers = readHeaderBlock(lines);
  let bodyStart = 0;
  for (let index = 0; index < lines.length; index++) {
    if (lines[index]!.trim() === '') {
      bodyStart = index + 1;
      break;
    }
  }
  const body = lines.slice(bodyStart);
  const value = (name: string) => headers.find((field) => field.name === name)?.value ?? '';
  const fromValue = value('from');
  const open = fromValue.lastIndexOf('<');
  const close = fromValue.lastIndexOf('>');
  const from = open >= 0 && close > open ? fromValue.slice(open + 1, close) : fromValue;
  return {
    headers,
    subject: value('subject'),
    from: from.trim().toLowerCase(),
    contentType: value('content-type').toLowerCase(),
    text: body.join('\n'),
    lines: body,
    parts: [],
    problems: [problem],
  };
}

export type RawInput = string | Uint8Array | ArrayBuffer;

function rawText(raw: RawInput): string {
  return typeof raw === 'string' ? cap(raw) : textOf(raw instanceof Uint8Array ? raw : new Uint8Array(raw));
}

/** Reads `raw`; never rejects. */
export async function readMail(raw: RawInput): Promise<Mail> {
  let mail: Mail;
  try {
    mail = fromEmail(await PostalMime.parse(raw, limits));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return readRawMail(rawText(raw), `MIME parsing failed (${reason}); read as plain text`);
  }
  // A multipart whose boundary never occurs (old Sendmail, PMDF) parses to nothing: read its body as text.
  if (mail.text.trim() === '' && mail.parts.length === 0) {
    const plain = readRawMail(rawText(raw), 'no readable MIME part; body read as plain text');
    return {
      ...plain,
      headers: mail.headers,
      subject: mail.subject || plain.subject,
      from: mail.from || plain.from,
    };
  }
  return mail;
}

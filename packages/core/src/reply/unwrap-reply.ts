// Finding the SMTP reply inside the wrappers applications actually hold: a DSN Diagnostic-Code value,
// Postmark's Details, nodemailer's error message, Postfix and Exim log lines, Exchange NDR text.
// Everything is prefix comparison or indexOf — no regular expressions — so it stays linear.
import { isDigit } from './enhanced-status';
import type { SmtpCommand } from './smtp-command';
import type { ReplyWrapper } from './smtp-reply';

export interface Unwrapped {
  /** Where the reply starts in the input. */
  readonly start: number;
  /** Where it ends (exclusive): before a trailing `(in reply to … command)` or closing quote. */
  readonly end: number;
  readonly wrapper: ReplyWrapper;
  readonly command: SmtpCommand | undefined;
}

/** True when `text` at `at` starts with `lower` (ASCII letters compared case-insensitively). */
export function matchesAt(text: string, at: number, lower: string): boolean {
  if (at + lower.length > text.length) return false;
  for (let index = 0; index < lower.length; index++) {
    let code = text.charCodeAt(at + index);
    if (code >= 65 && code <= 90) code += 32;
    if (code !== lower.charCodeAt(index)) return false;
  }
  return true;
}

/** A basic reply code at `at`: three digits, the first 2–5 (RFC 5321 §4.2), then a space, `-`, tab, line break or the end. */
export function isReplyStart(text: string, at: number, end: number): boolean {
  if (at + 3 > end) return false;
  const first = text.charCodeAt(at);
  if (first < 50 || first > 53) return false;
  if (!isDigit(text.charCodeAt(at + 1)) || !isDigit(text.charCodeAt(at + 2))) return false;
  if (at + 3 === end) return true;
  const next = text.charCodeAt(at + 3);
  return next === 32 || next === 45 || next === 9 || next === 10 || next === 13;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function skipSpaces(text: string, at: number, end: number): number {
  let index = at;
  while (index < end && isSpace(text.charCodeAt(index))) index++;
  return index;
}

/**
 * nodemailer's fixed message prefixes (lib/smtp-connection, see packages/nodemailer/PROVIDER.md §1 and §4) and the
 * command each one implies. `Message failed` is the reply to the final "." (END-OF-DATA).
 */
const nodemailerPrefixes: readonly (readonly [string, SmtpCommand | undefined])[] = [
  ['Recipient command failed: ', 'RCPT'],
  ["Can't send mail - all recipients were rejected: ", 'RCPT'],
  ['Message failed: ', 'END-OF-DATA'],
  ['Data command failed: ', 'DATA'],
  ['Mail command failed: ', 'MAIL'],
  ['Invalid login: ', 'AUTH'],
  ['Server closed the connection: ', undefined],
];

/** The command named by Postfix's `(in reply to … command)` or Exim's `after …:`. */
export function commandFromPhrase(text: string, from: number, to: number): SmtpCommand | undefined {
  const phrase = text.slice(from, to).toUpperCase();
  if (phrase.includes('END OF DATA')) return 'END-OF-DATA';
  if (phrase.includes('RCPT')) return 'RCPT';
  if (phrase.includes('MAIL FROM')) return 'MAIL';
  if (phrase.includes('STARTTLS')) return 'STARTTLS';
  if (phrase.includes('AUTH')) return 'AUTH';
  if (phrase.includes('EHLO') || phrase.includes('HELO') || phrase.includes('LHLO')) return 'EHLO';
  if (phrase.includes('DATA')) return 'DATA';
  if (phrase.includes('GREETING') || phrase.includes('INITIAL CONNECTION') || phrase.includes('CONNECT'))
    return 'CONNECT';
  return undefined;
}

/**
 * Postfix writes `host mx.example[192.0.2.1] said: 550 5.1.1 ... (in reply to RCPT TO command)`
 * and `... refused to talk to me: 554 ...` for a rejected greeting (postfix/src/smtp/smtp_proto.c).
 */
function postfix(text: string, from: number, end: number): Unwrapped | undefined {
  let start = -1;
  let command: SmtpCommand | undefined;
  const said = text.indexOf(' said:', from);
  if (said >= 0 && said < end) {
    start = skipSpaces(text, said + 6, end);
  } else {
    const refused = text.indexOf(' refused to talk to me:', from);
    if (refused < 0 || refused >= end) return undefined;
    start = skipSpaces(text, refused + 23, end);
    command = 'CONNECT';
  }
  if (!isReplyStart(text, start, end)) return undefined;
  let stop = end;
  const inReply = text.lastIndexOf('(in reply to ', end);
  if (inReply > start) {
    const close = text.indexOf(')', inReply);
    command = commandFromPhrase(text, inReply + 13, close < 0 || close > end ? end : close) ?? command;
    stop = inReply;
  }
  return { start, end: stop, wrapper: 'postfix-log', command };
}

/**
 * Exim: `SMTP error from remote mail server after RCPT TO:<a@example>: 550 ...` (also `remote
 * mailer`, `after end of data:`, `after initial connection:`); the reply may follow on the next lines.
 */
function exim(text: string, from: number, end: number): Unwrapped | undefined {
  const marker = text.indexOf('SMTP error from remote mail', from);
  if (marker < 0 || marker >= end) return undefined;
  const after = text.indexOf(' after ', marker);
  if (after < 0 || after >= end) return undefined;
  let colon = text.indexOf(':', after);
  while (colon >= 0 && colon < end) {
    const start = skipSpaces(text, colon + 1, end);
    if (isReplyStart(text, start, end)) {
      return { start, end, wrapper: 'exim-log', command: commandFromPhrase(text, after + 7, colon) };
    }
    colon = text.indexOf(':', colon + 1);
  }
  return undefined;
}

/** Exchange NDRs: `Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; ...'`. */
function exchange(text: string, from: number, end: number): Unwrapped | undefined {
  let marker = text.indexOf('Remote Server returned ', from);
  if (marker < 0) marker = text.indexOf('Remote server returned ', from);
  if (marker < 0 || marker >= end) return undefined;
  let start = skipSpaces(text, marker + 23, end);
  const quote = text.charCodeAt(start);
  if (quote !== 39 && quote !== 34) return undefined;
  start = skipSpaces(text, start + 1, end);
  const close = text.lastIndexOf(String.fromCharCode(quote), end - 1);
  return { start, end: close >= start ? close : end, wrapper: 'exchange', command: undefined };
}

/** A DSN Diagnostic-Code value (RFC 3464 §2.3.6): `smtp; 550 ...`, `smtp;550 ...` (Postmark's Details). */
function diagnosticValue(
  text: string,
  at: number,
  end: number,
  wrapper: ReplyWrapper,
): Unwrapped | undefined {
  if (!matchesAt(text, at, 'smtp;')) return undefined;
  const start = skipSpaces(text, at + 5, end);
  // Postmark's Details is the only common source that omits the space (packages/postmark/PROVIDER.md §4).
  const kind = wrapper === 'dsn-diagnostic-code' && start === at + 5 ? 'postmark-details' : wrapper;
  return { start, end, wrapper: kind, command: undefined };
}

/**
 * The end of a `Diagnostic-Code:` header value: the first line break not followed by folding
 * whitespace (RFC 5322 §2.2.3), so the DSN fields after it are not read as reply text.
 */
function headerValueEnd(text: string, at: number, end: number): number {
  let index = at;
  while (index < end) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) {
      let next = index + 1;
      if (code === 13 && text.charCodeAt(next) === 10) next++;
      const after = text.charCodeAt(next);
      if (next >= end || (after !== 32 && after !== 9)) return index;
      index = next;
    } else {
      index++;
    }
  }
  return end;
}

/**
 * Finds the reply inside a wrapper. `at` is the first non-space character of the input, which does
 * not itself start with a reply code. Returns undefined when no wrapper is recognized.
 */
export function unwrapReply(text: string, at: number): Unwrapped | undefined {
  const end = text.length;
  if (matchesAt(text, at, 'diagnostic-code:')) {
    const valueStart = skipSpaces(text, at + 16, end);
    const valueEnd = headerValueEnd(text, valueStart, end);
    const semicolon = text.indexOf(';', valueStart);
    const start =
      semicolon >= 0 && semicolon < valueEnd ? skipSpaces(text, semicolon + 1, valueEnd) : valueStart;
    return { start, end: valueEnd, wrapper: 'dsn-diagnostic-code', command: undefined };
  }
  const diagnostic = diagnosticValue(text, at, end, 'dsn-diagnostic-code');
  if (diagnostic !== undefined) return diagnostic;
  for (const [prefix, command] of nodemailerPrefixes) {
    if (text.startsWith(prefix, at)) {
      return { start: skipSpaces(text, at + prefix.length, end), end, wrapper: 'nodemailer', command };
    }
  }
  return exchange(text, at, end) ?? postfix(text, at, end) ?? exim(text, at, end);
}

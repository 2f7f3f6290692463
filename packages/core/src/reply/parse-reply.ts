// The SMTP reply parser (RFC 5321 §4.2 reply syntax, RFC 3463 enhanced codes): forward-only native
// `indexOf` searches plus constant-size char-code checks, no regular expressions, so any string
// parses in linear time (src/reply/parse-reply.linear.test.ts), and real replies at ≥ 10× the rate of
// Sisimai's reply parsing (bench/).
import { enhancedStatus, isDigit, scanEnhanced } from './enhanced-status';
import type { SmtpCommand } from './smtp-command';
import type { EnhancedStatus, ReplyWrapper, SmtpReply } from './smtp-reply';
import { isReplyStart, matchesAt, unwrapReply } from './unwrap-reply';

/** How deep nested replies (`-> 550 ...` inside `<421 ...>` inside ...) are followed; keeps hostile input linear. */
const maxNesting = 3;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const DASH = 45;

/** Space and tab: trimmed from lines and collapsed in `text`. Line breaks are handled separately. */
function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** After a continuation line's code: `-`, a space, tab, line break or the end. */
function isPrefixEnd(text: string, at: number, end: number): boolean {
  return at >= end || text.charCodeAt(at) === DASH || isBoundary(text, at, end);
}

function isBoundary(text: string, at: number, end: number): boolean {
  if (at >= end) return true;
  const code = text.charCodeAt(at);
  return isBlank(code) || code === LF || code === CR;
}

/** Collapses runs of blanks to one space (the line is already trimmed). Only called when a line needs it. */
function collapse(line: string): string {
  let out = '';
  let from = 0;
  let index = 0;
  while (index < line.length) {
    if (isBlank(line.charCodeAt(index))) {
      out += line.slice(from, index);
      out += ' ';
      while (index < line.length && isBlank(line.charCodeAt(index))) index++;
      from = index;
    } else {
      index++;
    }
  }
  return out + line.slice(from);
}

/** Characters after which a URL is clearly unfinished at a line break (`https:` / `...lookup/`). */
function endsInsideUrl(piece: string): boolean {
  const last = piece.charCodeAt(piece.length - 1);
  // : / ? = & - _ % # ~ +
  if (
    last !== 58 &&
    last !== 47 &&
    last !== 63 &&
    last !== 61 &&
    last !== 38 &&
    last !== DASH &&
    last !== 95 &&
    last !== 37 &&
    last !== 35 &&
    last !== 126 &&
    last !== 43
  ) {
    return false;
  }
  const tokenStart = piece.lastIndexOf(' ') + 1;
  return matchesAt(piece, tokenStart, 'http:') || matchesAt(piece, tokenStart, 'https:');
}

/** Where a code or nested reply lies in a text: [start, end). */
interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * An enhanced code inside the text (RFC 3463 codes quoted by MTAs that put something else first):
 * `(#5.7.1)` / `#5.1.0` (qmail and others), `[5.7.1]`, `(5.7.1)`, and `: 5.7.1 ` after a colon.
 * The first one in the text wins.
 */
function findTextEnhanced(text: string, limit: number): Span | undefined {
  // Every code contains `<class>.`: visit each dot once (one native scan) and look back for a marker.
  let dot = text.indexOf('.', 2);
  while (dot >= 0 && dot < limit) {
    const at = dot - 1;
    const marker = text.charCodeAt(at - 1);
    const colon = marker === SPACE && text.charCodeAt(at - 2) === 58;
    if (marker === 35 || marker === 91 || marker === 40 || colon) {
      const stop = scanEnhanced(text, at, limit);
      if (stop >= 0) {
        const next = stop < limit ? text.charCodeAt(stop) : -1;
        const closes =
          marker === 91
            ? next === 93
            : marker === 40
              ? next === 41
              : next !== 46 && next !== DASH && !isDigit(next);
        if (closes) return { start: at, end: stop };
      }
    }
    dot = text.indexOf('.', dot + 1);
  }
  return undefined;
}

/** The matching `>` for a `<` at `open` (counting nested pairs), or the end of the text. */
function closingAngle(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 60) depth++;
    else if (code === 62 && --depth === 0) return index;
  }
  return text.length;
}

/** A reply nested in a text: where its marker (`->` or `<`) is, and the reply's own span. */
interface Nested extends Span {
  readonly marker: number;
}

/**
 * A reply nested in the text: `... -> 550 Unknown user` (Exchange relaying a remote reply) or
 * `...<421 4.4.2 Connection timed out>` (Amazon SES): the first one, or undefined.
 */
function findNested(text: string): Nested | undefined {
  const length = text.length;
  // Most texts have no `>` at all: one single-character search (much faster than a two-character
  // one) proves there is no arrow. Otherwise the first arrow is at or after the first `>`.
  const close = text.indexOf('>');
  let arrow = close < 0 ? -1 : text.indexOf('->', close - 1);
  while (arrow >= 0) {
    let at = arrow + 2;
    while (at < length && text.charCodeAt(at) === SPACE) at++;
    if (isReplyStart(text, at, length)) break;
    arrow = text.indexOf('->', arrow + 2);
  }
  let angle = text.indexOf('<');
  while (angle >= 0 && (arrow < 0 || angle < arrow)) {
    if (isReplyStart(text, angle + 1, length) && angle + 4 < length) {
      return { marker: angle, start: angle + 1, end: closingAngle(text, angle) };
    }
    angle = text.indexOf('<', angle + 1);
  }
  if (arrow < 0) return undefined;
  let at = arrow + 2;
  while (text.charCodeAt(at) === SPACE) at++;
  return { marker: arrow, start: at, end: length };
}

/**
 * The next index of `needle` at or after `from`, or `end` when there is none before `end`. The
 * native `indexOf` is an order of magnitude faster than a per-character loop in JavaScript; each
 * search below only ever moves forward, so the whole parse stays linear.
 */
function search(raw: string, needle: string, from: number, end: number): number {
  const found = raw.indexOf(needle, from);
  return found < 0 || found > end ? end : found;
}

/** The digits of each basic code as a string, made once at load: no allocation per reply. */
const codeStrings: readonly string[] = Array.from({ length: 600 }, (_, code) => String(code));

function parseRange(
  raw: string,
  start: number,
  end: number,
  wrapper: ReplyWrapper | undefined,
  command: SmtpCommand | undefined,
  depth: number,
): SmtpReply {
  let code: number | undefined;
  let codeText = '';
  let enhanced: EnhancedStatus | undefined;
  // Most replies are one line: it is kept out of an array until a second one comes.
  let firstLine: string | undefined;
  let lines: string[] | undefined;
  let pieces: string[] | undefined;
  let urlOpen = false;
  let index = start;
  // Forward-only cursors: the next line feed, carriage return, double space, tab and basic code.
  let lineFeed = -1;
  let carriageReturn = -1;
  // Searched forward from each kept line's content only, once per reply when there is none: a
  // backward pre-check over the whole reply cost as much as the search itself.
  let doubleSpace = -1;
  let tab = -1;
  let codeHit = -1;

  while (index < end) {
    let at = index;
    while (at < end && isBlank(raw.charCodeAt(at))) at++;

    if (lineFeed < at) lineFeed = search(raw, '\n', at, end);
    if (carriageReturn < at) carriageReturn = search(raw, '\r', at, end);
    let lineEnd = Math.min(lineFeed, carriageReturn);
    let next = lineEnd === carriageReturn && raw.charCodeAt(lineEnd + 1) === LF ? lineEnd + 2 : lineEnd + 1;

    // The code prefix: the first line's sets the code; a continuation line's is stripped only when
    // it repeats that code (RFC 5321 §4.2.1: every line of a multi-line reply carries the same code).
    let prefixed = false;
    const first = index === start;
    if (first) {
      if (isReplyStart(raw, at, end)) {
        code =
          (raw.charCodeAt(at) - 48) * 100 + (raw.charCodeAt(at + 1) - 48) * 10 + raw.charCodeAt(at + 2) - 48;
        codeText = codeStrings[code] as string;
        prefixed = true;
      }
    } else if (code !== undefined && raw.startsWith(codeText, at) && isPrefixEnd(raw, at + 3, end)) {
      prefixed = true;
    }
    if (prefixed) {
      at += 3;
      if (at < lineEnd && (raw.charCodeAt(at) === DASH || raw.charCodeAt(at) === SPACE)) at++;
    }

    // The enhanced code after the prefix (RFC 3463 §2 / RFC 2034 §4): taken from the first line that
    // has one; repeated on later lines it is stripped only when equal to that first one. A reply
    // that starts with an enhanced code and no basic code (Mailgun's `5.1.1 <a@b>: ...`) counts too.
    if (prefixed || (first && code === undefined)) {
      while (at < lineEnd && isBlank(raw.charCodeAt(at))) at++;
      if (enhanced === undefined) {
        const stop = scanEnhanced(raw, at, lineEnd);
        if (stop > 0 && isBoundary(raw, stop, lineEnd)) {
          enhanced = enhancedStatus(raw, at, stop, 'prefix');
          at = stop;
        }
      } else if (raw.startsWith(enhanced.code, at) && isBoundary(raw, at + enhanced.code.length, lineEnd)) {
        at += enhanced.code.length;
      }
    }
    while (at < lineEnd && isBlank(raw.charCodeAt(at))) at++;
    const contentStart = at;

    // An inline continuation ends the line early: Postfix logs and some DSNs join a multi-line reply
    // with spaces (`... Please try 550-5.1.1 double-checking ...`): ` 550-` or ` 550 5.1.1 ` repeating
    // the reply's own code is read as a line break.
    if (code !== undefined) {
      if (codeHit < contentStart) codeHit = search(raw, codeText, contentStart + 1, end);
      while (codeHit < lineEnd) {
        if (
          raw.charCodeAt(codeHit - 1) === SPACE &&
          (raw.charCodeAt(codeHit + 3) === DASH ||
            (enhanced !== undefined &&
              raw.charCodeAt(codeHit + 3) === SPACE &&
              raw.startsWith(enhanced.code, codeHit + 4) &&
              isBoundary(raw, codeHit + 4 + enhanced.code.length, end)))
        ) {
          lineEnd = codeHit - 1;
          next = codeHit;
          break;
        }
        codeHit = search(raw, codeText, codeHit + 1, end);
      }
    }

    let contentEnd = lineEnd;
    while (contentEnd > contentStart && isBlank(raw.charCodeAt(contentEnd - 1))) contentEnd--;
    if (contentEnd > contentStart) {
      if (doubleSpace < contentStart) doubleSpace = search(raw, '  ', contentStart, end);
      if (tab < contentStart) tab = search(raw, '\t', contentStart, end);
      const line = raw.slice(contentStart, contentEnd);
      if (lines !== undefined) lines.push(line);
      else if (firstLine === undefined) firstLine = line;
      else lines = [firstLine, line];
      const collapsed = doubleSpace < contentEnd || tab < contentEnd;
      const piece = collapsed ? collapse(line) : line;
      // `text` is the lines joined with spaces; only when a line needs collapsing or a URL is cut at
      // the line break (`see https:` / `//www.spamhaus.org/...`, joined without a space so it stays
      // whole) are separate pieces kept. `lines` keep the lines as sent.
      if (collapsed || urlOpen) pieces ??= lines === undefined ? [] : lines.slice(0, lines.length - 1);
      if (pieces !== undefined) {
        if (urlOpen) pieces[pieces.length - 1] += piece;
        else pieces.push(piece);
      }
      urlOpen = endsInsideUrl(piece);
    }
    index = next;
  }

  let text: string;
  if (pieces !== undefined) text = pieces.length === 1 ? (pieces[0] as string) : pieces.join(' ');
  else if (lines !== undefined) text = lines.join(' ');
  else text = firstLine ?? '';
  let inner: SmtpReply | undefined;
  let searchLimit = text.length;
  if (depth < maxNesting) {
    const nested = findNested(text);
    if (nested !== undefined) {
      const innerRaw = text.slice(nested.start, nested.end);
      inner = parseRange(innerRaw, 0, innerRaw.length, 'nested', undefined, depth + 1);
      searchLimit = nested.marker;
    }
  }

  if (enhanced === undefined) {
    const found = findTextEnhanced(text, searchLimit);
    if (found !== undefined) enhanced = enhancedStatus(text, found.start, found.end, 'text');
  }

  return {
    code,
    enhanced,
    classMismatch: code !== undefined && enhanced !== undefined && ((code / 100) | 0) !== enhanced.class,
    lines: lines ?? (firstLine === undefined ? [] : [firstLine]),
    text,
    command,
    wrapper,
    inner,
    raw,
  };
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

/**
 * Parses one SMTP reply, in any form an application holds it: the bare reply (single or multi-line,
 * CRLF/LF/CR), a DSN `Diagnostic-Code` value, Postmark's `Details`, a nodemailer error message, a
 * Postfix or Exim log line, Exchange NDR text. Never throws on a string; absent parts are undefined.
 *
 * @throws TypeError when `text` is not a string.
 */
export function parseReply(text: string): SmtpReply {
  if (typeof text !== 'string') {
    throw new TypeError(`parseReply: \`text\` must be a string, got ${describe(text)}`);
  }
  return parseText(text);
}

/**
 * A transcript (a `220` greeting or a `250` success, then the failing reply) is judged by its first
 * 4xx/5xx reply: what came before says nothing about how the transaction ended (RFC 5321 §4.2:
 * one reply per command; docs/taxonomy.md: the first failing reply of the transaction is the cause).
 */
function failingReplyStart(text: string, at: number, length: number): number {
  const digit = text.charCodeAt(at);
  if (digit !== 50 && digit !== 51) return at;
  let line = text.indexOf('\n', at);
  while (line >= 0 && line + 1 < length) {
    const start = line + 1;
    const next = text.charCodeAt(start);
    if ((next === 52 || next === 53) && isReplyStart(text, start, length)) return start;
    line = text.indexOf('\n', start);
  }
  return at;
}

function parseText(text: string): SmtpReply {
  const length = text.length;
  let at = 0;
  while (at < length && isBoundary(text, at, length)) at++;
  if (at < length && isReplyStart(text, at, length)) at = failingReplyStart(text, at, length);
  if (at < length && !isReplyStart(text, at, length)) {
    const unwrapped = unwrapReply(text, at);
    if (unwrapped !== undefined) {
      const { start, end, wrapper, command } = unwrapped;
      return parseRange(text, start, end, wrapper, command, 0);
    }
  }
  return parseRange(text, at, length, undefined, undefined, 0);
}

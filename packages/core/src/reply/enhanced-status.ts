// Reading RFC 3463 enhanced status codes by char-code scanning: no regular expressions, so every
// call is linear in the characters it looks at (at most 9 here).
import type { EnhancedSource, EnhancedStatus } from './smtp-reply';

const DOT = 46;
const ZERO = 48;
const NINE = 57;

export function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/**
 * Scans `subject` or `detail`: 1–3 digits, no leading zero unless the number is `0`
 * (RFC 3463 §2: "subject ::= "0"/"1"/... 1*3digit" without leading zeros). Returns the index after
 * the number, or -1.
 */
function scanNumber(text: string, at: number, end: number): number {
  let index = at;
  while (index < end && isDigit(text.charCodeAt(index))) {
    index++;
    if (index - at > 3) return -1;
  }
  const length = index - at;
  if (length === 0) return -1;
  if (length > 1 && text.charCodeAt(at) === ZERO) return -1;
  return index;
}

/**
 * Scans an enhanced status code `class.subject.detail` starting at `at` (class 2, 4 or 5 —
 * RFC 3463 §3.1). Returns the index just after it, or -1 when there is none. The caller decides
 * what may follow (a space, `)`, `]`…).
 */
export function scanEnhanced(text: string, at: number, end: number): number {
  if (at + 5 > end) return -1;
  const first = text.charCodeAt(at);
  if (first !== 50 && first !== 52 && first !== 53) return -1;
  if (text.charCodeAt(at + 1) !== DOT) return -1;
  const subjectEnd = scanNumber(text, at + 2, end);
  if (subjectEnd < 0 || subjectEnd >= end || text.charCodeAt(subjectEnd) !== DOT) return -1;
  return scanNumber(text, subjectEnd + 1, end);
}

function numberAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let index = from; index < to; index++) value = value * 10 + text.charCodeAt(index) - ZERO;
  return value;
}

/**
 * The code strings already made, by class, subject and detail: a reply's code is read from this
 * table instead of being cut from the text each time (one string less per reply). Only subjects
 * below 8 and details below 100 are kept (all 81 codes of the IANA registry fit), so the table
 * stays at 4,800 slots whatever the input.
 */
const knownCodes: (string | undefined)[] = new Array<string | undefined>(6 * 800).fill(undefined);

/** Builds the validated value for a code `scanEnhanced` found between `at` and `stop`. */
export function enhancedStatus(
  text: string,
  at: number,
  stop: number,
  source: EnhancedSource,
): EnhancedStatus {
  // scanEnhanced has checked the shape: the subject's digits end at a dot.
  let subjectEnd = at + 2;
  while (isDigit(text.charCodeAt(subjectEnd))) subjectEnd++;
  const kind = text.charCodeAt(at) - ZERO;
  const subject = numberAt(text, at + 2, subjectEnd);
  const detail = numberAt(text, subjectEnd + 1, stop);
  let code: string;
  if (subject < 8 && detail < 100) {
    const key = kind * 800 + subject * 100 + detail;
    const known = knownCodes[key];
    if (known === undefined) {
      code = text.slice(at, stop);
      knownCodes[key] = code;
    } else {
      code = known;
    }
  } else {
    code = text.slice(at, stop);
  }
  return { code, class: kind as 2 | 4 | 5, subject, detail, source };
}

/** Parses a whole string as an enhanced status code (`"5.7.26"`), or returns undefined. */
export function parseEnhancedStatus(
  value: string,
  source: EnhancedSource = 'prefix',
): EnhancedStatus | undefined {
  const stop = scanEnhanced(value, 0, value.length);
  return stop === value.length ? enhancedStatus(value, 0, stop, source) : undefined;
}

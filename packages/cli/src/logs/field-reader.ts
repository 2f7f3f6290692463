// Small forward-only readers for `key=value` log fields. Each call scans from a start index with
// indexOf and never backs up, so a parser built from them stays linear in the line's length.
import type { SmtpCommand } from '@mailverdict/core';

/** The value of `key` (`" dsn="`) up to the next `,` (or the end), searching from `from`; undefined when absent. */
export function fieldValue(line: string, key: string, from = 0): string | undefined {
  const at = line.indexOf(key, from);
  if (at < 0) return undefined;
  const start = at + key.length;
  const comma = line.indexOf(',', start);
  const value = (comma < 0 ? line.slice(start) : line.slice(start, comma)).trim();
  return value === '' ? undefined : value;
}

/** `<a@b>` → `a@b`; a bare address stays as it is; an empty `<>` gives undefined. */
export function unbracket(address: string): string | undefined {
  let value = address.trim();
  if (value.startsWith('<')) value = value.slice(1);
  if (value.endsWith('>')) value = value.slice(0, -1);
  value = value.trim();
  return value === '' ? undefined : value;
}

/** An enhanced status code as logged (`5.1.1`): class 2, 4 or 5, then two dotted numbers (RFC 3463 §2). */
export function isStatusCode(value: string | undefined): value is string {
  if (value === undefined || value.length < 5 || value.length > 9) return false;
  const parts = value.split('.');
  if (parts.length !== 3 || !['2', '4', '5'].includes(parts[0] ?? '')) return false;
  return parts.every((part) => part.length > 0 && part.length <= 3 && /^[0-9]+$/.test(part));
}

/**
 * The SMTP command named by an MTA's wording of it: Postfix's `RCPT TO`, `end of DATA`, Exim's
 * `RCPT TO:<…>`, `end of data`, `initial connection`. Undefined when it names none.
 */
export function commandNamed(words: string): SmtpCommand | undefined {
  const lower = words.trimStart().toLowerCase();
  if (lower.startsWith('rcpt')) return 'RCPT';
  if (lower.startsWith('mail')) return 'MAIL';
  if (lower.startsWith('end of data') || lower.startsWith('end of message')) return 'END-OF-DATA';
  if (lower.startsWith('data')) return 'DATA';
  if (lower.startsWith('ehlo') || lower.startsWith('helo') || lower.startsWith('lhlo')) return 'EHLO';
  if (lower.startsWith('starttls')) return 'STARTTLS';
  if (lower.startsWith('auth')) return 'AUTH';
  if (lower.startsWith('initial connection') || lower.startsWith('greeting')) return 'CONNECT';
  return undefined;
}

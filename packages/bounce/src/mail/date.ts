/**
 * Epoch milliseconds for an RFC 5322 date (`Thu, 01 Jan 2026 10:00:00 +0000 (UTC)`), undefined when
 * unreadable. A trailing comment is dropped by position, not by a regular expression.
 */
export function parseDate(value: string | undefined): number | undefined {
  if (value === undefined || value.length > 200) return undefined;
  const trimmed = value.trim();
  const open = trimmed.endsWith(')') ? trimmed.lastIndexOf('(') : -1;
  const time = Date.parse(open > 0 ? trimmed.slice(0, open) : trimmed);
  return Number.isFinite(time) ? time : undefined;
}

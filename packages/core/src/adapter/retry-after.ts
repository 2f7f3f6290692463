/**
 * Milliseconds to wait from a `Retry-After` value (RFC 9110 §10.2.3: delay-seconds or an HTTP-date), given as
 * a string, a number of seconds or an array of header values (the first counts). `now` is epoch ms, for the
 * HTTP-date form. `undefined` for anything else; never negative; never throws.
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  let text: unknown;
  try {
    text = Array.isArray(value) ? value[0] : value;
  } catch {
    // A hostile array (throwing getter, revoked Proxy) has no readable value.
    return undefined;
  }
  if (typeof text === 'number') {
    // Seconds past ~1.8e305 overflow to Infinity once in ms: not a usable delay.
    const delay = Math.round(text * 1000);
    return Number.isFinite(delay) && delay >= 0 ? delay : undefined;
  }
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date has a weekday and month name; a bare number-like string that Date.parse accepts is not one.
  const date = Date.parse(trimmed);
  if (Number.isNaN(date) || !/[a-z]/i.test(trimmed)) return undefined;
  return Math.max(0, date - now);
}

/**
 * A header's value from a plain headers object (`{ 'Retry-After': '30' }`), whatever the case of its keys
 * (RFC 9110 §5.1: field names are case-insensitive). `undefined` when absent or when reading throws.
 */
export function readHeader(headers: unknown, name: string): unknown {
  if (typeof headers !== 'object' || headers === null) return undefined;
  const lower = name.toLowerCase();
  try {
    for (const [key, value] of Object.entries(headers)) {
      if (key.toLowerCase() === lower) return value;
    }
  } catch {
    // A throwing getter or Proxy trap: the header cannot be read.
  }
  return undefined;
}

// Finds email addresses in report text with a character scan (no regular expressions): from each
// `@`, extend left over local-part characters and right over domain characters. Every character is
// visited a bounded number of times, so a line of any length scans in linear time.

export interface FoundAddress {
  /** Lowercased. */
  readonly address: string;
  readonly start: number;
  readonly end: number;
}

function isLocalChar(code: number): boolean {
  // RFC 5322 §3.2.3 atext, plus the dot; quoted local parts are rare in bounces and not read.
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 33 ||
    (code >= 35 && code <= 39) ||
    code === 42 ||
    code === 43 ||
    code === 45 ||
    code === 47 ||
    code === 61 ||
    code === 63 ||
    (code >= 94 && code <= 96) ||
    (code >= 123 && code <= 126) ||
    code > 127
  );
}

function isDomainChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 46 ||
    code === 45 ||
    code === 95 ||
    code > 127
  );
}

/** Characters that can close a local part on the left but are not part of it: `'` and `` ` `` quotes. */
function trimLocal(text: string, start: number, at: number): number {
  let index = start;
  while (index < at) {
    const code = text.charCodeAt(index);
    if (code === 39 || code === 96 || code === 46 || code === 47 || code === 61 || code === 42) index++;
    else break;
  }
  return index;
}

/**
 * Exchange's X.400 form of an Internet address, `c=US;a= ;p=IKON;o=Nexus2;dda:SMTP=user@example.com;`
 * (a domain-defined attribute named SMTP): the address starts after `SMTP=`.
 */
function skipX400Prefix(text: string, start: number, at: number): number {
  if (at - start <= 5 || text.charCodeAt(start - 1) !== 58) return start;
  return text.slice(start, start + 5).toLowerCase() === 'smtp=' ? start + 5 : start;
}

/**
 * The first address at or after `from` in `text`, or undefined. Addresses need a local part, a
 * dotted domain (`user@localhost` is not a recipient we can act on) and are lowercased.
 */
export function findAddress(text: string, from = 0): FoundAddress | undefined {
  let floor = from;
  let at = text.indexOf('@', from);
  while (at >= 0) {
    let start = at;
    while (start > floor && isLocalChar(text.charCodeAt(start - 1))) start--;
    start = trimLocal(text, start, at);
    start = skipX400Prefix(text, start, at);
    let end = at + 1;
    let dots = 0;
    while (end < text.length && isDomainChar(text.charCodeAt(end))) {
      if (text.charCodeAt(end) === 46) dots++;
      end++;
    }
    while (end > at + 1 && text.charCodeAt(end - 1) === 46) {
      end--;
      dots--;
    }
    if (start < at && dots > 0 && end > at + 3) {
      return { address: text.slice(start, end).toLowerCase(), start, end };
    }
    floor = end;
    at = text.indexOf('@', Math.max(end, at + 1));
  }
  return undefined;
}

/** Every address in `text`, in order, at most `limit`. */
export function findAddresses(text: string, limit = 100): FoundAddress[] {
  const found: FoundAddress[] = [];
  let from = 0;
  while (found.length < limit) {
    const next = findAddress(text, from);
    if (next === undefined) break;
    found.push(next);
    from = next.end;
  }
  return found;
}

/** The address inside a DSN or header value: `rfc822; <a@b>` / `"Name" <a@b>` / `a@b`. */
export function addressIn(value: string): string | undefined {
  return findAddress(value)?.address;
}

import type { AddressLike, MailLike, RecipientsLike } from './nodemailer-types';

/**
 * The envelope recipients of a mail, as nodemailer would send to them: `envelope.to` when given,
 * else `to`, `cc` and `bcc` in that order. Duplicates (compared without case) are dropped; the
 * addresses themselves are kept as written.
 */
export function mailRecipients(mail: MailLike): string[] {
  const sources = mail.envelope?.to !== undefined ? [mail.envelope.to] : [mail.to, mail.cc, mail.bcc];
  const seen = new Set<string>();
  const result: string[] = [];
  for (const source of sources) {
    for (const address of recipientAddresses(source)) {
      const key = address.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(address);
    }
  }
  return result;
}

/** The bare addresses in one recipient field. Unknown shapes give nothing rather than a throw. */
export function recipientAddresses(value: RecipientsLike | undefined | unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item: unknown) => recipientAddresses(item));
  return addressOf(value as AddressLike);
}

function addressOf(value: AddressLike | undefined): string[] {
  if (typeof value === 'string') return splitAddressList(value);
  if (typeof value === 'object' && value !== null && typeof value.address === 'string') {
    const address = value.address.trim();
    return address === '' ? [] : [address];
  }
  return [];
}

/**
 * Splits `"Ann <a@example.org>, b@example.org"` (RFC 5322 §3.4 address lists, groups included) into
 * bare addresses. A single pass over the characters: commas and semicolons inside quotes or angle
 * brackets do not split.
 */
export function splitAddressList(list: string): string[] {
  const result: string[] = [];
  let start = 0;
  let quoted = false;
  let angle = false;
  let escaped = false;
  for (let index = 0; index <= list.length; index++) {
    const char = list[index];
    if (escaped) {
      escaped = false;
    } else if (char === '\\' && quoted) {
      escaped = true;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === '<') {
      angle = true;
    } else if (!quoted && char === '>') {
      angle = false;
    }
    if (char === undefined || (!escaped && !quoted && !angle && (char === ',' || char === ';'))) {
      const address = bareAddress(list.slice(start, index));
      if (address !== '') result.push(address);
      start = index + 1;
    }
  }
  return result;
}

/** `Ann <a@example.org>` → `a@example.org`; `Group: a@example.org` → `a@example.org`. */
function bareAddress(part: string): string {
  const open = part.lastIndexOf('<');
  if (open !== -1) {
    const close = part.indexOf('>', open);
    return part.slice(open + 1, close === -1 ? undefined : close).trim();
  }
  // A group name ends with a colon outside quotes: `Friends: a@example.org`.
  const colon = part.lastIndexOf(':');
  const quote = part.lastIndexOf('"');
  const rest = colon > quote ? part.slice(colon + 1) : part;
  return rest.trim();
}

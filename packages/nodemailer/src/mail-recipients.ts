import { splitAddressList } from '@mailverdict/core/adapter';
import type { AddressLike, MailLike, RecipientsLike } from './types';

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

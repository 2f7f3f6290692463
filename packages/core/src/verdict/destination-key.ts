import { MailverdictError } from './errors';
import { isMailboxProvider, recognizeProvider } from './mailbox-provider';

/**
 * The destination a recipient domain, address or MX host belongs to: its mailbox provider id when we
 * know it (`gmail.com`, `alt1.gmail-smtp-in.l.google.com` → `google`), else the lowercase domain, which
 * stands alone. A provider id given as is stays itself. Never throws on a string.
 */
export function destinationOf(domainOrHost: string): string {
  const at = domainOrHost.lastIndexOf('@');
  let domain = (at >= 0 ? domainOrHost.slice(at + 1) : domainOrHost).trim().toLowerCase();
  if (domain.endsWith('.')) domain = domain.slice(0, -1);
  return recognizeProvider(domain) ?? domain;
}

/**
 * A configuration key naming a destination: a known provider id, or a domain (with a dot). Anything
 * else is an unknown provider and a `MailverdictError` with `code`, naming `field`.
 */
export function destinationKey(key: string, field: string, code: string): string {
  const lower: string = key.trim().toLowerCase();
  const known: boolean = isMailboxProvider(lower);
  if (known) return lower;
  if (lower.includes('.') && !lower.startsWith('.') && !lower.endsWith('.') && !lower.includes(' '))
    return lower;
  throw new MailverdictError(
    code,
    `${field}: ${JSON.stringify(key)} is neither a known mailbox provider id nor a domain`,
  );
}

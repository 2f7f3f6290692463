// AOL's own notice (MAILER-DAEMON@aol.com, "Mail Delivery Problem"): "Your mail to the following
// recipients could not be delivered because <reason>:", then the recipients indented, each one an
// AOL screen name without a domain (the mailbox is `<screen name>@aol.com`) or a full address.
import type { Mail } from '../mail/mail';
import { findAddress } from '../text/find-address';
import type { Decoded, FoundRecipient } from './decoder';
import { textFormat } from './signature';

const intro = 'your mail to the following recipients could not be delivered';
/** The domain of a bare screen name. */
const domain = 'aol.com';
const maxRecipients = 1000;

/** A screen name: letters, digits, `.`, `_`, `-`, no blank inside (AOL's rules are narrower still). */
function isScreenName(word: string): boolean {
  if (word.length === 0 || word.length > 64) return false;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index) | 32;
    const ok = (code >= 97 && code <= 122) || (word.charCodeAt(index) >= 48 && word.charCodeAt(index) <= 57);
    if (!ok && word[index] !== '.' && word[index] !== '_' && word[index] !== '-') return false;
  }
  return true;
}

function decode(mail: Mail): Decoded | undefined {
  const lines = mail.lines;
  const start = lines.findIndex((line) => line.toLowerCase().includes(intro));
  if (start < 0) return undefined;
  // The reason runs from the intro to the line ending in `:`.
  const reason: string[] = [];
  let index = start;
  for (; index < lines.length && reason.length < 8; index++) {
    const line = lines[index]!.trim();
    reason.push(line);
    if (line.endsWith(':')) break;
  }
  const recipients: FoundRecipient[] = [];
  const diagnostic = reason.join(' ');
  // "…because they are not accepting mail from <sender>" / "…mail with attachments or embedded images":
  // the recipients' own mail controls refused it.
  const refused = diagnostic.toLowerCase().includes('not accepting mail');
  const verdict = refused
    ? ({ category: 'blocked-by-recipient', rule: 'bounce:aol-not-accepting' } as const)
    : {};
  for (index++; index < lines.length && recipients.length < maxRecipients; index++) {
    const line = lines[index]!;
    const word = line.trim();
    if (word === '') {
      if (recipients.length > 0) break;
      continue;
    }
    // The list is indented; the next paragraph is not.
    if (line.charCodeAt(0) !== 9 && line.charCodeAt(0) !== 32) break;
    const found = findAddress(word);
    const address = found?.address ?? (isScreenName(word) ? `${word.toLowerCase()}@${domain}` : undefined);
    if (address !== undefined) recipients.push({ address, diagnostic, ...verdict });
  }
  return recipients.length === 0 ? undefined : { recipients, context: diagnostic };
}

export const aol = textFormat('aol', { from: ['@aol.com'], body: [intro] }, {}, decode);

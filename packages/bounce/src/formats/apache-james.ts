// Apache James (and the carriers that run it, such as Verizon's vtext.com gateway): "Error: <what>",
// "Error message below:" with the remote reply, then "Message details:" listing `RCPT TO: a@b`.
// The recipient comes AFTER the reason, so the shared engine cannot pair them.
import type { Mail } from '../mail/mail';
import { findAddress } from '../text/find-address';
import type { Decoded, FoundRecipient } from './decoder';
import { textFormat } from './signature';

function decode(mail: Mail): Decoded | undefined {
  const reason: string[] = [];
  const recipients: FoundRecipient[] = [];
  let details = false;
  for (const raw of mail.lines) {
    const line = raw.trim();
    const lower = line.toLowerCase();
    if (lower.startsWith('message details:')) details = true;
    else if (!details && line !== '' && !lower.startsWith('error message below:') && reason.length < 16)
      reason.push(line);
    else if (details && lower.startsWith('rcpt to:')) {
      const found = findAddress(line, 8);
      if (found !== undefined) recipients.push({ address: found.address });
    }
  }
  if (recipients.length === 0) return undefined;
  const diagnostic = reason.join('\n');
  return { recipients: recipients.map((recipient) => ({ ...recipient, diagnostic })) };
}

export const apacheJames = textFormat('apache-james', { body: ['error message below:'] }, {}, decode);

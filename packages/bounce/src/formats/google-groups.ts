// Google Groups refusing a post (from mailer-daemon@googlemail.com, localized prose, a link to
// groups.google.com): the group does not exist, or the sender may not post to it — the notice does
// not say which. The group is in X-Failed-Recipients.
import type { Mail } from '../mail/mail';
import type { Decoded } from './decoder';
import { textFormat } from './signature';
import { failedRecipients } from './text-report';

function decode(mail: Mail): Decoded | undefined {
  const recipients = failedRecipients(mail);
  if (recipients.length === 0) return undefined;
  return {
    recipients: recipients.map((address) => ({
      address,
      category: 'policy',
      rule: 'bounce:google-groups',
      diagnostic:
        'Google Groups refused the post: the group does not exist or the sender may not post to it.',
    })),
  };
}

export const googleGroups = textFormat(
  'google-groups',
  { from: ['@googlemail.com', '@google.com'], body: ['groups.google.com', 'google groups'] },
  {},
  decode,
);

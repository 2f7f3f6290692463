// Ipswitch IMail Server (X-Mailer: <SMTP32 v…>): one line per recipient with the reason before the
// address ("User mailbox exceeds allowed size: a@b", "Invalid final delivery userid: a@b"), then
// "Original message follows."
import { textFormat } from './signature';

export const imail = textFormat(
  'imail',
  { headers: [['x-mailer', '<smtp32']] },
  { end: ['original message follows'], recipientAfter: ['delivery failed', 'userid:', 'size:', 'attempts:'] },
);

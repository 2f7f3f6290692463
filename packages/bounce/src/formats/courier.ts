// Courier MTA (courier/module.dsn): "This is a delivery status notification from <host>, running
// the Courier mail server", per recipient `<a@b>:` with the remote transcript (`>>> RCPT TO:`,
// `<<< 550 …`). It usually carries a delivery-status part too (rfc3464.ts reads that first).
import { textFormat } from './signature';

export const courier = textFormat(
  'courier',
  { body: ['running the courier mail server', 'courier mail server at'] },
  { start: ['the following address', 'delivery to the following recipient'] },
);

// Postfix's bounce text (bounce(8), the template in bounce_template.c: "This is the mail system at
// host …" or, before 2.3, "This is the Postfix program at host …"), per recipient
// `<a@b>: host mx[ip] said: 550 … (in reply to RCPT TO command)`. Postfix normally adds a
// delivery-status part (read by rfc3464.ts); this reads the ones that lost it.
import { textFormat } from './signature';

export const postfix = textFormat(
  'postfix',
  { body: ['this is the mail system at host', 'this is the postfix program at host'] },
  { end: ['--- delivery report unavailable ---'] },
);

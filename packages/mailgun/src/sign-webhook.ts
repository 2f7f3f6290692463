// Signs like Mailgun does, for tests and fakes: hex(HMAC-SHA256(signing key, timestamp + token))
// (https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks). Node only.
import { createHmac } from 'node:crypto';

/** The hex HMAC Mailgun puts in `signature.signature`. */
export function signMailgunToken(signingKey: string, timestamp: string, token: string): string {
  return createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest('hex');
}

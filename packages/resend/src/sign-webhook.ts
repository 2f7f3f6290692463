// Signs like Resend (Svix) does, for tests and fakes: `v1,` + base64(HMAC-SHA256(secret, `${id}.${timestamp}.${body}`))
// (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md). Node only.
import { createHmac } from 'node:crypto';

/** The Svix signature of `body` (`v1,<base64>`), as Resend would send it. */
export function signResendPayload(
  secret: string,
  id: string,
  timestamp: number | string,
  body: string | Uint8Array,
): string {
  const encoded = secret.startsWith('whsec_') ? secret.slice(6) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new TypeError('signResendPayload: `secret` must be `whsec_` followed by base64');
  }
  const digest = createHmac('sha256', Buffer.from(encoded, 'base64'))
    .update(`${id}.${timestamp}.`)
    .update(body)
    .digest('base64');
  return `v1,${digest}`;
}

// Signs like Resend (Svix) does, for tests and fakes: `v1,` + base64(HMAC-SHA256(secret, `${id}.${timestamp}.${body}`))
// (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md). WebCrypto, so the
// package bundles for edge runtimes.
import { decodeBase64 } from '@mailverdict/core/adapter';

declare function btoa(data: string): string;

/** The Svix signature of `body` (`v1,<base64>`), as Resend would send it. */
export async function signResendPayload(
  secret: string,
  id: string,
  timestamp: number | string,
  body: string | Uint8Array,
): Promise<string> {
  const encoded = secret.startsWith('whsec_') ? secret.slice(6) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
    throw new TypeError('signResendPayload: `secret` must be `whsec_` followed by base64');
  }
  const key = await crypto.subtle.importKey(
    'raw',
    decodeBase64(encoded),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const signed = new Uint8Array(prefix.length + bytes.length);
  signed.set(prefix);
  signed.set(bytes, prefix.length);
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, signed));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `v1,${btoa(binary)}`;
}

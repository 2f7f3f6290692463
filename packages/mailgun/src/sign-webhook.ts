// Signs like Mailgun does, for tests and fakes: hex(HMAC-SHA256(signing key, timestamp + token))
// (https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks). WebCrypto, so the
// package bundles for edge runtimes.

/** The hex HMAC Mailgun puts in `signature.signature`. */
export async function signMailgunToken(
  signingKey: string,
  timestamp: string,
  token: string,
): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(signingKey),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const digest = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(timestamp + token)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

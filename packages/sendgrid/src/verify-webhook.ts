// Verifies SendGrid's Signed Event Webhook: ECDSA P-256 / SHA-256 over `timestamp + raw body`, the signature
// base64 DER in `X-Twilio-Email-Event-Webhook-Signature`, the timestamp in `…-Timestamp` (PROVIDER.md; SendGrid
// "Getting started with the Event Webhook Security Features"; the same check as @sendgrid/eventwebhook). WebCrypto
// only, so it runs in Node, Deno, Bun and Workers alike; the SendGrid library enforces no replay window, this does.
import { MailverdictError } from '@mailverdict/core';
import {
  checkFreshness,
  createMemoryReplayStore,
  decodeBase64,
  type FreshnessFailure,
  readBodyBytes,
  readRequestHeader,
  readVerifierOptions,
} from '@mailverdict/core/adapter';
import type {
  SendGridRejection,
  SendGridVerification,
  SendGridVerifier,
  SendGridVerifyOptions,
  SendGridWebhookRequest,
} from './types';

export const signatureHeader = 'x-twilio-email-event-webhook-signature';
export const timestampHeader = 'x-twilio-email-event-webhook-timestamp';

const defaultToleranceMs = 10 * 60 * 1000;
// A P-256 public key in SubjectPublicKeyInfo DER is this 26-byte prefix (SEQUENCE, id-ecPublicKey,
// prime256v1, BIT STRING) followed by the 65-byte uncompressed point (RFC 5480 §2): checking it is how the
// key type is validated synchronously, at start-up, before WebCrypto imports it.
const p256Prefix = '3059301306072a8648ce3d020106082a8648ce3d030107034200';

const freshnessReasons: Readonly<Record<FreshnessFailure, SendGridRejection>> = {
  'timestamp-too-old': 'expired',
  'timestamp-too-new': 'timestamp-in-future',
  replayed: 'replayed',
  'replay-check-failed': 'replay-check-failed',
};

function reject(reason: SendGridRejection, message: string): SendGridVerification {
  return { ok: false, reason, message };
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unreadable error';
  }
}

function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}

/** A Node `KeyObject` (duck-typed, so this file needs no `node:crypto`): its SPKI DER when it is EC P-256. */
function keyObjectSpki(key: object): Uint8Array {
  const {
    asymmetricKeyType,
    asymmetricKeyDetails,
    export: exportKey,
  } = key as {
    asymmetricKeyType?: unknown;
    asymmetricKeyDetails?: { namedCurve?: unknown };
    export?: unknown;
  };
  const curve = asymmetricKeyDetails?.namedCurve;
  if (asymmetricKeyType !== 'ec' || curve !== 'prime256v1' || typeof exportKey !== 'function') {
    throw new Error(
      `expected an EC P-256 key, got ${String(asymmetricKeyType)} ${String(curve ?? '')}`.trim(),
    );
  }
  return new Uint8Array(exportKey.call(key, { type: 'spki', format: 'der' }) as Uint8Array);
}

/** The verification key as SPKI DER: base64 (as SendGrid shows it), PEM, or a `KeyObject`; only EC P-256. */
function readKey(publicKey: unknown): Uint8Array {
  try {
    let spki: Uint8Array;
    if (typeof publicKey === 'object' && publicKey !== null) spki = keyObjectSpki(publicKey);
    else {
      if (typeof publicKey !== 'string' || publicKey.trim() === '') throw new Error('not a non-empty string');
      const text = publicKey.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s/g, '');
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) throw new Error('not base64 or PEM');
      spki = decodeBase64(text);
    }
    if (spki.length !== 91 || !hex(spki.subarray(0, 26)).startsWith(p256Prefix)) {
      throw new Error('expected an EC P-256 key (SendGrid signs with ECDSA P-256)');
    }
    return spki;
  } catch (error) {
    throw new MailverdictError(
      'invalid-public-key',
      `SendGrid verification key: ${describe(error)} (pass the base64 key from Mail Settings → Signed Event Webhook)`,
      { cause: error },
    );
  }
}

/**
 * A DER ECDSA signature `SEQUENCE { INTEGER r, INTEGER s }` as WebCrypto's raw `r ‖ s` (32 bytes each for
 * P-256); `undefined` when it is not one.
 */
function rawSignature(der: Uint8Array): Uint8Array | undefined {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) return undefined;
  const raw = new Uint8Array(64);
  let offset = 2;
  for (const half of [0, 32]) {
    if (der[offset] !== 0x02) return undefined;
    const length = der[offset + 1] as number;
    let value = der.subarray(offset + 2, offset + 2 + length);
    if (value.length !== length || length === 0) return undefined;
    while (value.length > 32 && value[0] === 0) value = value.subarray(1);
    if (value.length > 32) return undefined;
    raw.set(value, half + 32 - value.length);
    offset += 2 + length;
  }
  return offset === der.length ? raw : undefined;
}

/**
 * Makes a verifier for SendGrid's Signed Event Webhook. `publicKey` is the base64 key SendGrid shows (or PEM,
 * or a Node `KeyObject`); a key that is not EC P-256 throws `MailverdictError` (`invalid-public-key`) here,
 * once. The verifier never throws on any request: every refusal is `{ ok: false, reason, message }`.
 */
export function createSendGridVerifier(
  publicKey: string | object,
  options: SendGridVerifyOptions = {},
): SendGridVerifier {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createSendGridVerifier: `options` must be an object');
  }
  const { toleranceMs, now, replayStore } = readVerifierOptions(
    options,
    'createSendGridVerifier',
    defaultToleranceMs,
  );
  const spki = readKey(publicKey);
  const store = replayStore ?? createMemoryReplayStore();
  let key: ReturnType<typeof crypto.subtle.importKey> | undefined;

  return async function verifySendGridRequest(
    request: SendGridWebhookRequest,
  ): Promise<SendGridVerification> {
    try {
      return await check(request);
    } catch (error) {
      // Only a hostile object (a throwing getter or Proxy) or a broken WebCrypto gets here.
      return reject('malformed-request', `could not read the request: ${describe(error)}`);
    }
  };

  async function check(request: SendGridWebhookRequest): Promise<SendGridVerification> {
    if (typeof request !== 'object' || request === null) {
      return reject('malformed-request', 'pass the request as { body, headers }');
    }
    // Read directly: a hostile request (a throwing getter, a Proxy) is refused as malformed by the caller's catch.
    const rawBody: unknown = request.body;
    const headers: unknown = request.headers;
    const signature = readRequestHeader(headers, signatureHeader);
    const timestamp = readRequestHeader(headers, timestampHeader);
    if (signature === undefined) {
      return reject('missing-header', 'the X-Twilio-Email-Event-Webhook-Signature header is missing');
    }
    if (timestamp === undefined) {
      return reject('missing-header', 'the X-Twilio-Email-Event-Webhook-Timestamp header is missing');
    }
    if (!/^\d{1,12}$/.test(timestamp))
      return reject('malformed-timestamp', 'the timestamp is not unix seconds');
    const signedAt = Number(timestamp) * 1000;
    const age = now() - signedAt;
    if (age > toleranceMs) {
      return reject(
        'expired',
        `the timestamp is ${Math.round(age / 1000)} s old, over the ${toleranceMs} ms tolerance`,
      );
    }
    if (-age > toleranceMs) {
      return reject('timestamp-in-future', `the timestamp is ${Math.round(-age / 1000)} s in the future`);
    }
    const body = readBodyBytes(rawBody);
    if (body === undefined) {
      return reject(
        'body-not-raw',
        'pass the raw request body (string, bytes or ArrayBuffer), not parsed JSON',
      );
    }
    // The exact bytes received: decoding and re-encoding could change them.
    const stamp = new TextEncoder().encode(timestamp);
    const signed = new Uint8Array(stamp.length + body.length);
    signed.set(stamp);
    signed.set(body, stamp.length);
    const raw = /^[A-Za-z0-9+/]{1,200}={0,2}$/.test(signature)
      ? rawSignature(decodeBase64(signature))
      : undefined;
    key ??= crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
    const valid =
      raw !== undefined &&
      (await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, await key, raw, signed));
    if (!valid) return reject('bad-signature', 'the signature does not match the body: forged or altered');
    // Keyed on what was signed, never on the signature (ECDSA signatures are malleable: (r, n − s)).
    const digest = hex(new Uint8Array(await crypto.subtle.digest('SHA-256', signed)));
    const fresh = await checkFreshness({
      signedAt,
      now: now(),
      toleranceMs,
      replayKey: `sendgrid:${digest}`,
      replayLabel: 'timestamp and body',
      store,
    });
    return fresh.ok ? { ok: true } : reject(freshnessReasons[fresh.reason], fresh.message);
  }
}

/** One-shot form of `createSendGridVerifier(publicKey, options)(request)` (no replay memory across calls). */
export function verifySendGridWebhook(
  request: SendGridWebhookRequest,
  publicKey: string | object,
  options: SendGridVerifyOptions = {},
): Promise<SendGridVerification> {
  return createSendGridVerifier(publicKey, options)(request);
}

// Verifies SendGrid's Signed Event Webhook: ECDSA P-256 / SHA-256 over `timestamp + raw body`, the signature
// base64 DER in `X-Twilio-Email-Event-Webhook-Signature`, the timestamp in `…-Timestamp` (packages/sendgrid/PROVIDER.md §4;
// SendGrid "Getting started with the Event Webhook Security Features"; same check as @sendgrid/eventwebhook).
// Node's own crypto; the library enforces no replay window, so this one does.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { MailverdictError } from '@mailverdict/core';

export const signatureHeader = 'x-twilio-email-event-webhook-signature';
export const timestampHeader = 'x-twilio-email-event-webhook-timestamp';

export type SendGridRejection =
  /** the request is not `{ body, headers }` */
  | 'malformed-request'
  /** the signature or timestamp header is missing or empty */
  | 'missing-header'
  /** the timestamp is not unix seconds */
  | 'malformed-timestamp'
  /** the timestamp is older than the tolerance: a replay or a very late delivery */
  | 'expired'
  /** the timestamp is further in the future than the tolerance */
  | 'timestamp-in-future'
  /** the body was not given as the raw string or bytes (a parsed object cannot be verified) */
  | 'body-not-raw'
  /** the signature does not match: forged, altered, or signed with another key */
  | 'bad-signature';

export type SendGridVerification =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: SendGridRejection; readonly message: string };

export interface SendGridVerifyOptions {
  /** How far the timestamp may be from now, in ms, either way. Default 10 minutes. */
  readonly toleranceMs?: number;
  /** The clock, epoch ms. Default `Date.now`. */
  readonly now?: () => number;
}

/** Headers as Node (`IncomingHttpHeaders`), fetch (`Headers`) or a plain object give them. */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface SendGridWebhookRequest {
  /** The raw request body, exactly as received (do not re-serialize parsed JSON). */
  readonly body: string | Uint8Array;
  readonly headers: HeadersLike;
}

export type SendGridVerifier = (request: SendGridWebhookRequest) => SendGridVerification;

const defaultToleranceMs = 10 * 60 * 1000;

function reject(reason: SendGridRejection, message: string): SendGridVerification {
  return { ok: false, reason, message };
}

/** Reads the verification key: base64 SubjectPublicKeyInfo (as SendGrid shows it), PEM, or a KeyObject. */
function readKey(publicKey: unknown): KeyObject {
  try {
    if (typeof publicKey === 'object' && publicKey !== null && 'asymmetricKeyType' in publicKey) {
      return publicKey as KeyObject;
    }
    if (typeof publicKey !== 'string' || publicKey.trim() === '') throw new Error('not a non-empty string');
    const text = publicKey.trim();
    const key = text.startsWith('-----BEGIN')
      ? createPublicKey(text)
      : createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (key.asymmetricKeyType !== 'ec' || curve !== 'prime256v1') {
      throw new Error(
        `expected an EC P-256 key, got ${key.asymmetricKeyType ?? 'unknown'} ${curve ?? ''}`.trim(),
      );
    }
    return key;
  } catch (error) {
    throw new MailverdictError(
      'invalid-public-key',
      `SendGrid verification key: ${error instanceof Error ? error.message : String(error)} ` +
        '(pass the base64 key from Mail Settings → Signed Event Webhook)',
      { cause: error },
    );
  }
}

/** The raw body as bytes: a string is UTF-8 encoded, bytes are used as they are; anything else is `undefined`. */
function bodyBytes(value: unknown): Buffer | undefined {
  if (typeof value === 'string') return Buffer.from(value, 'utf8');
  try {
    if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  } catch {
    // `instanceof` on a hostile Proxy throws: not a body.
  }
  return undefined;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  try {
    if (typeof (headers as { get?: unknown }).get === 'function') {
      const value = (headers as { get(name: string): unknown }).get(name);
      return typeof value === 'string' ? value : undefined;
    }
    const record = headers as Record<string, unknown>;
    const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
    const value = key === undefined ? undefined : record[key];
    if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

function checkOptions(options: SendGridVerifyOptions, caller: string): void {
  if (typeof options !== 'object' || options === null)
    throw new TypeError(`${caller}: \`options\` must be an object`);
  const { toleranceMs, now } = options;
  if (toleranceMs !== undefined && !(typeof toleranceMs === 'number' && toleranceMs >= 0)) {
    throw new TypeError(`${caller}: \`options.toleranceMs\` must be a number of milliseconds ≥ 0`);
  }
  if (now !== undefined && typeof now !== 'function')
    throw new TypeError(`${caller}: \`options.now\` must be a function`);
}

/**
 * Makes a verifier for SendGrid's Signed Event Webhook. `publicKey` is the base64 key SendGrid shows (or PEM,
 * or a `KeyObject`); an unusable key throws `MailverdictError` (`invalid-public-key`) here, once. The verifier
 * never throws on any request: every refusal is `{ ok: false, reason, message }`.
 */
export function createSendGridVerifier(
  publicKey: string | KeyObject,
  options: SendGridVerifyOptions = {},
): SendGridVerifier {
  checkOptions(options, 'createSendGridVerifier');
  const key = readKey(publicKey);
  const toleranceMs = options.toleranceMs ?? defaultToleranceMs;
  const now = options.now ?? Date.now;

  return function verifySendGridRequest(request: SendGridWebhookRequest): SendGridVerification {
    try {
      return check(request);
    } catch (error) {
      // Only a hostile object (a throwing getter or Proxy) gets here.
      return reject(
        'malformed-request',
        `could not read the request: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  function check(request: SendGridWebhookRequest): SendGridVerification {
    if (typeof request !== 'object' || request === null) {
      return reject('malformed-request', 'pass the request as { body, headers }');
    }
    const headers: unknown = request.headers;
    const body = bodyBytes(request.body);
    const signature = headerOf(headers, signatureHeader)?.trim();
    const timestamp = headerOf(headers, timestampHeader)?.trim();
    if (signature === undefined || signature === '') {
      return reject('missing-header', 'the X-Twilio-Email-Event-Webhook-Signature header is missing');
    }
    if (timestamp === undefined || timestamp === '') {
      return reject('missing-header', 'the X-Twilio-Email-Event-Webhook-Timestamp header is missing');
    }
    if (!/^\d{1,12}$/.test(timestamp))
      return reject('malformed-timestamp', 'the timestamp is not unix seconds');
    const age = now() - Number(timestamp) * 1000;
    if (age > toleranceMs) {
      return reject(
        'expired',
        `the timestamp is ${Math.round(age / 1000)} s old, over the ${toleranceMs} ms tolerance`,
      );
    }
    if (-age > toleranceMs) {
      return reject('timestamp-in-future', `the timestamp is ${Math.round(-age / 1000)} s in the future`);
    }
    if (body === undefined) {
      return reject('body-not-raw', 'pass the raw request body (string or bytes), not parsed JSON');
    }
    // The exact bytes received: decoding and re-encoding could change them.
    const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    let valid = false;
    try {
      valid = verify('sha256', signed, { key, dsaEncoding: 'der' }, Buffer.from(signature, 'base64'));
    } catch {
      valid = false;
    }
    return valid
      ? { ok: true }
      : reject('bad-signature', 'the signature does not match the body: forged or altered');
  }
}

/** One-shot form of `createSendGridVerifier(publicKey, options)(request)`. */
export function verifySendGridWebhook(
  request: SendGridWebhookRequest,
  publicKey: string | KeyObject,
  options: SendGridVerifyOptions = {},
): SendGridVerification {
  return createSendGridVerifier(publicKey, options)(request);
}

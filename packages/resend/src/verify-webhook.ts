// Resend signs webhooks with Svix (the Standard Webhooks scheme): https://resend.com/docs/webhooks/verify-webhooks-requests,
// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md. Headers `svix-id`,
// `svix-timestamp`, `svix-signature` (or `webhook-*`); signature = base64(HMAC-SHA256(base64-decoded secret after
// `whsec_`, `${id}.${timestamp}.${raw body}`)); the header lists space-separated `v1,<base64>` entries (several during
// a secret rotation). Checked against `standardwebhooks@1.1.1` `Webhook.verify`, which the resend SDK calls.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { checkFreshness, createMemoryReplayStore, type ReplayStore } from '@mailverdict/core/adapter';

export type ResendSignatureFailure =
  /** `svix-id`/`svix-timestamp`/`svix-signature` (or `webhook-*`) missing or empty */
  | 'missing-headers'
  /** a header is present but unreadable (timestamp not whole seconds, no `v1,` entry, id too long) */
  | 'malformed-headers'
  /** no listed signature matches any secret: forged, altered, or signed with another secret */
  | 'signature-mismatch'
  | 'timestamp-too-old'
  | 'timestamp-too-new'
  /** this `svix-id` was already accepted inside the tolerance window */
  | 'replayed'
  /** the replay store threw or rejected; refused (fail closed) */
  | 'replay-check-failed'
  /** the body is not the raw bytes (an already-parsed object), or the signed body is not JSON */
  | 'malformed-body';

export type ResendSignatureResult =
  | { readonly ok: true; readonly id: string; readonly timestamp: number; readonly payload: unknown }
  | { readonly ok: false; readonly reason: ResendSignatureFailure; readonly message: string };

/** Fetch `Headers`, Node's `IncomingHttpHeaders`, or any plain object (names in any case). */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface ResendWebhookRequest {
  readonly headers: HeadersLike;
  /** The raw body exactly as received: the signature covers these bytes, so never a re-serialized object. */
  readonly body: string | Uint8Array;
}

export interface ResendVerifyOptions {
  /** The endpoint's signing secret, `whsec_…` (several are tried in turn during a rotation). */
  readonly secret: string | readonly string[];
  /** How far the timestamp may be from now, in ms. Default 300 000 (5 minutes, as Standard Webhooks). */
  readonly toleranceMs?: number;
  /** Clock, epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /**
   * Where accepted `svix-id`s are remembered to refuse replays. Default: one bounded in-memory store shared by
   * every call in this process. Pass your own for several processes, or `false` to skip the replay check.
   */
  readonly replayStore?: ReplayStore | false;
}

const defaultStore = createMemoryReplayStore();
const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
const digits = /^\d{1,15}$/;
const maxIdLength = 256;
const maxSignatureHeader = 10_000;

function fail(reason: ResendSignatureFailure, message: string): ResendSignatureResult {
  return { ok: false, reason, message };
}

/** The key bytes of a `whsec_<base64>` secret (Standard Webhooks: the part after the prefix, base64-decoded). */
function secretKey(secret: unknown): Buffer {
  if (typeof secret !== 'string')
    throw new TypeError('verifyResendWebhook: `options.secret` must be a string');
  const encoded = secret.startsWith('whsec_') ? secret.slice(6) : secret;
  if (!base64.test(encoded)) {
    throw new TypeError('verifyResendWebhook: `options.secret` must be `whsec_` followed by base64');
  }
  return Buffer.from(encoded, 'base64');
}

function header(headers: unknown, name: string): string | undefined {
  if (typeof headers !== 'object' || headers === null) return undefined;
  let value: unknown;
  const getter = (headers as { get?: unknown }).get;
  if (typeof getter === 'function') {
    try {
      value = getter.call(headers, name);
    } catch {
      value = undefined;
    }
  } else {
    for (const [key, entry] of Object.entries(headers)) {
      if (key.toLowerCase() === name) {
        value = entry;
        break;
      }
    }
  }
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

/** The Svix signature of `body` (`v1,<base64>`), as Resend would send it. Exported for tests and fakes. */
export function signResendPayload(
  secret: string,
  id: string,
  timestamp: number | string,
  body: string | Uint8Array,
): string {
  const key = secretKey(secret);
  const digest = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${digest}`;
}

function checkOptions(options: ResendVerifyOptions): {
  keys: Buffer[];
  toleranceMs: number;
  now: () => number;
} {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('verifyResendWebhook: `options` must be an object with a `secret`');
  }
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw new TypeError(
      'verifyResendWebhook: `options.secret` must be a `whsec_` string or a non-empty array of them',
    );
  }
  const keys = secrets.map(secretKey);
  const toleranceMs = options.toleranceMs ?? 300_000;
  if (typeof toleranceMs !== 'number' || !Number.isFinite(toleranceMs) || toleranceMs < 0) {
    throw new TypeError('verifyResendWebhook: `options.toleranceMs` must be a finite number of ms ≥ 0');
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError('verifyResendWebhook: `options.now` must be a function');
  const store = options.replayStore;
  if (
    store !== undefined &&
    store !== false &&
    typeof (store as { remember?: unknown }).remember !== 'function'
  ) {
    throw new TypeError(
      'verifyResendWebhook: `options.replayStore` must have a `remember` method, or be false',
    );
  }
  return { keys, toleranceMs, now };
}

/**
 * Checks a Resend (Svix-signed) webhook: signature over the raw body (constant-time compare against every listed
 * `v1` entry), timestamp tolerance and `svix-id` replay; on success returns the parsed JSON payload. Never throws
 * on untrusted input; throws `TypeError` only for invalid `options`.
 */
export async function verifyResendWebhook(
  request: ResendWebhookRequest,
  options: ResendVerifyOptions,
): Promise<ResendSignatureResult> {
  const { keys, toleranceMs, now } = checkOptions(options);
  const headers = typeof request === 'object' && request !== null ? request.headers : undefined;
  const id = header(headers, 'svix-id') ?? header(headers, 'webhook-id');
  const timestamp = header(headers, 'svix-timestamp') ?? header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'svix-signature') ?? header(headers, 'webhook-signature');
  if (id === undefined || timestamp === undefined || signatures === undefined) {
    return fail('missing-headers', 'The svix-id, svix-timestamp and svix-signature headers are required.');
  }
  const body = request.body;
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    return fail(
      'malformed-body',
      'Pass the raw request body (string or bytes): the signature covers the exact bytes.',
    );
  }
  if (id.length > maxIdLength) return fail('malformed-headers', 'The svix-id header is too long.');
  if (!digits.test(timestamp))
    return fail('malformed-headers', 'The svix-timestamp header is not whole seconds.');
  if (signatures.length > maxSignatureHeader)
    return fail('malformed-headers', 'The svix-signature header is too long.');
  const given = signatures
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => entry.slice(3))
    .filter((value) => base64.test(value))
    .map((value) => Buffer.from(value, 'base64'));
  if (given.length === 0)
    return fail('malformed-headers', 'The svix-signature header has no `v1,<base64>` entry.');

  const matches = keys.some((key) => {
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
    return given.some(
      (signature) => signature.length === expected.length && timingSafeEqual(signature, expected),
    );
  });
  if (!matches) return fail('signature-mismatch', 'No signature matches the secret: forged or altered.');

  const signedAt = Number(timestamp) * 1000;
  const freshness = await checkFreshness({
    signedAt,
    now: now(),
    toleranceMs,
    replayKey: `svix:${id}`,
    replayLabel: 'svix-id',
    store: options.replayStore ?? defaultStore,
  });
  if (!freshness.ok) return fail(freshness.reason, freshness.message);

  let payload: unknown;
  try {
    payload = JSON.parse(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  } catch {
    return fail('malformed-body', 'The signed body is not JSON.');
  }
  return { ok: true, id, timestamp: signedAt, payload };
}

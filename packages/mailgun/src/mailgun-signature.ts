// Mailgun webhook signatures: https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks
// hex(HMAC-SHA256(key = HTTP webhook signing key, message = timestamp + token)), sent inside the JSON body as
// `signature: { timestamp, token, signature }` (legacy form posts carry the three fields at the top level).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { checkFreshness, createMemoryReplayStore, type ReplayStore } from '@mailverdict/core/adapter';

/** Why a webhook was refused. */
export type MailgunSignatureFailure =
  /** not an object / not JSON, or the `signature` block is missing or has the wrong types */
  | 'malformed'
  /** no signing key produces this signature: forged, altered, or signed with another key */
  | 'signature-mismatch'
  /** the timestamp is older than the tolerance */
  | 'timestamp-too-old'
  /** the timestamp is further in the future than the tolerance */
  | 'timestamp-too-new'
  /** this token was already accepted inside the tolerance window */
  | 'replayed'
  /** the replay store threw or rejected; the request is refused (fail closed) */
  | 'replay-check-failed';

export type MailgunSignatureResult =
  | { readonly ok: true; readonly token: string; readonly timestamp: number }
  | { readonly ok: false; readonly reason: MailgunSignatureFailure; readonly message: string };

export interface MailgunVerifyOptions {
  /** The HTTP webhook signing key (Mailgun dashboard → Webhooks). Several keys are tried in turn during a rotation. */
  readonly signingKey: string | readonly string[];
  /** How far the timestamp may be from now, in ms. Default 300 000 (5 minutes). */
  readonly toleranceMs?: number;
  /** Clock, epoch ms; default `Date.now`. */
  readonly now?: () => number;
  /**
   * Where accepted tokens are remembered to refuse replays. Default: one bounded in-memory store shared by
   * every call in this process. Pass your own for several processes, or `false` to skip the replay check.
   */
  readonly replayStore?: ReplayStore | false;
}

const defaultStore = createMemoryReplayStore();
const hexSignature = /^[0-9a-fA-F]{64}$/;
const digits = /^\d{1,15}$/;
// Mailgun tokens are 50 characters; anything far longer is not a Mailgun token and would only bloat the store.
const maxTokenLength = 512;

function fail(reason: MailgunSignatureFailure, message: string): MailgunSignatureResult {
  return { ok: false, reason, message };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function parseBody(payload: unknown): Record<string, unknown> | undefined {
  if (typeof payload === 'string' || payload instanceof Uint8Array) {
    try {
      return asRecord(
        JSON.parse(typeof payload === 'string' ? payload : Buffer.from(payload).toString('utf8')),
      );
    } catch {
      return undefined;
    }
  }
  return asRecord(payload);
}

function checkOptions(options: MailgunVerifyOptions): {
  keys: string[];
  toleranceMs: number;
  now: () => number;
} {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('verifyMailgunWebhook: `options` must be an object with a `signingKey`');
  }
  const keys = typeof options.signingKey === 'string' ? [options.signingKey] : options.signingKey;
  if (
    !Array.isArray(keys) ||
    keys.length === 0 ||
    keys.some((key) => typeof key !== 'string' || key === '')
  ) {
    throw new TypeError(
      'verifyMailgunWebhook: `options.signingKey` must be a non-empty string or array of them',
    );
  }
  const toleranceMs = options.toleranceMs ?? 300_000;
  if (typeof toleranceMs !== 'number' || !Number.isFinite(toleranceMs) || toleranceMs < 0) {
    throw new TypeError('verifyMailgunWebhook: `options.toleranceMs` must be a finite number of ms ≥ 0');
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function')
    throw new TypeError('verifyMailgunWebhook: `options.now` must be a function');
  const store = options.replayStore;
  if (store !== undefined && store !== false && typeof asRecord(store)?.remember !== 'function') {
    throw new TypeError(
      'verifyMailgunWebhook: `options.replayStore` must have a `remember` method, or be false',
    );
  }
  return { keys, toleranceMs, now };
}

/** The hex HMAC Mailgun puts in `signature.signature` (exported for tests and fakes). */
export function signMailgunToken(signingKey: string, timestamp: string, token: string): string {
  return createHmac('sha256', signingKey)
    .update(timestamp + token)
    .digest('hex');
}

/**
 * Checks a Mailgun webhook: the HMAC signature (constant-time compare), the timestamp tolerance and token
 * replay. `payload` is the parsed JSON body, or the raw body as a string or bytes. Never throws on
 * untrusted input; throws `TypeError` only for invalid `options`.
 */
export async function verifyMailgunWebhook(
  payload: unknown,
  options: MailgunVerifyOptions,
): Promise<MailgunSignatureResult> {
  const { keys, toleranceMs, now } = checkOptions(options);
  const body = parseBody(payload);
  if (body === undefined) return fail('malformed', 'The webhook body is not a JSON object.');
  // Current JSON webhooks nest the fields under `signature`; legacy form posts have them at the top level.
  const block = asRecord(body.signature) ?? body;
  const { token, signature } = block;
  const timestamp = typeof block.timestamp === 'number' ? String(block.timestamp) : block.timestamp;
  if (typeof timestamp !== 'string' || typeof token !== 'string' || typeof signature !== 'string') {
    return fail(
      'malformed',
      'The webhook has no `signature` block with string timestamp, token and signature.',
    );
  }
  if (!digits.test(timestamp)) return fail('malformed', 'The signature timestamp is not whole seconds.');
  if (token === '' || token.length > maxTokenLength)
    return fail('malformed', 'The signature token is empty or too long.');
  if (!hexSignature.test(signature))
    return fail('malformed', 'The signature is not 64 hexadecimal characters.');

  const given = Buffer.from(signature, 'hex');
  const matches = keys.some((key) =>
    timingSafeEqual(given, Buffer.from(signMailgunToken(key, timestamp, token), 'hex')),
  );
  if (!matches)
    return fail('signature-mismatch', 'The signature does not match the signing key: forged or altered.');

  const signedAt = Number(timestamp) * 1000;
  const freshness = await checkFreshness({
    signedAt,
    now: now(),
    toleranceMs,
    replayKey: `mailgun:${token}`,
    replayLabel: 'token',
    store: options.replayStore ?? defaultStore,
  });
  if (!freshness.ok) return fail(freshness.reason, freshness.message);
  return { ok: true, token, timestamp: signedAt };
}

// Resend signs webhooks with Svix (the Standard Webhooks scheme): https://resend.com/docs/webhooks/verify-webhooks-requests,
// https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md. Headers `svix-id`,
// `svix-timestamp`, `svix-signature` (or `webhook-*`); signature = base64(HMAC-SHA256(base64-decoded secret after
// `whsec_`, `${id}.${timestamp}.${raw body}`)); the header lists space-separated `v1,<base64>` entries (several during
// a secret rotation). Checked against `standardwebhooks@1.1.1` `Webhook.verify`, which the resend SDK calls. WebCrypto
// only, so it runs in Node, Deno, Bun and Workers alike.
import {
  checkFreshness,
  createMemoryReplayStore,
  decodeBase64,
  type ReplayStore,
  readBodyBytes,
  readRequestHeader,
  readVerifierOptions,
} from '@mailverdict/core/adapter';
import type {
  ResendSignatureFailure,
  ResendSignatureResult,
  ResendVerifier,
  ResendVerifyOptions,
  ResendWebhookRequest,
} from './types';

const base64 = /^[A-Za-z0-9+/]+={0,2}$/;
const digits = /^\d{1,15}$/;
const maxIdLength = 256;
const maxSignatureHeader = 10_000;

function fail(reason: ResendSignatureFailure, message: string): ResendSignatureResult {
  return { ok: false, reason, message };
}

/** The key bytes of a `whsec_<base64>` secret (Standard Webhooks: the part after the prefix, base64-decoded). */
function secretKey(secret: unknown, caller: string): Uint8Array {
  if (typeof secret !== 'string') throw new TypeError(`${caller}: \`options.secret\` must be a string`);
  const encoded = secret.startsWith('whsec_') ? secret.slice(6) : secret;
  if (!base64.test(encoded)) {
    throw new TypeError(`${caller}: \`options.secret\` must be \`whsec_\` followed by base64`);
  }
  return decodeBase64(encoded);
}

function checkOptions(
  options: ResendVerifyOptions,
  caller: string,
): { keys: Uint8Array[]; toleranceMs: number; now: () => number } {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${caller}: \`options\` must be an object with a \`secret\``);
  }
  const secrets = typeof options.secret === 'string' ? [options.secret] : options.secret;
  if (!Array.isArray(secrets) || secrets.length === 0) {
    throw new TypeError(
      `${caller}: \`options.secret\` must be a \`whsec_\` string or a non-empty array of them`,
    );
  }
  const keys = secrets.map((secret) => secretKey(secret, caller));
  const { toleranceMs, now } = readVerifierOptions(options, caller, 300_000);
  return { keys, toleranceMs, now };
}

function header(headers: unknown, svix: string, standard: string): string | undefined {
  return readRequestHeader(headers, svix) ?? readRequestHeader(headers, standard);
}

/**
 * Makes a Resend (Svix-signed) webhook verifier: the signature over the raw body (WebCrypto HMAC verify, constant
 * time, against every listed `v1` entry), the timestamp tolerance and replay of `svix-id` + timestamp (a Svix
 * retry re-signs the same id with a new timestamp and is accepted). Invalid `options` throw `TypeError` here, at
 * start-up. The verifier never throws; on success it returns the parsed JSON payload.
 */
export function createResendVerifier(
  options: ResendVerifyOptions,
  caller = 'createResendVerifier',
  store: ReplayStore | false = options?.replayStore ?? createMemoryReplayStore(),
): ResendVerifier {
  const { keys, toleranceMs, now } = checkOptions(options, caller);
  let imported: Promise<Awaited<ReturnType<typeof crypto.subtle.importKey>>[]> | undefined;

  async function check(request: ResendWebhookRequest): Promise<ResendSignatureResult> {
    if (typeof request !== 'object' || request === null) {
      return fail('malformed-request', 'Pass the request as { headers, body }.');
    }
    // Read directly: a hostile request (a throwing getter, a Proxy) is refused by the caller's catch.
    const headers: unknown = request.headers;
    const rawBody: unknown = request.body;
    const id = header(headers, 'svix-id', 'webhook-id');
    const timestamp = header(headers, 'svix-timestamp', 'webhook-timestamp');
    const signatures = header(headers, 'svix-signature', 'webhook-signature');
    if (id === undefined || timestamp === undefined || signatures === undefined) {
      return fail('missing-headers', 'The svix-id, svix-timestamp and svix-signature headers are required.');
    }
    const body = readBodyBytes(rawBody);
    if (body === undefined) {
      return fail(
        'malformed-body',
        'Pass the raw request body (string, bytes or ArrayBuffer): the signature covers the exact bytes.',
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
      .map(decodeBase64);
    if (given.length === 0)
      return fail('malformed-headers', 'The svix-signature header has no `v1,<base64>` entry.');

    const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
    const signed = new Uint8Array(prefix.length + body.length);
    signed.set(prefix);
    signed.set(body, prefix.length);
    imported ??= Promise.all(
      keys.map((key) =>
        crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']),
      ),
    );
    let matches = false;
    for (const key of await imported) {
      for (const signature of given) matches ||= await crypto.subtle.verify('HMAC', key, signature, signed);
    }
    if (!matches) return fail('signature-mismatch', 'No signature matches the secret: forged or altered.');

    const signedAt = Number(timestamp) * 1000;
    const freshness = await checkFreshness({
      signedAt,
      now: now(),
      toleranceMs,
      replayKey: `svix:${id}`,
      replayLabel: 'svix-id',
      store,
    });
    if (!freshness.ok) return fail(freshness.reason, freshness.message);

    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder().decode(body));
    } catch {
      return fail('malformed-body', 'The signed body is not JSON.');
    }
    return { ok: true, id, timestamp: signedAt, payload };
  }

  return async function verifyResendRequest(request: ResendWebhookRequest): Promise<ResendSignatureResult> {
    try {
      return await check(request);
    } catch (error) {
      return fail(
        'malformed-request',
        `The request could not be read: ${error instanceof Error ? error.message : 'it threw'}.`,
      );
    }
  };
}

// `verifyResendWebhook` without a `replayStore` shares this one store across calls, so replays are refused
// across requests even with the one-shot form (a verifier from `createResendVerifier` has its own).
const sharedStore = createMemoryReplayStore();

/**
 * One-shot form of `createResendVerifier(options)(request)`. Never throws on untrusted input; a bad `options`
 * rejects with a `TypeError`. Prefer `createResendVerifier`, which checks `options` once, at start-up.
 */
export async function verifyResendWebhook(
  request: ResendWebhookRequest,
  options: ResendVerifyOptions,
): Promise<ResendSignatureResult> {
  return createResendVerifier(options, 'verifyResendWebhook', options?.replayStore ?? sharedStore)(request);
}

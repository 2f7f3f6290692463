// Mailgun webhook signatures: https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks
// hex(HMAC-SHA256(key = HTTP webhook signing key, message = timestamp + token)), sent inside the JSON body as
// `signature: { timestamp, token, signature }` (legacy form posts carry the three fields at the top level).
// Only the timestamp and the token are signed, never the event: see the README. WebCrypto only, so it runs in
// Node, Deno, Bun and Workers alike.
import {
  asRecord,
  checkFreshness,
  createMemoryReplayStore,
  type ReplayStore,
  readVerifierOptions,
  readWebhookBody,
} from '@mailverdict/core/adapter';
import type {
  MailgunSignatureFailure,
  MailgunSignatureResult,
  MailgunVerifier,
  MailgunVerifyOptions,
} from './types';

const hexSignature = /^[0-9a-fA-F]{64}$/;
const digits = /^\d{1,15}$/;
// Mailgun tokens are 50 characters; anything far longer is not a Mailgun token and would only bloat the store.
const maxTokenLength = 512;

function fail(reason: MailgunSignatureFailure, message: string): MailgunSignatureResult {
  return { ok: false, reason, message };
}

function fromHex(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length / 2);
  for (let index = 0; index < bytes.length; index++)
    bytes[index] = Number.parseInt(text.slice(index * 2, index * 2 + 2), 16);
  return bytes;
}

function checkOptions(
  options: MailgunVerifyOptions,
  caller: string,
): { keys: string[]; toleranceMs: number; now: () => number } {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${caller}: \`options\` must be an object with a \`signingKey\``);
  }
  const keys = typeof options.signingKey === 'string' ? [options.signingKey] : options.signingKey;
  if (
    !Array.isArray(keys) ||
    keys.length === 0 ||
    keys.some((key) => typeof key !== 'string' || key === '')
  ) {
    throw new TypeError(`${caller}: \`options.signingKey\` must be a non-empty string or array of them`);
  }
  const { toleranceMs, now } = readVerifierOptions(options, caller, 300_000);
  return { keys: [...keys], toleranceMs, now };
}

/** The `signature` block's three fields, read once (a getter that throws is caught by the caller). */
function readBlock(body: Readonly<Record<string, unknown>>) {
  // Current JSON webhooks nest the fields under `signature`; legacy form posts have them at the top level.
  const block = asRecord(body.signature) ?? body;
  const timestamp = typeof block.timestamp === 'number' ? String(block.timestamp) : block.timestamp;
  return { timestamp, token: block.token, signature: block.signature };
}

/**
 * Makes a Mailgun webhook verifier: the HMAC signature (constant-time, by WebCrypto), the timestamp tolerance
 * and token replay. Invalid `options` throw `TypeError` here, at start-up. The verifier takes the parsed JSON
 * body, or the raw body as a string, bytes or `ArrayBuffer`, and never throws.
 */
export function createMailgunVerifier(
  options: MailgunVerifyOptions,
  caller = 'createMailgunVerifier',
  store: ReplayStore | false = options?.replayStore ?? createMemoryReplayStore(),
): MailgunVerifier {
  const { keys, toleranceMs, now } = checkOptions(options, caller);
  const encoder = new TextEncoder();
  let imported: Promise<Awaited<ReturnType<typeof crypto.subtle.importKey>>[]> | undefined;

  async function check(payload: unknown): Promise<MailgunSignatureResult> {
    const read = readWebhookBody(payload);
    const body = read.ok ? asRecord(read.value) : undefined;
    if (body === undefined) return fail('malformed', 'The webhook body is not a JSON object.');
    const { timestamp, token, signature } = readBlock(body);
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

    imported ??= Promise.all(
      keys.map((key) =>
        crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
          'verify',
        ]),
      ),
    );
    const given = fromHex(signature);
    const signed = encoder.encode(timestamp + token);
    let matches = false;
    // WebCrypto's HMAC verify compares in constant time.
    for (const key of await imported) matches ||= await crypto.subtle.verify('HMAC', key, given, signed);
    if (!matches)
      return fail('signature-mismatch', 'The signature does not match the signing key: forged or altered.');

    const signedAt = Number(timestamp) * 1000;
    const freshness = await checkFreshness({
      signedAt,
      now: now(),
      toleranceMs,
      replayKey: `mailgun:${token}`,
      replayLabel: 'token',
      store,
    });
    if (!freshness.ok) return fail(freshness.reason, freshness.message);
    return { ok: true, token, timestamp: signedAt };
  }

  return async function verifyMailgunRequest(payload: unknown): Promise<MailgunSignatureResult> {
    try {
      return await check(payload);
    } catch (error) {
      // A hostile body (a getter that throws, a Proxy): refused, never thrown.
      return fail(
        'malformed',
        `The webhook body could not be read: ${error instanceof Error ? error.message : 'it threw'}.`,
      );
    }
  };
}

// `verifyMailgunWebhook` without a `replayStore` shares this one store across calls, so replays are refused
// across requests even with the one-shot form (a verifier from `createMailgunVerifier` has its own).
const sharedStore = createMemoryReplayStore();

/**
 * One-shot form of `createMailgunVerifier(options)(payload)`. Never throws on untrusted input; a bad `options`
 * rejects with a `TypeError`. Prefer `createMailgunVerifier`, which checks `options` once, at start-up.
 */
export async function verifyMailgunWebhook(
  payload: unknown,
  options: MailgunVerifyOptions,
): Promise<MailgunSignatureResult> {
  return createMailgunVerifier(options, 'verifyMailgunWebhook', options?.replayStore ?? sharedStore)(payload);
}

// Verifies the signature of an SNS HTTP(S) message, following
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html and
// https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html (packages/ses/PROVIDER.md §5).
// Node's own crypto only; the certificate is fetched by an injectable function and cached.
import { createPublicKey, type KeyObject, verify, X509Certificate } from 'node:crypto';
import { readBodyText } from '@mailverdict/core/adapter';
import { snsUrlProblem } from './sns-url';

/** Why a message was refused. */
export type SnsRejection =
  /** not JSON, not an object, or a required field is missing or not a string */
  | 'malformed'
  /** `Type` is not Notification, SubscriptionConfirmation or UnsubscribeConfirmation */
  | 'unsupported-type'
  /** `SignatureVersion` is not "1" (SHA1withRSA) or "2" (SHA256withRSA) */
  | 'unsupported-signature-version'
  /** `TopicArn` is not in the `topicArns` allow-list */
  | 'topic-not-allowed'
  /** `Timestamp` is older than the tolerance (a replay or a very late retry) */
  | 'expired'
  /** `Timestamp` is further in the future than the tolerance */
  | 'timestamp-in-future'
  /** `SigningCertURL` (or `SubscribeURL`) does not point to an SNS host over https */
  | 'bad-certificate-url'
  /** fetching the certificate failed */
  | 'certificate-unavailable'
  /** the fetched text is not a usable certificate, or it is outside its validity period */
  | 'bad-certificate'
  /** the signature does not match the message: forged or altered */
  | 'bad-signature';

export type SnsVerification =
  | { readonly ok: true; readonly message: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly reason: SnsRejection; readonly message: string };

export interface SnsVerifyOptions {
  /**
   * Fetches the PEM certificate at `url` (already checked to be `https://sns.<region>.amazonaws.com/….pem`).
   * Default: `fetch` with a 10 s timeout. Inject your own for tests, proxies or a shared cache.
   */
  readonly fetchCertificate?: (url: string) => Promise<string>;
  /** How far `Timestamp` may be from now, in ms, either way. Default 1 hour. SNS keeps `Timestamp` on
   * retries, so raise it if your subscription's delivery policy retries for longer. */
  readonly toleranceMs?: number;
  /** Only these `TopicArn`s are accepted (recommended). Default: any topic. */
  readonly topicArns?: readonly string[];
  /** The clock, epoch ms. Default `Date.now`. */
  readonly now?: () => number;
  /** How many certificates to keep in the cache. Default 20. */
  readonly cacheSize?: number;
}

export type SnsVerifier = (body: unknown) => Promise<SnsVerification>;

const defaultToleranceMs = 60 * 60 * 1000;
const defaultCacheSize = 20;
const certificateTimeoutMs = 10_000;

// The keys whose values are signed, in byte-sort order (AWS SNS developer guide, "Verifying the signatures of
// Amazon SNS messages", awsdocs/amazon-sns-developer-guide doc_source/sns-verify-signature-of-message.md):
// Notification signs Subject only when present; SubscriptionConfirmation *and* UnsubscribeConfirmation both
// sign the Token/SubscribeURL list (this settles the UnsubscribeConfirmation question of packages/ses/PROVIDER.md §5).
const notificationKeys = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const confirmationKeys = [
  'Message',
  'MessageId',
  'SubscribeURL',
  'Timestamp',
  'Token',
  'TopicArn',
  'Type',
] as const;
const messageTypes = new Set(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']);
// SignatureVersion 1 = SHA1withRSA, 2 = SHA256withRSA (SNS topic attribute `SignatureVersion`).
const algorithms: Readonly<Record<string, string>> = { '1': 'sha1', '2': 'sha256' };

class CertificateProblem extends Error {
  readonly reason: SnsRejection;
  constructor(reason: SnsRejection, cause: unknown) {
    super(describe(cause), { cause });
    this.reason = reason;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function reject(reason: SnsRejection, message: string): SnsVerification {
  return { ok: false, reason, message };
}

async function defaultFetchCertificate(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(certificateTimeoutMs) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

function readObject(body: unknown): Record<string, unknown> | undefined {
  let value = body;
  const text = readBodyText(body);
  if (text !== undefined) {
    try {
      value = JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

/** The string SNS signed: `Key\nvalue\n` for each signed key present, in order. */
export function snsStringToSign(message: Readonly<Record<string, unknown>>): string | undefined {
  const keys = message.Type === 'Notification' ? notificationKeys : confirmationKeys;
  let text = '';
  for (const key of keys) {
    const value = message[key];
    if (value === undefined || value === null) {
      // Only Subject is optional in a notification; everything else must be there.
      if (key === 'Subject') continue;
      return undefined;
    }
    if (typeof value !== 'string') return undefined;
    text += `${key}\n${value}\n`;
  }
  return text;
}

function checkOptions(options: SnsVerifyOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createSnsVerifier: `options` must be an object');
  }
  const { fetchCertificate, toleranceMs, topicArns, now, cacheSize } = options;
  if (fetchCertificate !== undefined && typeof fetchCertificate !== 'function') {
    throw new TypeError('createSnsVerifier: `options.fetchCertificate` must be a function');
  }
  if (toleranceMs !== undefined && !(typeof toleranceMs === 'number' && toleranceMs >= 0)) {
    throw new TypeError('createSnsVerifier: `options.toleranceMs` must be a number of milliseconds ≥ 0');
  }
  if (
    topicArns !== undefined &&
    !(Array.isArray(topicArns) && topicArns.every((arn) => typeof arn === 'string'))
  ) {
    throw new TypeError('createSnsVerifier: `options.topicArns` must be an array of strings');
  }
  if (now !== undefined && typeof now !== 'function') {
    throw new TypeError('createSnsVerifier: `options.now` must be a function');
  }
  if (cacheSize !== undefined && !(Number.isInteger(cacheSize) && cacheSize >= 1)) {
    throw new TypeError('createSnsVerifier: `options.cacheSize` must be an integer ≥ 1');
  }
}

/**
 * Makes a verifier for SNS messages (the JSON body SNS POSTs to an HTTP(S) subscription, as a string,
 * bytes or already parsed). It checks, cheapest first: the shape, `Type`, `SignatureVersion`, the
 * `TopicArn` allow-list, the `Timestamp` tolerance, the certificate URL (https, `sns.<region>.amazonaws.com`,
 * `.pem`), then fetches the certificate (cached per URL) and verifies the RSA signature.
 *
 * Never throws on any body: every refusal is `{ ok: false, reason, message }`. Throws `TypeError` for bad
 * options. Raw message delivery (`x-amz-sns-rawdelivery: true`) carries no signature and cannot be verified.
 */
export function createSnsVerifier(options: SnsVerifyOptions = {}): SnsVerifier {
  checkOptions(options);
  const fetchCertificate = options.fetchCertificate ?? defaultFetchCertificate;
  const toleranceMs = options.toleranceMs ?? defaultToleranceMs;
  const topicArns = options.topicArns === undefined ? undefined : new Set(options.topicArns);
  const now = options.now ?? Date.now;
  const cacheSize = options.cacheSize ?? defaultCacheSize;
  // url → certificate; a failed fetch is not cached. Map keeps insertion order: the oldest goes first.
  const cache = new Map<string, Promise<X509Certificate>>();

  async function certificateAt(url: string): Promise<X509Certificate> {
    const cached = cache.get(url);
    if (cached !== undefined) return cached;
    const loading = Promise.resolve()
      .then(() => fetchCertificate(url))
      .then(
        (pem) => {
          try {
            if (typeof pem !== 'string') throw new Error('fetchCertificate did not return a string');
            return new X509Certificate(pem);
          } catch (error) {
            throw new CertificateProblem('bad-certificate', error);
          }
        },
        (error: unknown) => {
          throw new CertificateProblem('certificate-unavailable', error);
        },
      );
    cache.set(url, loading);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    loading.catch(() => cache.delete(url));
    return loading;
  }

  return async function verifySnsMessage(body: unknown): Promise<SnsVerification> {
    try {
      return await check(body);
    } catch (error) {
      // Defensive: every path above returns a reason; this only guards against the unexpected.
      return reject('malformed', `could not verify: ${describe(error)}`);
    }
  };

  async function check(body: unknown): Promise<SnsVerification> {
    const message = readObject(body);
    if (message === undefined) return reject('malformed', 'the body is not a JSON object');
    const type = message.Type;
    if (typeof type !== 'string' || !messageTypes.has(type)) {
      return reject('unsupported-type', `Type ${JSON.stringify(type)} is not an SNS message type`);
    }
    const algorithm =
      typeof message.SignatureVersion === 'string' ? algorithms[message.SignatureVersion] : undefined;
    if (algorithm === undefined) {
      return reject(
        'unsupported-signature-version',
        `SignatureVersion ${JSON.stringify(message.SignatureVersion)} is not "1" or "2"`,
      );
    }
    const stringToSign = snsStringToSign(message);
    if (stringToSign === undefined || typeof message.Signature !== 'string' || message.Signature === '') {
      return reject('malformed', `a signed field of this ${type} is missing or not a string`);
    }
    const topicArn = message.TopicArn as string;
    if (topicArns !== undefined && !topicArns.has(topicArn)) {
      return reject('topic-not-allowed', `TopicArn ${topicArn} is not in the allow-list`);
    }
    const sentAt = Date.parse(message.Timestamp as string);
    if (Number.isNaN(sentAt)) return reject('malformed', 'Timestamp is not a date');
    const age = now() - sentAt;
    if (age > toleranceMs) {
      return reject(
        'expired',
        `Timestamp is ${Math.round(age / 1000)} s old, over the ${toleranceMs} ms tolerance`,
      );
    }
    if (-age > toleranceMs) {
      return reject('timestamp-in-future', `Timestamp is ${Math.round(-age / 1000)} s in the future`);
    }
    const certificateUrl = message.SigningCertURL;
    const urlProblem = snsUrlProblem(certificateUrl, { pem: true });
    if (urlProblem !== undefined) return reject('bad-certificate-url', `SigningCertURL ${urlProblem}`);
    if (type === 'SubscriptionConfirmation') {
      const subscribeProblem = snsUrlProblem(message.SubscribeURL, { pem: false });
      if (subscribeProblem !== undefined)
        return reject('bad-certificate-url', `SubscribeURL ${subscribeProblem}`);
    }
    let certificate: X509Certificate;
    try {
      certificate = await certificateAt(certificateUrl as string);
    } catch (error) {
      const reason = error instanceof CertificateProblem ? error.reason : 'certificate-unavailable';
      return reject(reason, `certificate at ${certificateUrl as string}: ${describe(error)}`);
    }
    const current = now();
    if (current < Date.parse(certificate.validFrom) || current > Date.parse(certificate.validTo)) {
      return reject(
        'bad-certificate',
        `the certificate is valid from ${certificate.validFrom} to ${certificate.validTo}`,
      );
    }
    let key: KeyObject;
    try {
      key = createPublicKey(certificate.toString());
    } catch {
      return reject('bad-certificate', 'the certificate has no usable public key');
    }
    const signature = Buffer.from(message.Signature, 'base64');
    let valid = false;
    try {
      valid = verify(algorithm, Buffer.from(stringToSign, 'utf8'), key, signature);
    } catch {
      valid = false;
    }
    if (!valid) return reject('bad-signature', 'the signature does not match the message: forged or altered');
    return { ok: true, message };
  }
}

/** One-shot form of `createSnsVerifier(options)(body)`; prefer a long-lived verifier so the certificate is cached. */
export function verifySnsMessage(body: unknown, options: SnsVerifyOptions = {}): Promise<SnsVerification> {
  if (typeof options !== 'object' || options === null) {
    return Promise.reject(new TypeError('verifySnsMessage: `options` must be an object'));
  }
  return createSnsVerifier(options)(body);
}

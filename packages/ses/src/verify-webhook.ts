// Verifies the signature of an SNS HTTP(S) message, following
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message.html and
// https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html (packages/ses/PROVIDER.md §5).
// Node's own crypto only; the certificate is fetched by an injectable function and cached.
import { createPublicKey, type KeyObject, verify, X509Certificate } from 'node:crypto';
import {
  checkFreshness,
  createMemoryReplayStore,
  type FreshnessFailure,
  ownValue,
  readBodyText,
} from '@mailverdict/core/adapter';
import { readSnsUrl, topicRegion } from './sns-url';
import type { SnsRejection, SnsVerification, SnsVerifier, SnsVerifyOptions } from './types';

const defaultToleranceMs = 60 * 60 * 1000;
const defaultCacheSize = 20;
const defaultFailureCacheMs = 30_000;
const defaultMaxConcurrentFetches = 4;
const defaultReplayEntries = 100_000;
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

const freshnessReasons: Readonly<Record<FreshnessFailure, SnsRejection>> = {
  'timestamp-too-old': 'expired',
  'timestamp-too-new': 'timestamp-in-future',
  replayed: 'replayed',
  'replay-check-failed': 'replay-check-failed',
};

class CertificateProblem extends Error {
  readonly reason: SnsRejection;
  constructor(reason: SnsRejection, cause: unknown) {
    super(describe(cause), { cause });
    this.reason = reason;
  }
}

function describe(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an unreadable error';
  }
}

function reject(reason: SnsRejection, message: string): SnsVerification {
  return { ok: false, reason, message };
}

async function defaultFetchCertificate(url: string): Promise<string> {
  const response = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(certificateTimeoutMs) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** The message as a plain copy of its own string fields (so a getter runs once, here, inside the try). */
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
    const value = Object.hasOwn(message, key) ? message[key] : undefined;
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

function isMilliseconds(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function checkOptions(options: SnsVerifyOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('createSnsVerifier: `options` must be an object with `topicArns`');
  }
  const { fetchCertificate, toleranceMs, topicArns, now, cacheSize, signatureVersions } = options;
  if (
    topicArns !== 'any' &&
    !(Array.isArray(topicArns) && topicArns.length > 0 && topicArns.every((arn) => typeof arn === 'string'))
  ) {
    throw new TypeError(
      "createSnsVerifier: `options.topicArns` is required: the topic ARNs you subscribed (or 'any', explicitly) — " +
        'the SNS certificate is shared by every AWS account, so the topic is what ties a message to you',
    );
  }
  if (Array.isArray(topicArns)) {
    const bad = topicArns.find((arn) => topicRegion(arn) === undefined);
    if (bad !== undefined) {
      throw new TypeError(
        `createSnsVerifier: \`options.topicArns\` holds ${JSON.stringify(bad)}, not an SNS topic ARN`,
      );
    }
  }
  if (fetchCertificate !== undefined && typeof fetchCertificate !== 'function') {
    throw new TypeError('createSnsVerifier: `options.fetchCertificate` must be a function');
  }
  if (toleranceMs !== undefined && !isMilliseconds(toleranceMs)) {
    throw new TypeError('createSnsVerifier: `options.toleranceMs` must be a number of milliseconds ≥ 0');
  }
  if (now !== undefined && typeof now !== 'function') {
    throw new TypeError('createSnsVerifier: `options.now` must be a function');
  }
  if (cacheSize !== undefined && !(Number.isInteger(cacheSize) && cacheSize >= 1)) {
    throw new TypeError('createSnsVerifier: `options.cacheSize` must be an integer ≥ 1');
  }
  if (
    signatureVersions !== undefined &&
    !(
      Array.isArray(signatureVersions) &&
      signatureVersions.length > 0 &&
      signatureVersions.every((version) => version === '1' || version === '2')
    )
  ) {
    throw new TypeError("createSnsVerifier: `options.signatureVersions` must list '1' and/or '2'");
  }
  if (options.failureCacheMs !== undefined && !isMilliseconds(options.failureCacheMs)) {
    throw new TypeError('createSnsVerifier: `options.failureCacheMs` must be a number of milliseconds ≥ 0');
  }
  const most = options.maxConcurrentFetches;
  if (most !== undefined && !(Number.isInteger(most) && most >= 1)) {
    throw new TypeError('createSnsVerifier: `options.maxConcurrentFetches` must be an integer ≥ 1');
  }
  const store = options.replayStore;
  if (
    store !== undefined &&
    store !== false &&
    typeof (store as { remember?: unknown } | null)?.remember !== 'function'
  ) {
    throw new TypeError(
      'createSnsVerifier: `options.replayStore` must have a `remember` method, or be false',
    );
  }
}

/**
 * Makes a verifier for SNS messages (the JSON body SNS POSTs to an HTTP(S) subscription, as a string,
 * bytes, an `ArrayBuffer` or already parsed). It checks, cheapest first: the shape, `Type`,
 * `SignatureVersion`, the `TopicArn` allow-list, the `Timestamp` tolerance, the certificate URL (https,
 * `sns.<topic region>.amazonaws.com`, `/SimpleNotificationService-<hex>.pem`), then fetches the certificate
 * (cached per normalized URL; failures cached briefly; concurrent fetches capped), verifies the RSA
 * signature, and finally refuses a `MessageId` already accepted inside the window.
 *
 * Never throws on any body: every refusal is `{ ok: false, reason, message }`. Throws `TypeError` for bad
 * options (a missing `topicArns` included). Raw message delivery (`x-amz-sns-rawdelivery: true`) carries no
 * signature and cannot be verified.
 */
export function createSnsVerifier(options: SnsVerifyOptions): SnsVerifier {
  checkOptions(options);
  const fetchCertificate = options.fetchCertificate ?? defaultFetchCertificate;
  const toleranceMs = options.toleranceMs ?? defaultToleranceMs;
  const topicArns = options.topicArns === 'any' ? undefined : new Set(options.topicArns);
  const versions = new Set<string>(options.signatureVersions ?? ['1', '2']);
  const now = options.now ?? Date.now;
  const cacheSize = options.cacheSize ?? defaultCacheSize;
  const failureCacheMs = options.failureCacheMs ?? defaultFailureCacheMs;
  const maxConcurrentFetches = options.maxConcurrentFetches ?? defaultMaxConcurrentFetches;
  const store = options.replayStore ?? createMemoryReplayStore({ maxEntries: defaultReplayEntries });
  // url.href → certificate. Map keeps insertion order: the oldest goes first.
  const cache = new Map<string, Promise<X509Certificate>>();
  // url.href → when a failed fetch may be tried again, and why it failed.
  const failures = new Map<string, { until: number; error: CertificateProblem }>();
  let fetching = 0;

  async function certificateAt(url: string): Promise<X509Certificate> {
    const cached = cache.get(url);
    if (cached !== undefined) return cached;
    const failed = failures.get(url);
    if (failed !== undefined && failed.until > now()) throw failed.error;
    failures.delete(url);
    if (fetching >= maxConcurrentFetches) {
      throw new CertificateProblem(
        'certificate-unavailable',
        `${maxConcurrentFetches} certificate fetches are already in flight`,
      );
    }
    fetching += 1;
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
      )
      .finally(() => {
        fetching -= 1;
      });
    cache.set(url, loading);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
    loading.catch((error: unknown) => {
      cache.delete(url);
      if (failures.size >= cacheSize) failures.delete(failures.keys().next().value as string);
      const problem =
        error instanceof CertificateProblem
          ? error
          : new CertificateProblem('certificate-unavailable', error);
      failures.set(url, { until: now() + failureCacheMs, error: problem });
    });
    return loading;
  }

  return async function verifySnsMessage(body: unknown): Promise<SnsVerification> {
    try {
      return await check(body);
    } catch (error) {
      // A hostile body (a getter that throws, a Proxy) gets here; every other path returns a reason.
      return reject('malformed', `could not read the message: ${describe(error)}`);
    }
  };

  async function check(body: unknown): Promise<SnsVerification> {
    const message = readObject(body);
    if (message === undefined) return reject('malformed', 'the body is not a JSON object');
    const type = message.Type;
    if (typeof type !== 'string' || !messageTypes.has(type)) {
      return reject('unsupported-type', `Type ${JSON.stringify(type)} is not an SNS message type`);
    }
    const version = message.SignatureVersion;
    const algorithm =
      typeof version === 'string' && versions.has(version) ? ownValue(algorithms, version) : undefined;
    if (algorithm === undefined) {
      return reject(
        'unsupported-signature-version',
        `SignatureVersion ${JSON.stringify(version)} is not one of ${[...versions].map((v) => `"${v}"`).join(', ')}`,
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
    const region = topicRegion(topicArn);
    if (region === undefined) return reject('malformed', `TopicArn ${topicArn} is not an SNS topic ARN`);
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
    const certificateUrl = readSnsUrl(message.SigningCertURL, { pem: true, region });
    if (!certificateUrl.ok) return reject('bad-certificate-url', `SigningCertURL ${certificateUrl.problem}`);
    if (type === 'SubscriptionConfirmation') {
      const subscribeUrl = readSnsUrl(message.SubscribeURL, { pem: false, region });
      if (!subscribeUrl.ok) return reject('bad-certificate-url', `SubscribeURL ${subscribeUrl.problem}`);
    }
    const href = certificateUrl.url.href;
    let certificate: X509Certificate;
    try {
      certificate = await certificateAt(href);
    } catch (error) {
      const reason = error instanceof CertificateProblem ? error.reason : 'certificate-unavailable';
      return reject(reason, `certificate at ${href}: ${describe(error)}`);
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
    // Only an authentic message is remembered: a forged one must not use up a real MessageId.
    const fresh = await checkFreshness({
      signedAt: sentAt,
      now: now(),
      toleranceMs,
      replayKey: `sns:${message.MessageId as string}`,
      replayLabel: 'MessageId',
      store,
    });
    if (!fresh.ok) return reject(freshnessReasons[fresh.reason], fresh.message);
    return { ok: true, message };
  }
}

/** One-shot form of `createSnsVerifier(options)(body)`; prefer a long-lived verifier so the certificate is cached. */
export function verifySnsMessage(body: unknown, options: SnsVerifyOptions): Promise<SnsVerification> {
  if (typeof options !== 'object' || options === null) {
    return Promise.reject(new TypeError('verifySnsMessage: `options` must be an object'));
  }
  return createSnsVerifier(options)(body);
}

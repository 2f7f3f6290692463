// The shapes this package reads and answers with: structural types, so no AWS SDK is forced on the user.
import type { DeliveryOutcome } from '@mailverdict/core';
import type { ReplayStore } from '@mailverdict/core/adapter';

/** Every outcome's `provider`, and the prefix of every rule id (`ses:bounce-no-email`). */
export const provider = 'ses';

/** How this adapter reports input it cannot read (core's `convertSafely`). */
export const unreadableInput = { provider, rule: `${provider}:unreadable` } as const;

/** What this adapter reads from an AWS SDK v3 error (a `SESv2ServiceException`, or a Node network error). */
export interface SesErrorLike {
  /** Exception name (`MessageRejected`, `TooManyRequestsException`, …), or the wire type of an unmodeled one. */
  readonly name?: string;
  readonly message?: string;
  /** Node network error code (`ECONNREFUSED`, …) when the request never got an answer. */
  readonly code?: string;
  readonly $fault?: 'client' | 'server';
  readonly $metadata?: {
    readonly httpStatusCode?: number;
    readonly requestId?: string;
    readonly attempts?: number;
    readonly totalRetryDelay?: number;
  };
  /** Hidden on real errors; read for a `Retry-After` header. */
  readonly $response?: { readonly statusCode?: number; readonly headers?: Readonly<Record<string, string>> };
}

export interface SesErrorOptions {
  /** The recipients of the failed call: one outcome each. Default: one outcome without a recipient. */
  readonly recipients?: readonly string[];
  /** Wait after a "Maximum sending rate exceeded" throttle, ms. Default 1000 (SES rates are per second). */
  readonly rateRetryMs?: number;
  /**
   * Wait after "Daily message quota exceeded", ms. Default 1 hour: the quota is a rolling 24-hour window,
   * so capacity comes back as earlier sends age out and no reset time is sent.
   */
  readonly quotaRetryMs?: number;
}

/** What this adapter reads from a `SendEmailCommandOutput`. */
export interface SesSendOutputLike {
  readonly MessageId?: string;
  readonly $metadata?: {
    readonly httpStatusCode?: number;
    readonly requestId?: string;
    readonly attempts?: number;
  };
}

export type SesWebhook =
  /** SES events: outcomes (possibly none, for tracking events) */
  | {
      readonly kind: 'events';
      readonly transport: 'sns' | 'eventbridge' | 'raw';
      readonly outcomes: DeliveryOutcome[];
    }
  /** SNS asks to confirm a subscription: GET `subscribeUrl` once (after verifying the signature). */
  | {
      readonly kind: 'subscription-confirmation';
      readonly topicArn?: string;
      readonly subscribeUrl?: string;
      /** True when `subscribeUrl` is https on `sns.<region>.amazonaws.com` — never visit it otherwise. */
      readonly subscribeUrlTrusted: boolean;
      readonly token?: string;
    }
  /** SNS says the subscription was removed. */
  | { readonly kind: 'unsubscribe-confirmation'; readonly topicArn?: string }
  /** Not an SES notification: `outcomes` holds one `unknown` outcome that says why. */
  | { readonly kind: 'unreadable'; readonly reason: string; readonly outcomes: DeliveryOutcome[] };

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
  | 'bad-signature'
  /** this `MessageId` (at this `Timestamp`) was already accepted: a replay inside the window */
  | 'replayed'
  /** the replay store threw or is full of live ids; refused (fail closed) */
  | 'replay-check-failed';

export type SnsVerification =
  | { readonly ok: true; readonly message: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly reason: SnsRejection; readonly message: string };

export interface SnsVerifyOptions {
  /**
   * The `TopicArn`s whose messages are accepted. Required: SNS signs with one certificate per region, shared by
   * every AWS account, so without the allow-list anyone can publish a signed "bounce" from their own topic to
   * your endpoint (or make it confirm a subscription to their topic). `'any'` turns the check off, explicitly.
   */
  readonly topicArns: readonly string[] | 'any';
  /** `SignatureVersion`s accepted. Default `['1', '2']`; `['2']` refuses SHA-1 (SHA1withRSA). */
  readonly signatureVersions?: readonly ('1' | '2')[];
  /**
   * Where accepted `MessageId`s are remembered to refuse replays inside the window. Default: a memory store of
   * this verifier holding 100 000 ids (the default 1-hour window then suffices up to ~27 messages/s; see
   * `createMemoryReplayStore` for sizing). Pass a shared store for several processes, or `false` to skip.
   * SNS resends a message it got no 2xx for with the same `MessageId` and `Timestamp`: answer `replayed` with 200.
   */
  readonly replayStore?: ReplayStore | false;
  /** How long a failed certificate fetch is remembered (refused without fetching again), ms. Default 30 000. */
  readonly failureCacheMs?: number;
  /** Most certificate fetches in flight at once; more are refused at once. Default 4. */
  readonly maxConcurrentFetches?: number;
  /**
   * Fetches the PEM certificate at `url` (already checked and normalized:
   * `https://sns.<region>.amazonaws.com/SimpleNotificationService-<hex>.pem`).
   * Default: `fetch` with a 10 s timeout. Inject your own for tests, proxies or a shared cache.
   */
  readonly fetchCertificate?: (url: string) => Promise<string>;
  /** How far `Timestamp` may be from now, in ms, either way. Default 1 hour. SNS keeps `Timestamp` on
   * retries, so raise it if your subscription's delivery policy retries for longer. */
  readonly toleranceMs?: number;
  /** The clock, epoch ms. Default `Date.now`. */
  readonly now?: () => number;
  /** How many certificates to keep in the cache. Default 20. */
  readonly cacheSize?: number;
}

/** Checks the body SNS POSTed (a string, bytes, an `ArrayBuffer`, or the parsed object). Never throws. */
export type SnsVerifier = (body: unknown) => Promise<SnsVerification>;

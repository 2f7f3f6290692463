// The shapes this package reads and answers with: structural types, so no SendGrid SDK is forced on the user.
import type { HeadersLike, ReplayStore } from '@mailverdict/core/adapter';

/** Every outcome's `provider`, and the prefix of every rule id (`sendgrid:dropped-invalid`). */
export const provider = 'sendgrid';

/** How this adapter reports input it cannot read (core's `convertSafely`). */
export const unreadableInput = { provider, rule: `${provider}:unreadable` } as const;

/** What this adapter reads from a `ResponseError` (or a raw axios error). */
export interface SendGridErrorLike {
  /** HTTP status (number) on a `ResponseError`; a Node/axios code string (`ECONNREFUSED`) on a network error. */
  readonly code?: number | string;
  readonly message?: string;
  readonly response?: {
    readonly headers?: Readonly<Record<string, unknown>>;
    readonly body?:
      | { readonly errors?: readonly { message?: string; field?: string | null; help?: unknown }[] }
      | string;
  };
  readonly isAxiosError?: boolean;
}

export interface SendGridErrorOptions {
  /** The recipients of the failed send: one outcome each. Default: one outcome without a recipient. */
  readonly recipients?: readonly string[];
  /** The clock, epoch ms, for `X-RateLimit-Reset`. Default `Date.now`. */
  readonly now?: () => number;
}

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
  | 'bad-signature'
  /** this timestamp + body was already accepted: a replay inside the window */
  | 'replayed'
  /** the replay store threw or is full of live entries; refused (fail closed) */
  | 'replay-check-failed';

export type SendGridVerification =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: SendGridRejection; readonly message: string };

export interface SendGridVerifyOptions {
  /** How far the timestamp may be from now, in ms, either way. Default 10 minutes. */
  readonly toleranceMs?: number;
  /** The clock, epoch ms. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * Where accepted requests are remembered to refuse replays inside the window, keyed on a SHA-256 of the
   * signed timestamp and body — never on the signature, which an attacker can rewrite as (r, n − s) and keep
   * valid. Default: a memory store of this verifier (10 000 live entries: enough for 8 batches/s over the
   * default ±10-minute window; size it as rate × window). Pass a shared store for several processes, or
   * `false` to skip.
   */
  readonly replayStore?: ReplayStore | false;
}

export interface SendGridWebhookRequest {
  /** The raw request body, exactly as received: a string, bytes or an `ArrayBuffer` (never parsed JSON). */
  readonly body: string | Uint8Array | ArrayBuffer;
  readonly headers: HeadersLike;
}

/** Checks one request; never throws. */
export type SendGridVerifier = (request: SendGridWebhookRequest) => Promise<SendGridVerification>;

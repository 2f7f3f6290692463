// Structural descriptions of what the resend SDK and Resend webhooks hand us, so the adapter does not force the SDK
// on its users. From resend@6.38.0 `dist/index.d.mts` (`ErrorResponse`, `Response<T>`, webhook event interfaces) and
// packages/resend/PROVIDER.md.
import type { HeadersLike, ReplayStore } from '@mailverdict/core/adapter';

/** Every outcome's `provider`, and the prefix of every rule id (`resend:bounce-permanent`). */
export const provider = 'resend';

/** How this adapter reports input it cannot read (core's `convertSafely`). */
export const unreadableInput = { provider, rule: `${provider}:unreadable` } as const;

export type ResendSignatureFailure =
  /** `svix-id`/`svix-timestamp`/`svix-signature` (or `webhook-*`) missing or empty */
  | 'missing-headers'
  /** a header is present but unreadable (timestamp not whole seconds, no `v1,` entry, id too long) */
  | 'malformed-headers'
  /** no listed signature matches any secret: forged, altered, or signed with another secret */
  | 'signature-mismatch'
  | 'timestamp-too-old'
  | 'timestamp-too-new'
  /** this `svix-id` at this timestamp was already accepted inside the tolerance window */
  | 'replayed'
  /** the replay store threw or is full of live ids; refused (fail closed) */
  | 'replay-check-failed'
  /** the body is not the raw bytes (an already-parsed object), or the signed body is not JSON */
  | 'malformed-body'
  /** the request is not a readable `{ headers, body }` (a Proxy, a getter that throws) */
  | 'malformed-request';

/** Checks one `{ headers, body }` request; never throws. */
export type ResendVerifier = (request: ResendWebhookRequest) => Promise<ResendSignatureResult>;

/** `error` of a resend SDK result: the API's own error body, passed through, or one the SDK made. */
export interface ResendErrorLike {
  /** `validation_error`, `rate_limit_exceeded`, `application_error`, … (`RESEND_ERROR_CODE_KEY`). */
  readonly name: string;
  /** HTTP status; `null` when no response arrived (network failure) or the SDK refused locally. */
  readonly statusCode: number | null;
  readonly message: string;
}

/** What every resend SDK call resolves to: it never throws for HTTP or network errors. */
export interface ResendResultLike<T = unknown> {
  readonly data: T | null;
  readonly error: ResendErrorLike | null;
  /** Response headers as a plain object (lowercase names), `null` when no response arrived. */
  readonly headers?: Readonly<Record<string, string>> | null;
}

/** `data` of `emails.send`. */
export interface ResendSendData {
  readonly id: string;
}

/** `data` of `batch.send`: one id per accepted email; with `batchValidation: 'permissive'` also per-email `errors`. */
export interface ResendBatchData {
  readonly data: readonly { readonly id: string }[];
  readonly errors?: readonly { readonly index: number; readonly message: string }[];
}

/** The webhook envelope: one event per POST. */
export interface ResendWebhookPayload {
  readonly type?: string;
  /** ISO time of the event. */
  readonly created_at?: string;
  readonly data?: ResendEmailEventData;
}

export interface ResendEmailEventData {
  readonly email_id?: string;
  readonly created_at?: string;
  readonly from?: string;
  readonly to?: readonly string[] | string;
  readonly subject?: string;
  /** The RFC 5322 Message-ID with angle brackets. */
  readonly message_id?: string;
  /** `Permanent`/`Transient`/`Undetermined`; `General`, `NoEmail`, `Suppressed`, `OnAccountSuppressionList`, `MailboxFull`, … (SES vocabulary). */
  readonly bounce?: { readonly type?: string; readonly subType?: string; readonly message?: string };
  readonly failed?: { readonly reason?: string };
  readonly suppressed?: { readonly type?: string; readonly message?: string };
  readonly tags?: unknown;
}

export type ResendSignatureResult =
  | { readonly ok: true; readonly id: string; readonly timestamp: number; readonly payload: unknown }
  | { readonly ok: false; readonly reason: ResendSignatureFailure; readonly message: string };

export interface ResendWebhookRequest {
  readonly headers: HeadersLike;
  /** The raw body exactly as received: the signature covers these bytes, so never a re-serialized object. */
  readonly body: string | Uint8Array | ArrayBuffer;
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

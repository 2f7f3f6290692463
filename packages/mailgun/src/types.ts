// Structural descriptions of what mailgun.js and Mailgun's webhooks hand us, so the adapter does not force
// the SDK on its users. Field names from mailgun.js@14.0.1 `Types/Classes/common/Error.d.ts`,
// `Types/Types/Events/Events.d.ts` and Mailgun's webhook docs (packages/mailgun/PROVIDER.md).
import type { ReplayStore } from '@mailverdict/core/adapter';

/** Every outcome's `provider`, and the prefix of every rule id (`mailgun:suppress-bounce`). */
export const provider = 'mailgun';

/** How this adapter reports input it cannot read (core's `convertSafely`). */
export const unreadableInput = { provider, rule: `${provider}:unreadable` } as const;

/** What `mg.messages.create` rejects with (mailgun.js `APIError`; its class name is minified, test `type`). */
export interface MailgunApiErrorLike {
  /** Always `"MailgunAPIError"`. */
  readonly type: string;
  /** HTTP status, or 400 for network errors and the SDK's own argument checks. */
  readonly status: number;
  /** Body `error`, else the HTTP status text; for network errors the Node error code (`ECONNREFUSED`). */
  readonly message: string;
  /** Body `message` (or the whole body when it is text); for network errors the Node error text. */
  readonly details?: string;
  /** Not kept by mailgun.js 14, but read when present (e.g. a caller's own fetch wrapper). */
  readonly headers?: Readonly<Record<string, unknown>>;
}

/** What `mg.messages.create` resolves to. */
export interface MailgunSendResult {
  readonly status?: number;
  /** `<20261120100000.1.ABCDEF@mg.example.org>`, with angle brackets. */
  readonly id?: string;
  /** `"Queued. Thank you."` */
  readonly message?: string;
}

/** `event-data.delivery-status`. */
export interface MailgunDeliveryStatus {
  /** SMTP basic code, or a Mailgun pseudo-code (498 no MX, 499 unable to connect, 605 previously bounced, 607 complaint). */
  readonly code?: number | string;
  /** The remote reply text without its leading basic code; multi-line replies joined by `\n` or spaces. */
  readonly message?: string;
  /** Mailgun's own explanation, often empty. */
  readonly description?: string;
  readonly 'enhanced-code'?: string | null;
  readonly 'attempt-no'?: number;
  /** Seconds until Mailgun retries (temporary failures). */
  readonly 'retry-seconds'?: number;
  readonly 'mx-host'?: string;
  readonly 'bounce-code'?: string;
  /** Logs API (`LogsDeliveryStatus` in mailgun.js 14): the last attempt's reply, kept when Mailgun gives up. */
  readonly 'last-code'?: number;
  readonly 'last-message'?: string;
  readonly 'bounce-type'?: string;
  readonly 'session-seconds'?: number;
  readonly tls?: boolean;
}

/** `event-data` of a webhook (one event per request). */
export interface MailgunEventData {
  readonly id?: string;
  /** Unix seconds, with a fraction. */
  readonly timestamp?: number;
  readonly event?: string;
  readonly 'log-level'?: string;
  /** `permanent`, `temporary` or `internal`. */
  readonly severity?: string;
  /** `bounce`, `generic`, `espblock`, `greylisted`, `blacklisted`, `suppress-bounce`, `suppress-complaint`, `suppress-unsubscribe`, `old`, `hardfail`, `unknown`. */
  readonly reason?: string;
  readonly recipient?: string;
  readonly 'recipient-domain'?: string;
  readonly message?: { readonly headers?: { readonly 'message-id'?: string } };
  readonly 'delivery-status'?: MailgunDeliveryStatus;
  readonly reject?: { readonly reason?: string; readonly description?: string };
  readonly flags?: Readonly<Record<string, unknown>>;
}

/** The whole JSON body Mailgun POSTs. */
export interface MailgunWebhookPayload {
  readonly signature?: { readonly timestamp?: string; readonly token?: string; readonly signature?: string };
  readonly 'event-data'?: MailgunEventData;
}

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
  /** the replay store threw or is full of live ids; the request is refused (fail closed) */
  | 'replay-check-failed';

/** Checks one webhook body (the parsed object, or the raw string, bytes or `ArrayBuffer`); never throws. */
export type MailgunVerifier = (payload: unknown) => Promise<MailgunSignatureResult>;

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

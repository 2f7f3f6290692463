// Structural descriptions of what the resend SDK and Resend webhooks hand us, so the adapter does not force the SDK
// on its users. From resend@6.38.0 `dist/index.d.mts` (`ErrorResponse`, `Response<T>`, webhook event interfaces) and
// providers.md §6.

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

import type { DeliveryOutcome } from '../verdict/delivery-outcome';
import type { SendContext } from './send-context';

/** Request headers as fetch (`Headers`), Node (`IncomingHttpHeaders`) or a plain object give them. */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * A webhook request as it reached the server. `body` is the raw body exactly as received — a string, bytes,
 * or what `fetch`'s `arrayBuffer()` returns — because signatures cover the exact bytes.
 */
export interface WebhookRequest {
  readonly body: string | Uint8Array | ArrayBuffer;
  readonly headers?: HeadersLike;
}

/** What a verifier answers: accept, or refuse with a machine-readable `reason` and a sentence for humans. */
export type WebhookVerification =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string; readonly message: string };

/**
 * Checks one request. Never throws, whatever the request holds (a parsed object, a hostile Proxy): every
 * refusal is `{ ok: false, reason, message }`.
 */
export type WebhookVerifier = (request: WebhookRequest) => Promise<WebhookVerification>;

/**
 * The one shape of a mailverdict provider adapter. The conversions take untrusted input and never throw:
 * what they cannot read becomes one `unknown` outcome whose rule is `<provider>:unreadable`.
 *
 * - `fromError`: an error the provider's SDK or API gave when sending (`context.to` names the recipients).
 * - `fromResponse`: what a successful send call returned (accepted, or partly rejected).
 * - `fromWebhook`: a webhook body — the raw string, bytes, or the parsed JSON.
 * - `createWebhookVerifier`: for providers that sign webhooks (or authenticate them another way); a factory,
 *   so a bad secret or key fails when the application starts rather than on the first request.
 */
export interface ProviderAdapter<VerifyOptions = never, Context extends SendContext = SendContext> {
  /** The `provider` of every outcome (`postmark`, `ses`, `smtp`, …). */
  readonly provider: string;
  fromError(error: unknown, context?: Context): DeliveryOutcome[];
  fromResponse(result: unknown, context?: Context): DeliveryOutcome[];
  fromWebhook(payload: unknown): DeliveryOutcome[];
  /** Throws `TypeError` (or `MailverdictError`) for unusable options; the verifier it returns never throws. */
  readonly createWebhookVerifier?: (options: VerifyOptions) => WebhookVerifier;
}

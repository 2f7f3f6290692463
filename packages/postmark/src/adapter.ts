// The one adapter object of this package, in the shape every mailverdict provider package exports
// (`ProviderAdapter`, `@mailverdict/core/adapter`).
import {
  listRecipients,
  type ProviderAdapter,
  readRequest,
  type SendContext,
  type WebhookVerification,
} from '@mailverdict/core/adapter';
import { fromPostmarkError } from './error';
import { fromPostmarkResponse } from './response';
import { type PostmarkMessageLike, provider } from './types';
import { type BasicCredentials, createWebhookGuard } from './verify-webhook';
import { fromPostmarkWebhook } from './webhook';

/** What Postmark's adapter reads about the send: the recipients (`to`), or the message(s) you sent. */
export interface PostmarkSendContext extends SendContext {
  /** The message passed to `sendEmail`, or the array passed to `sendEmailBatch` (same order as the answer). */
  readonly sent?: PostmarkMessageLike | readonly PostmarkMessageLike[];
}

/** `context.sent`, or a message built from `context.to`. */
function sentOf(context: PostmarkSendContext | undefined, caller: string) {
  if (context === undefined) return undefined;
  if (context.sent !== undefined) return context.sent;
  const to = listRecipients(context, caller);
  return to.length === 0 ? undefined : { To: to.join(', ') };
}

/**
 * Postmark: `fromError` reads a `postmark` client error, `fromResponse` what `sendEmail` / `sendEmailBatch`
 * resolved with, `fromWebhook` a webhook body. Postmark does not sign webhooks: `createWebhookVerifier` checks the
 * HTTP Basic credentials you put in the webhook URL (`node:crypto`, Node only).
 */
export const postmarkAdapter = {
  provider,
  fromError: (error, context) => {
    const sent = sentOf(context, 'postmarkAdapter.fromError');
    return fromPostmarkError(
      error,
      Array.isArray(sent) ? undefined : (sent as PostmarkMessageLike | undefined),
    );
  },
  fromResponse: (result, context) =>
    fromPostmarkResponse(result, sentOf(context, 'postmarkAdapter.fromResponse')),
  fromWebhook: fromPostmarkWebhook,
  createWebhookVerifier(credentials) {
    const guard = createWebhookGuard(credentials);
    return async (request): Promise<WebhookVerification> => {
      const checked = guard(readRequest(request).headers as Parameters<typeof guard>[0]);
      return checked.ok ? { ok: true } : { ok: false, reason: 'unauthorized', message: checked.reason };
    };
  },
} as const satisfies ProviderAdapter<BasicCredentials, PostmarkSendContext>;

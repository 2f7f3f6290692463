// The one adapter object of this package, in the shape every mailverdict provider package exports
// (`ProviderAdapter`, `@mailverdict/core/adapter`).
import { listRecipients, type ProviderAdapter, type SendContext } from '@mailverdict/core/adapter';
import { fromSendGridError } from './error';
import { fromSendGridResponse } from './response';
import { provider, type SendGridVerifyOptions, type SendGridWebhookRequest } from './types';
import { createSendGridVerifier } from './verify-webhook';
import { fromSendGridEvents } from './webhook';

/** `createWebhookVerifier`'s options: the Signed Event Webhook's public key, and the verifier's own options. */
export interface SendGridAdapterVerifyOptions extends SendGridVerifyOptions {
  /** The base64 key from Mail Settings → Signed Event Webhook (or PEM, or a Node `KeyObject`); EC P-256 only. */
  readonly publicKey: string | object;
}

function recipients(context: SendContext | undefined, caller: string): string[] {
  return context === undefined ? [] : listRecipients(context, caller);
}

/**
 * SendGrid: `fromError` reads a `@sendgrid/mail` `ResponseError` (or a network error), `fromResponse` what
 * `sgMail.send()` resolved with, `fromWebhook` an Event Webhook batch, `createWebhookVerifier` checks the
 * Signed Event Webhook (WebCrypto: Node, Deno, Bun, Workers). `context.to` lists the recipients of the send.
 */
export const sendGridAdapter = {
  provider,
  fromError: (error, context) =>
    fromSendGridError(error, { recipients: recipients(context, 'sendGridAdapter.fromError') }),
  fromResponse: (result, context) =>
    fromSendGridResponse(result, { recipients: recipients(context, 'sendGridAdapter.fromResponse') }),
  fromWebhook: fromSendGridEvents,
  createWebhookVerifier(options) {
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(
        'sendGridAdapter.createWebhookVerifier: `options` must be an object with `publicKey`',
      );
    }
    const { publicKey, ...rest } = options;
    const verify = createSendGridVerifier(publicKey, rest);
    return (request) => verify(request as SendGridWebhookRequest);
  },
} as const satisfies ProviderAdapter<SendGridAdapterVerifyOptions>;

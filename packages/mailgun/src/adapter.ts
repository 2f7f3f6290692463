// The one adapter object of this package, in the shape every mailverdict provider package exports
// (`ProviderAdapter`, `@mailverdict/core/adapter`).
import { type ProviderAdapter, readRequest } from '@mailverdict/core/adapter';
import { fromMailgunError } from './error';
import { fromMailgunResponse } from './response';
import { type MailgunVerifyOptions, provider } from './types';
import { createMailgunVerifier } from './verify-webhook';
import { fromMailgunWebhook } from './webhook';

/**
 * Mailgun: `fromError` reads a mailgun.js `APIError`, `fromResponse` what `mg.messages.create` resolved with,
 * `fromWebhook` a webhook body, `createWebhookVerifier` checks the signature — which covers only the timestamp
 * and token, not the event (WebCrypto: Node, Deno, Bun, Workers). `context.to` lists the recipients of the send.
 */
export const mailgunAdapter = {
  provider,
  fromError: (error, context) => fromMailgunError(error, context),
  fromResponse: (result, context) => fromMailgunResponse(result, context),
  fromWebhook: fromMailgunWebhook,
  createWebhookVerifier(options) {
    const verify = createMailgunVerifier(options, 'mailgunAdapter.createWebhookVerifier');
    return (request) => verify(readRequest(request).body);
  },
} as const satisfies ProviderAdapter<MailgunVerifyOptions>;

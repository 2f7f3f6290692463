// The one adapter object of this package, in the shape every mailverdict provider package exports
// (`ProviderAdapter`, `@mailverdict/core/adapter`).
import type { ProviderAdapter } from '@mailverdict/core/adapter';
import { fromResendError } from './error';
import { fromResendResult } from './response';
import { provider, type ResendVerifyOptions, type ResendWebhookRequest } from './types';
import { createResendVerifier } from './verify-webhook';
import { fromResendWebhook } from './webhook';

/**
 * Resend: `fromError` reads a resend SDK `error`, `fromResponse` what `resend.emails.send` or `resend.batch.send`
 * resolved with, `fromWebhook` a webhook body, `createWebhookVerifier` checks the Svix signature (WebCrypto:
 * Node, Deno, Bun, Workers). `context.to` lists the recipients of the send.
 */
export const resendAdapter = {
  provider,
  fromError: (error, context) => fromResendError(error, context),
  fromResponse: (result, context) => fromResendResult(result, context),
  fromWebhook: fromResendWebhook,
  createWebhookVerifier(options) {
    const verify = createResendVerifier(options, 'resendAdapter.createWebhookVerifier');
    return (request) => verify(request as ResendWebhookRequest);
  },
} as const satisfies ProviderAdapter<ResendVerifyOptions>;

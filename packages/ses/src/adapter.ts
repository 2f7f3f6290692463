// The one adapter object of this package, in the shape every mailverdict provider package exports
// (`ProviderAdapter`, `@mailverdict/core/adapter`).
import {
  listRecipients,
  type ProviderAdapter,
  readRequest,
  type SendContext,
} from '@mailverdict/core/adapter';
import { fromSesError } from './error';
import { fromSesResponse } from './response';
import { provider, type SnsVerifyOptions } from './types';
import { createSnsVerifier } from './verify-webhook';
import { fromSesNotification } from './webhook';

function recipients(context: SendContext | undefined, caller: string): string[] {
  return context === undefined ? [] : listRecipients(context, caller);
}

/**
 * Amazon SES: `fromError` reads an AWS SDK v3 error, `fromResponse` a `SendEmailCommandOutput`, `fromWebhook`
 * an SNS / EventBridge / bare SES notification, `createWebhookVerifier` checks SNS signatures (Node only:
 * `node:crypto` X.509). `context.to` lists the recipients of the send.
 */
export const sesAdapter = {
  provider,
  fromError: (error, context) =>
    fromSesError(error, { recipients: recipients(context, 'sesAdapter.fromError') }),
  fromResponse: (result, context) =>
    fromSesResponse(result, { recipients: recipients(context, 'sesAdapter.fromResponse') }),
  fromWebhook: fromSesNotification,
  createWebhookVerifier(options) {
    const verify = createSnsVerifier(options);
    return (request) => verify(readRequest(request).body);
  },
} as const satisfies ProviderAdapter<SnsVerifyOptions>;

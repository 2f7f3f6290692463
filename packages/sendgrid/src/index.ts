export type { HeadersLike } from '@mailverdict/core/adapter';
export { type SendGridAdapterVerifyOptions, sendGridAdapter } from './adapter';
export { fromSendGridError } from './error';
export { fromSendGridResponse } from './response';
export type {
  SendGridErrorLike,
  SendGridErrorOptions,
  SendGridRejection,
  SendGridVerification,
  SendGridVerifier,
  SendGridVerifyOptions,
  SendGridWebhookRequest,
} from './types';
export {
  createSendGridVerifier,
  signatureHeader,
  timestampHeader,
  verifySendGridWebhook,
} from './verify-webhook';
export { fromSendGridEvent, fromSendGridEvents } from './webhook';

export {
  createSendGridVerifier,
  type HeadersLike,
  type SendGridRejection,
  type SendGridVerification,
  type SendGridVerifier,
  type SendGridVerifyOptions,
  type SendGridWebhookRequest,
  signatureHeader,
  timestampHeader,
  verifySendGridWebhook,
} from './event-webhook-signature';
export { fromSendGridError, type SendGridErrorLike, type SendGridErrorOptions } from './sendgrid-error';
export { fromSendGridEvent, fromSendGridEvents } from './sendgrid-events';
export { fromSendGridResponse } from './sendgrid-response';

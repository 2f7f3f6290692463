export { fromSesError, type SesErrorLike, type SesErrorOptions } from './ses-error';
export { fromSesEventObject, sesEventType } from './ses-event';
export { fromSesNotification, readSesWebhook, type SesWebhook } from './ses-notification';
export { fromSesResponse, type SesSendOutputLike } from './ses-response';
export {
  createSnsVerifier,
  type SnsRejection,
  type SnsVerification,
  type SnsVerifier,
  type SnsVerifyOptions,
  snsStringToSign,
  verifySnsMessage,
} from './sns-signature';
export { isSnsUrl } from './sns-url';

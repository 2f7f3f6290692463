export { sesAdapter } from './adapter';
export { fromSesError } from './error';
export { fromSesEventObject, sesEventType } from './event';
export { fromSesResponse } from './response';
export { isSnsUrl } from './sns-url';
export type {
  SesErrorLike,
  SesErrorOptions,
  SesSendOutputLike,
  SesWebhook,
  SnsRejection,
  SnsVerification,
  SnsVerifier,
  SnsVerifyOptions,
} from './types';
export { createSnsVerifier, snsStringToSign, verifySnsMessage } from './verify-webhook';
export { fromSesNotification, readSesWebhook } from './webhook';

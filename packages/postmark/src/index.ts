export { inactiveAddresses, splitAddressList } from './address-list';
export { type BounceType, type BounceTypeName, bounceTypes } from './bounce-types';
export { fromPostmarkError } from './from-postmark-error';
export { fromPostmarkResponse } from './from-postmark-response';
export { fromPostmarkWebhook } from './from-postmark-webhook';
export type {
  PostmarkBounceWebhook,
  PostmarkDeliveryWebhook,
  PostmarkErrorLike,
  PostmarkMessageLike,
  PostmarkSendResponse,
  PostmarkSubscriptionChangeWebhook,
  PostmarkWebhook,
} from './postmark-types';
export {
  type BasicCredentials,
  checkBasicAuth,
  createWebhookGuard,
  type GuardResult,
  type HeadersLike,
  type RequestLike,
} from './webhook-guard';

export { splitAddressList } from '@mailverdict/core/adapter';
export { type PostmarkSendContext, postmarkAdapter } from './adapter';
export { inactiveAddresses } from './address-list';
export { type BounceType, type BounceTypeName, bounceTypes } from './bounce-types';
export { fromPostmarkError } from './error';
export { hasOutboundMessage, type OutboundSearchClient } from './outbound-search';
export { fromPostmarkResponse } from './response';
export { type PostmarkSendResult, type SendEmailClient, sendEmail } from './send-email';
export type {
  PostmarkBounceWebhook,
  PostmarkDeliveryWebhook,
  PostmarkErrorLike,
  PostmarkMessageLike,
  PostmarkSendResponse,
  PostmarkSubscriptionChangeWebhook,
  PostmarkWebhook,
} from './types';
export {
  type BasicCredentials,
  checkBasicAuth,
  createWebhookGuard,
  type GuardResult,
  type HeadersLike,
  type RequestLike,
} from './verify-webhook';
export { fromPostmarkWebhook } from './webhook';

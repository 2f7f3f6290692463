// Re-exported from core's adapter toolkit, where they live since every adapter shares them.
export {
  createMemoryReplayStore,
  type MemoryReplayStoreOptions,
  type ReplayStore,
  type SendContext,
} from '@mailverdict/core/adapter';
export { fromResendError, type ResendErrorContext } from './resend-error';
export { fromResendResult } from './resend-result';
export {
  type HeadersLike,
  type ResendSignatureFailure,
  type ResendSignatureResult,
  type ResendVerifyOptions,
  type ResendWebhookRequest,
  signResendPayload,
  verifyResendWebhook,
} from './resend-signature';
export type {
  ResendBatchData,
  ResendEmailEventData,
  ResendErrorLike,
  ResendResultLike,
  ResendSendData,
  ResendWebhookPayload,
} from './resend-types';
export { fromResendWebhook, ignoredResendEvents } from './resend-webhook';

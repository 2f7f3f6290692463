// Re-exported from core's adapter toolkit, where they live since every adapter shares them.
export {
  createMemoryReplayStore,
  type HeadersLike,
  type MemoryReplayStoreOptions,
  type ReplayStore,
  type SendContext,
} from '@mailverdict/core/adapter';
export { resendAdapter } from './adapter';
export { fromResendError, type ResendErrorContext } from './error';
export { fromResendResult } from './response';
export { signResendPayload } from './sign-webhook';
export type {
  ResendBatchData,
  ResendEmailEventData,
  ResendErrorLike,
  ResendResultLike,
  ResendSendData,
  ResendSignatureFailure,
  ResendSignatureResult,
  ResendVerifier,
  ResendVerifyOptions,
  ResendWebhookPayload,
  ResendWebhookRequest,
} from './types';
export { createResendVerifier, verifyResendWebhook } from './verify-webhook';
export { fromResendWebhook, ignoredResendEvents } from './webhook';

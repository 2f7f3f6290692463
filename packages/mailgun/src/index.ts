// Re-exported from core's adapter toolkit, where they live since every adapter shares them.
export {
  createMemoryReplayStore,
  type MemoryReplayStoreOptions,
  type ReplayStore,
  type SendContext,
} from '@mailverdict/core/adapter';
export { mailgunAdapter } from './adapter';
export { fromMailgunError } from './error';
export { fromMailgunResponse } from './response';
export { signMailgunToken } from './sign-webhook';
export type {
  MailgunApiErrorLike,
  MailgunDeliveryStatus,
  MailgunEventData,
  MailgunSendResult,
  MailgunSignatureFailure,
  MailgunSignatureResult,
  MailgunVerifier,
  MailgunVerifyOptions,
  MailgunWebhookPayload,
} from './types';
export { createMailgunVerifier, verifyMailgunWebhook } from './verify-webhook';
export { fromMailgunWebhook, ignoredMailgunEvents } from './webhook';

// Re-exported from core's adapter toolkit, where they live since every adapter shares them.
export {
  createMemoryReplayStore,
  type MemoryReplayStoreOptions,
  type ReplayStore,
  type SendContext,
} from '@mailverdict/core/adapter';
export { fromMailgunError } from './mailgun-error';
export { fromMailgunResponse } from './mailgun-response';
export {
  type MailgunSignatureFailure,
  type MailgunSignatureResult,
  type MailgunVerifyOptions,
  signMailgunToken,
  verifyMailgunWebhook,
} from './mailgun-signature';
export type {
  MailgunApiErrorLike,
  MailgunDeliveryStatus,
  MailgunEventData,
  MailgunSendResult,
  MailgunWebhookPayload,
} from './mailgun-types';
export { fromMailgunWebhook, ignoredMailgunEvents } from './mailgun-webhook';

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
export { createMemoryReplayStore, type MemoryReplayStoreOptions, type ReplayStore } from './replay-store';
export type { SendContext } from './send-context';

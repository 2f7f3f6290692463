export { type HeldJob, listHeld, type ReleaseOptions, releaseHeld } from './hold/held-jobs';
export { isInDoubt, type LookupAnswer, markInDoubt } from './in-doubt/in-doubt';
export {
  createMailProcessor,
  type LookupRequest,
  type MailProcessorOptions,
  type SendRequest,
} from './processor/create-processor';
export type {
  AttemptMark,
  MailJobData,
  MailJobProgress,
  MailJobResult,
  RecipientProgress,
  RecipientStatus,
} from './processor/mail-job';
export {
  type AcquireOptions,
  createSharedThrottle,
  type SharedThrottle,
  type SharedThrottleAnswer,
  type SharedThrottleOptions,
  type ThrottleLease,
} from './throttle/shared-throttle';

export { addressDomain } from './adapter/address-domain';
export {
  checkFreshness,
  type FreshnessCheck,
  type FreshnessFailure,
  type FreshnessResult,
} from './adapter/check-freshness';
export { convertSafely } from './adapter/convert-safely';
export { ifDefined } from './adapter/if-defined';
export {
  judgeRelayedReply,
  type ProviderFallback,
  type RelayedJudgement,
} from './adapter/judge-relayed-reply';
export { parseTime } from './adapter/parse-time';
export { perRecipient } from './adapter/per-recipient';
export { readBodyText } from './adapter/read-body-text';
export { isRecord, readArray, readField, readNumber, readString } from './adapter/read-field';
export {
  createMemoryReplayStore,
  type MemoryReplayStoreOptions,
  type ReplayStore,
} from './adapter/replay-store';
export { parseRetryAfter, readHeader } from './adapter/retry-after';
export { listRecipients, type SendContext } from './adapter/send-context';
export { type UnreadableOptions, unreadableOutcome } from './adapter/unreadable-outcome';
export { type Blocklist, blocklists, findBlocklist } from './blocklists';
export { type Category, categories, isCategory } from './category';
export { type CategoryDefaults, categoryDefaults } from './category-defaults';
export {
  type Classifier,
  type ClassifierOptions,
  type ClassifyContext,
  classify,
  createClassifier,
} from './classify';
export { categorySummaries, createVerdict, type VerdictOptions } from './create-verdict';
export { decideRetry, type RetryHistory } from './decide-retry';
export type { DeliveryEvent, DeliveryOutcome, OutcomeOrigin } from './delivery-outcome';
export {
  describeReplyCode,
  type ReplyClassMeaning,
  type ReplyCodeDescription,
} from './describe-reply-code';
export {
  describeStatus,
  registeredStatusCodes,
  type StatusClassMeaning,
  type StatusDescription,
} from './describe-status';
export { destinationOf } from './destination-key';
export { parseEnhancedStatus } from './enhanced-status';
export { MailverdictError } from './errors';
export {
  isMailboxProvider,
  type MailboxProvider,
  mailboxProviders,
  recognizeProvider,
} from './mailbox-provider';
export { parseReply } from './parse-reply';
export {
  decideSuppression,
  defaultSuppressionPolicy,
  type SuppressionDecision,
  type SuppressionEvent,
  type SuppressionPolicy,
  type SuppressionReason,
} from './retry/decide-suppression';
export {
  type GiveUpCause,
  type GiveUpDecision,
  type HoldDecision,
  type RetryAction,
  type RetryDecision,
  type RetryFix,
  type RetryLaterDecision,
  type RetryNowDecision,
  retryFixes,
} from './retry-decision';
export {
  createRetryPolicy,
  type DestinationRetryOverrides,
  defaultRetryPolicy,
  type RetryPolicy,
  type RetryPolicyOptions,
  type RetrySchedule,
  type RetryScheduleKey,
  type RetryScheduleOverrides,
  retryScheduleKeys,
} from './retry-policy';
export type { LayerName, Rule } from './rules/rule';
export {
  defaultShapingRules,
  type ShapingAction,
  type ShapingMatch,
  type ShapingRule,
  type ShapingTrigger,
} from './shaping-rules';
export { isSmtpCommand, type SmtpCommand, smtpCommands } from './smtp-command';
export type { EnhancedSource, EnhancedStatus, ReplyWrapper, SmtpReply } from './smtp-reply';
export type { RegistryEntry, ReplyCodeEntry } from './status-registry';
export {
  createThrottle,
  type DestinationSnapshot,
  restoreThrottle,
  type Throttle,
  type ThrottleAnswer,
  type ThrottleFeedbackOptions,
  type ThrottleWait,
  type ThrottleWaitReason,
} from './throttle/create-throttle';
export type { DestinationLimits, ThrottleOptions } from './throttle/throttle-options';
export type { DestinationStateJson, ThrottleState } from './throttle/throttle-state';
export type { Permanence, RetryAdvice, Scope, Verdict } from './verdict';
export type { WarmUpPlan, WarmUpState, WarmUpStep } from './warm-up';

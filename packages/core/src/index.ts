// `@mailverdict/core`: what an application uses — parse a reply, classify it into a verdict, decide
// the retry, pace sending with the throttle. Adapter authors also import `@mailverdict/core/adapter`;
// what people read — explanations and the registries' descriptions of codes (`describeStatus`,
// `describeReplyCode`) — lives in `@mailverdict/core/explain`, so classifying never downloads it.
export {
  type Classifier,
  type ClassifierOptions,
  type ClassifyContext,
  classify,
  createClassifier,
} from './classify/classify';
export { parseEnhancedStatus } from './reply/enhanced-status';
export { parseReply } from './reply/parse-reply';
export { isSmtpCommand, type SmtpCommand, smtpCommands } from './reply/smtp-command';
export type { EnhancedSource, EnhancedStatus, ReplyWrapper, SmtpReply } from './reply/smtp-reply';
export { decideRetry, type RetryHistory } from './retry/decide-retry';
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
} from './retry/retry-decision';
export {
  createRetryPolicy,
  type DestinationRetryOverrides,
  defaultRetryPolicy,
  type RetryPolicy,
  type RetryPolicyOptions,
  type RetrySchedule,
  type RetryScheduleKey,
  type RetryScheduleOverrides,
} from './retry/retry-policy';
export type { LayerName, Rule } from './rules/rule';
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
export {
  defaultShapingRules,
  type ShapingAction,
  type ShapingMatch,
  type ShapingRule,
  type ShapingTrigger,
} from './throttle/shaping-rules';
export type { DestinationLimits, ThrottleOptions } from './throttle/throttle-options';
export type { DestinationStateJson, ThrottleState } from './throttle/throttle-state';
export type { WarmUpPlan, WarmUpState, WarmUpStep } from './throttle/warm-up';
export { type Blocklist, blocklists, findBlocklist } from './verdict/blocklists';
export { createVerdict, type VerdictOptions } from './verdict/create-verdict';
export type { DeliveryEvent, DeliveryOutcome, OutcomeOrigin } from './verdict/delivery-outcome';
export { destinationOf } from './verdict/destination-key';
export { MailverdictError } from './verdict/errors';
export { isFailure } from './verdict/is-failure';
export {
  isMailboxProvider,
  type MailboxProvider,
  mailboxProviders,
  recognizeProvider,
} from './verdict/mailbox-provider';
export { type Category, categories, isCategory } from './verdict/taxonomy';
export type { Permanence, RetryAdvice, Scope, Verdict } from './verdict/verdict';

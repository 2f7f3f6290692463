// `@mailverdict/core/adapter`: what provider-adapter authors need — the `ProviderAdapter` spec, readers for
// untrusted objects and webhook requests, the one outcome builder, the one unreadable-input outcome, the RFC
// 5322 address-list splitter, replay protection. Applications import `@mailverdict/core`.

// For throttles kept elsewhere (`@mailverdict/bullmq`'s, in Redis): core's option validation and defaults
// and its shaping-rule matcher, so such a throttle decides as `createThrottle` does without copying them.
export {
  type CompiledShapingRule,
  shapingRuleMatches,
  shapingText,
} from '../throttle/shaping-rules';
export { type ResolvedThrottleOptions, resolveThrottleOptions } from '../throttle/throttle-options';
export type { ResolvedWarmUpPlan } from '../throttle/warm-up';
export { addressDomain } from './address-domain';
export { buildOutcome, type OutcomeFields, perRecipientOutcomes } from './build-outcome';
export {
  checkFreshness,
  type FreshnessCheck,
  type FreshnessFailure,
  type FreshnessResult,
} from './check-freshness';
export { convertSafely } from './convert-safely';
export { ifDefined } from './if-defined';
export { isInDoubt, markInDoubt } from './in-doubt';
export { judgeRelayedReply, type ProviderFallback, type RelayedJudgement } from './judge-relayed-reply';
export { ownValue } from './own-value';
export { parseTime } from './parse-time';
export { perRecipient } from './per-recipient';
export type {
  HeadersLike,
  ProviderAdapter,
  WebhookRequest,
  WebhookVerification,
  WebhookVerifier,
} from './provider-adapter';
export { readBodyText } from './read-body-text';
export {
  asRecord,
  asText,
  isRecord,
  readArray,
  readField,
  readNumber,
  readString,
  readText,
} from './read-field';
export { readBodyBytes, readRequest, readRequestHeader } from './read-request';
export { readWebhookBody, type WebhookBody } from './read-webhook-body';
export { createMemoryReplayStore, type MemoryReplayStoreOptions, type ReplayStore } from './replay-store';
export { parseRetryAfter, readHeader } from './retry-after';
export { listRecipients, type SendContext } from './send-context';
export { splitAddressList } from './split-address-list';
export {
  describeValue,
  type UnreadableOptions,
  unreadable,
  unreadableOutcome,
  unreadableSummary,
} from './unreadable-outcome';
export { decodeBase64, readVerifierOptions, type VerifierOptions } from './verifier-options';

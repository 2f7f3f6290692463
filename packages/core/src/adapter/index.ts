// `@mailverdict/core/adapter`: the toolkit for writing a provider adapter — reading untrusted
// payloads field by field, one outcome per recipient, judging a reply a provider relayed, webhook
// freshness and replay, Retry-After. Applications import `@mailverdict/core`; adapter authors import
// this entry as well.
export { addressDomain } from './address-domain';
export {
  checkFreshness,
  type FreshnessCheck,
  type FreshnessFailure,
  type FreshnessResult,
} from './check-freshness';
export { convertSafely } from './convert-safely';
export { ifDefined } from './if-defined';
export {
  judgeRelayedReply,
  type ProviderFallback,
  type RelayedJudgement,
} from './judge-relayed-reply';
export { parseTime } from './parse-time';
export { perRecipient } from './per-recipient';
export { readBodyText } from './read-body-text';
export { isRecord, readArray, readField, readNumber, readString } from './read-field';
export {
  createMemoryReplayStore,
  type MemoryReplayStoreOptions,
  type ReplayStore,
} from './replay-store';
export { parseRetryAfter, readHeader } from './retry-after';
export { listRecipients, type SendContext } from './send-context';
export { type UnreadableOptions, unreadableOutcome } from './unreadable-outcome';

// `@mailverdict/core/explain`: explaining a verdict for a human (explain.ts), and the registries'
// descriptions of reply and enhanced status codes it quotes. A subpath entry of its own so that the
// guidance prose and the registries stay out of the main entry: code that only classifies replies
// never downloads them.
export {
  describeReplyCode,
  type ReplyClassMeaning,
  type ReplyCodeDescription,
} from '../reply/describe-reply-code';
export { describeStatus, type StatusClassMeaning, type StatusDescription } from '../reply/describe-status';
export type { RegistryEntry, ReplyCodeEntry } from '../reply/status-registry';
export { explain } from './explain';
export type { GuidanceLink } from './explain-guidance';
export type { Explanation } from './explanation';
export { type ExplanationFormat, formatExplanation } from './format-explanation';

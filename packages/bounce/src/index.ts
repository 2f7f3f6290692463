export type { BounceKind, BounceReport, OriginalHeader, OriginalMessage } from './bounce-report';
export { type MatchOptions, matchReport, originalHeader, type SentMessage } from './helpers/match-report';
export { decodeVerp, encodeVerp, type VerpOptions } from './helpers/verp';
export { parseBounce } from './parse-bounce';

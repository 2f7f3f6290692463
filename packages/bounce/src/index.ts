export type { BounceKind, BounceReport, OriginalHeader, OriginalMessage } from './bounce-report';
export { parseBounce } from './parse-bounce';

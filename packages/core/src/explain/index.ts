// `@mailverdict/core/explain`: explaining a verdict for a human (explain.ts). A subpath entry of its
// own so that the guidance prose stays out of the main entry: code that only classifies replies never
// downloads it.
export { explain } from './explain';
export type { GuidanceLink } from './explain-guidance';
export type { Explanation } from './explanation';
export { type ExplanationFormat, formatExplanation } from './format-explanation';

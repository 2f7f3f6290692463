// The fallback for delivery reports in no named format: any email that looks like a bounce
// (looks-like-bounce.ts) read with the plain-text engine's common markers.
import type { Decoder } from './decoder';
import { looksLikeBounce } from './looks-like-bounce';
import { textDecode } from './text-report';

export const plainText: Decoder = {
  name: 'plain-text',
  recognize: looksLikeBounce,
  decode: textDecode({}),
};

// The decoders in the one order they are tried (first that recognizes the email AND decodes it
// wins): standard reports first, then the named plain-text formats, then auto-replies (bounces
// carry Auto-Submitted too), confirmations, and the plain-text fallback.
import { arf } from './arf';
import { autoReply } from './auto-reply';
import type { Decoder } from './decoder';
import { notABounce } from './not-a-bounce';
import { plainText } from './plain-text';
import { rfc3464 } from './rfc3464';

export const decoders: readonly Decoder[] = [arf, rfc3464, autoReply, notABounce, plainText];

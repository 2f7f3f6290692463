// The decoders in the one order they are tried (first that recognizes the email AND decodes it
// wins): standard reports first (RFC 5965, RFC 3464), then the named plain-text formats (a
// provider's before the MTA it runs), then auto-replies (bounces carry Auto-Submitted too),
// confirmations, and the plain-text fallback.
import { amazonSes } from './amazon-ses';
import { aol } from './aol';
import { apacheJames } from './apache-james';
import { arf } from './arf';
import { autoReply } from './auto-reply';
import type { Decoder } from './decoder';
import { domino } from './domino';
import { dragonfly } from './dragonfly';
import { exchange } from './exchange';
import { exim } from './exim';
import { gmail } from './gmail';
import { googleGroups } from './google-groups';
import { imail } from './imail';
import { notABounce } from './not-a-bounce';
import { opensmtpd } from './opensmtpd';
import { plainText } from './plain-text';
import { postfix } from './postfix';
import { qmail } from './qmail';
import { rfc3464 } from './rfc3464';
import { sendmail } from './sendmail';
import { yahoo } from './yahoo';

export const decoders: readonly Decoder[] = [
  arf,
  rfc3464,
  amazonSes,
  googleGroups,
  gmail,
  yahoo,
  aol,
  qmail,
  exim,
  sendmail,
  postfix,
  exchange,
  domino,
  dragonfly,
  opensmtpd,
  apacheJames,
  imail,
  autoReply,
  notABounce,
  plainText,
];

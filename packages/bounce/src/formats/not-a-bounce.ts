// Emails that arrive at a return path but report no failure: challenge-response systems asking the
// sender to prove they are human, and mailing-list subscription confirmations. Recognized so they
// are never read as bounces by the plain-text fallback; they yield no outcome.
import { headerOf, type Mail } from '../mail/mail';
import type { Decoder } from './decoder';

const subjectPhrases: readonly string[] = [
  'please confirm your',
  'confirm your subscription',
  'subscription confirmation',
  'confirm subscription',
  'please verify your',
  'verify your email',
  'challenge',
  'is awaiting your confirmation',
  'request to send email',
  'authorization required',
  'message held for moderation',
  'your message awaits moderator',
];

const bodyPhrases: readonly string[] = [
  'to confirm that you are a human',
  'spam protection system',
  'click the link below to confirm',
  'confirm your subscription',
  'to have your message delivered',
  'i use a challenge',
];

function recognize(mail: Mail): boolean {
  if (headerOf(mail, 'x-challenge') !== undefined || headerOf(mail, 'x-boxbe-challenge') !== undefined)
    return true;
  const subject = mail.subject.toLowerCase();
  for (const phrase of subjectPhrases) if (subject.includes(phrase)) return true;
  const head = mail.lines.slice(0, 40).join('\n').toLowerCase();
  for (const phrase of bodyPhrases) if (head.includes(phrase)) return true;
  return false;
}

export const notABounce: Decoder = {
  name: 'not-a-bounce',
  recognize,
  decode: () => ({ kind: 'not-a-bounce', recipients: [] }),
};

// Emails that arrive at a return path but report no failure: challenge-response systems asking the
// sender to prove they are human, and mailing-list subscription confirmations. Recognized so they
// are never read as bounces by the plain-text fallback; they yield no outcome.
import { headerOf, type Mail } from '../mail/mail';
import type { Decoder } from './decoder';
import { headOf } from './signature';

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
  'to have your address added', // Bluebottle: "…to the recipient's allowed list"
  // Boxbe and similar screening services: the message waits for the sender to join a guest list.
  'has been waitlisted',
  'add yourself to my',
];

/**
 * A challenge-response request by its headers or its own words. Some (Boxbe) come dressed as a DSN with
 * `Action: failed`, so the RFC 3464 decoder asks this first; the subject is not used here, since a
 * real DSN's subject may quote the original one.
 */
export function isChallenge(mail: Mail): boolean {
  if (headerOf(mail, 'x-challenge') !== undefined || headerOf(mail, 'x-boxbe-challenge') !== undefined)
    return true;
  const head = headOf(mail);
  for (const phrase of bodyPhrases) if (head.includes(phrase)) return true;
  return false;
}

function recognize(mail: Mail): boolean {
  const subject = mail.subject.toLowerCase();
  for (const phrase of subjectPhrases) if (subject.includes(phrase)) return true;
  return isChallenge(mail);
}

export const notABounce: Decoder = {
  name: 'not-a-bounce',
  recognize,
  decode: () => ({ kind: 'not-a-bounce', recipients: [] }),
};

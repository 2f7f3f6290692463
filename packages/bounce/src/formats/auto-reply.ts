// RFC 3834 automatic responses (§5: `Auto-Submitted: auto-replied`) and the vacation and
// out-of-office forms that do not say so (Microsoft's `X-Auto-Response-Suppress` + "Automatic
// reply:", `X-Autoreply`, `Precedence: auto_reply`, the usual subject prefixes). Never a bounce:
// the message reached a person who is away. Bounces also carry `Auto-Submitted: auto-replied`
// (RFC 3834 §3.1.7 asks MTAs to), so this decoder runs after every bounce format.
import { headerOf, type Mail } from '../mail/mail';
import type { Decoded, Decoder } from './decoder';
import { looksLikeReport } from './looks-like-bounce';

/** Subject openings of vacation replies in the languages seen in the corpus and in the wild (lowercase). */
const subjectPrefixes: readonly string[] = [
  'auto:',
  'automatic reply',
  'autoreply',
  'auto-reply',
  'auto reply',
  'auto response',
  'autoresponse',
  'out of office',
  'out of the office',
  'away until',
  'away from',
  'on vacation',
  'vacation',
  'abwesenheit',
  'automatische antwort',
  'réponse automatique',
  'respuesta automática',
  'resposta automática',
  'fuera de la oficina',
  'automatisch antwoord',
  'afwezig',
  'automatisk svar',
  'fuori sede',
  'risposta automatica',
  'absence',
  'automatyczna odpowied', // Polish, "[Automatyczna odpowiedź]" (wp.pl)
];

function looksAutomatic(mail: Mail): boolean {
  // Some put the prefix in brackets: `[Automatyczna odpowiedź] …`, `[Auto-Reply] …`.
  let subject = mail.subject.toLowerCase().trimStart();
  if (subject.startsWith('[')) subject = subject.slice(1);
  for (const prefix of subjectPrefixes) if (subject.startsWith(prefix)) return true;
  // A failure notice says Auto-Submitted too; only a person's mailbox answering is an auto-reply.
  if (looksLikeReport(mail)) return false;
  const submitted = headerOf(mail, 'auto-submitted')?.toLowerCase();
  if (submitted?.startsWith('auto-replied')) return true;
  if (headerOf(mail, 'x-autoreply') !== undefined || headerOf(mail, 'x-autorespond') !== undefined)
    return true;
  const precedence = headerOf(mail, 'precedence')?.toLowerCase();
  return precedence === 'auto_reply';
}

export const autoReply: Decoder = {
  name: 'rfc3834',
  recognize: looksAutomatic,
  decode(mail: Mail): Decoded | undefined {
    if (mail.from === '') return undefined;
    const context = mail.lines.find((line) => line.trim() !== '')?.trim();
    return {
      kind: 'auto-reply',
      recipients: [{ address: mail.from, ...(context ? { diagnostic: context } : {}) }],
    };
  },
};

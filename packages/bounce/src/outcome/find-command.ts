// The SMTP command a failure answered, from the words MTAs use around the reply. Core's parser
// already reads Postfix's `(in reply to RCPT TO command)` and Exim's `after RCPT TO:`; these are
// the others seen in the corpus. First phrase in this list found in the text wins.
import type { SmtpCommand } from '@mailverdict/core';

const phrases: readonly (readonly [string, SmtpCommand])[] = [
  // DragonFly Mail Agent: `… did not like our final DATA:` / `did not like our RCPT TO:`
  ['did not like our final data', 'END-OF-DATA'],
  ['did not like our rcpt', 'RCPT'],
  ['did not like our mail', 'MAIL'],
  // qmail-remote (qmail-remote.c): the stage in plain words
  ['failed after i sent the message', 'END-OF-DATA'],
  ['does not like recipient', 'RCPT'],
  ['but sender was rejected', 'MAIL'],
  ['but my name was rejected', 'EHLO'],
  ['but greeting failed', 'CONNECT'],
  // Sendmail transcripts: `>>> RCPT To:<a@b>` then `<<< 550 …`
  ['>>> data', 'DATA'],
  ['>>> rcpt to', 'RCPT'],
  ['>>> mail from', 'MAIL'],
  ['[rcpt_to]', 'RCPT'],
  ['[mail_from]', 'MAIL'],
  ['error following rcpt command', 'RCPT'],
  ['after rcpt command', 'RCPT'],
  ['after end of data', 'END-OF-DATA'],
  ['after rcpt to', 'RCPT'],
  ['after mail from', 'MAIL'],
  ['in reply to rcpt to', 'RCPT'],
  ['in reply to mail from', 'MAIL'],
  ['in reply to end of data', 'END-OF-DATA'],
  ['in reply to data', 'DATA'],
];

/** The command named in `lower` (lowercased text), if any. */
export function findCommand(lower: string): SmtpCommand | undefined {
  for (const [phrase, command] of phrases) if (lower.includes(phrase)) return command;
  return undefined;
}

import type { SmtpCommand } from '@mailverdict/core';

/**
 * nodemailer's `command` → core's SmtpCommand. nodemailer names the step in flight
 * (packages/nodemailer/PROVIDER.md §1): `CONN` is the connection and greeting, and `DATA` is used both for the reply to the DATA
 * command (`EENVELOPE`, "Data command failed") and for the reply after the message body
 * (`EMESSAGE`, "Message failed"), so the error code tells the two apart. `API` (local validation)
 * and `RSET` answer no SMTP stage a reply can be judged by.
 */
export function toSmtpCommand(command: unknown, code: unknown): SmtpCommand | undefined {
  if (typeof command !== 'string') return undefined;
  const upper = command.toUpperCase();
  if (upper === 'CONN') return 'CONNECT';
  if (upper === 'EHLO' || upper === 'HELO' || upper === 'LHLO') return 'EHLO';
  if (upper === 'STARTTLS') return 'STARTTLS';
  if (upper === 'AUTH' || upper.startsWith('AUTH ')) return 'AUTH';
  if (upper === 'MAIL FROM' || upper === 'MAIL') return 'MAIL';
  if (upper === 'RCPT TO' || upper === 'RCPT') return 'RCPT';
  if (upper === 'DATA') return code === 'EMESSAGE' ? 'END-OF-DATA' : 'DATA';
  return undefined;
}

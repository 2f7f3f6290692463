import type { SmtpCommand } from '@mailverdict/core';

/** Which MTA wrote the line. */
export type LogFormat = 'postfix' | 'exim' | 'sendmail';

/** What the MTA did with the recipients on this line. */
export type LogStatus =
  /** handed to the next hop (Postfix `status=sent`, Exim `=>` / `->`, Sendmail `stat=Sent`) */
  | 'sent'
  /** a transient failure; the MTA keeps the message and tries again */
  | 'deferred'
  /** given up: a bounce goes back to the sender (`status=bounced`, `**`, a 5.x.x `dsn=`) */
  | 'bounced'
  /** given up because it stayed in the queue too long (Postfix `status=expired`) */
  | 'expired';

/** One delivery attempt as a mail server's log records it. */
export interface LogEvent {
  readonly format: LogFormat;
  readonly status: LogStatus;
  /** The recipients the line is about (one for Postfix and Exim; Sendmail may list several). */
  readonly recipients: readonly string[];
  /** The MTA's queue id (`4XyZ1`, `1pB0xk-0001Zs-Ab`, `x0ABCD012345`). */
  readonly queueId?: string;
  /** The host that answered (`relay=`, Exim's `H=`). */
  readonly relay?: string;
  /** The enhanced status the MTA logged (`dsn=5.1.1`). */
  readonly dsn?: string;
  /**
   * The remote server's own reply, when the line quotes one (`said: …`, `SMTP error … after RCPT
   * TO:<…>: …`), as logged: Postfix joins a multi-line reply with spaces, Exim with a literal `\n`.
   */
  readonly reply?: string;
  /** The SMTP command that reply answered, when the line says. */
  readonly command?: SmtpCommand;
  /** The MTA's whole explanation (the text in parentheses, after `stat=`, or after Exim's router and transport). */
  readonly text: string;
}

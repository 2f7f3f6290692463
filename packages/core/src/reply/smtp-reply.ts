import type { SmtpCommand } from './smtp-command';

/** Where the enhanced status code was found. */
export type EnhancedSource =
  /** after the basic code at the start of the reply: `550 5.1.1 ...` */
  | 'prefix'
  /** inside the text: `(#5.7.1)`, `#5.1.0`, `[5.7.1]` */
  | 'text'
  /** qmail's `(554.30)`-style basic code + detail: `554 30 ... (554.30)` */
  | 'qmail';

/** A wrapper that held the reply: a DSN field, a client library's message, an MTA log line. */
export type ReplyWrapper =
  | 'dsn-diagnostic-code'
  | 'postmark-details'
  | 'nodemailer'
  | 'postfix-log'
  | 'exim-log'
  | 'exchange'
  | 'nested';

/** An RFC 3463 enhanced status code, validated: class 2, 4 or 5; subject and detail 1–3 digits, no leading zeros. */
export interface EnhancedStatus {
  /** `"5.1.1"` */
  readonly code: string;
  readonly class: 2 | 4 | 5;
  readonly subject: number;
  readonly detail: number;
  readonly source: EnhancedSource;
}

/**
 * One SMTP reply, parsed. Absent parts are `undefined`, never sentinel numbers.
 */
export interface SmtpReply {
  /** Basic reply code (`550`), when one was found. Non-standard codes such as 422 or 571 are kept as given. */
  readonly code?: number;
  /** Enhanced status code, when one was found. */
  readonly enhanced?: EnhancedStatus;
  /** True when the enhanced class disagrees with the basic code's first digit (`421 5.7.32`, `550 4.4.7`). */
  readonly classMismatch: boolean;
  /** The text lines without their code prefixes (continuation markers and repeated enhanced codes stripped). */
  readonly lines: readonly string[];
  /** All lines joined on one line, whitespace collapsed: the string rules match against. Case is kept. */
  readonly text: string;
  /** The SMTP command the reply answered, when the wrapper says (`in reply to RCPT TO command`). */
  readonly command?: SmtpCommand;
  /** The wrapper the reply was found in, when there was one. */
  readonly wrapper?: ReplyWrapper;
  /** A reply nested inside this one's text (`-> 550 ...`, `<421 4.4.2 ...>`), parsed. */
  readonly inner?: SmtpReply;
  /** The input, exactly as given. */
  readonly raw: string;
}

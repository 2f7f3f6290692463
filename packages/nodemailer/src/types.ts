import type { DeliveryEvent } from '@mailverdict/core';
import type { UnreadableOptions } from '@mailverdict/core/adapter';

/** Every outcome's `provider`: nodemailer speaks SMTP, so outcomes say `smtp`. and rule ids `smtp:<what>`. */
export const provider = 'smtp';

/** How this adapter reports input it cannot read, for core's `convertSafely` and `unreadable`. */
export function unreadableInput(event: DeliveryEvent): UnreadableOptions {
  return { provider, event, rule: `${provider}:unreadable`, scope: 'message' };
}

// Small structural descriptions of the nodemailer objects this adapter reads, so that users do not
// need nodemailer's types (or nodemailer itself) to compile. Field meanings: nodemailer 10.6.1
// `errors.d.ts`, `smtp-connection/index.d.ts`, `mailer/index.d.ts` (packages/nodemailer/PROVIDER.md §1–§2).

/** An address as nodemailer accepts it: `"a@example.org"`, `"Ann <a@example.org>"`, `{ name, address }`. */
export type AddressLike = string | { readonly name?: string; readonly address?: string };

/** Recipients as nodemailer accepts them: one address, a comma-separated list, or an array of either. */
export type RecipientsLike = AddressLike | readonly AddressLike[];

/** The error nodemailer rejects with (`NodemailerError`); every field optional. */
export interface NodemailerErrorLike {
  readonly message?: string;
  readonly name?: string;
  /** `EENVELOPE`, `EMESSAGE`, `ECONNECTION`, `ETIMEDOUT`, `ESOCKET`, `EDNS`, `EAUTH`, `EPROTOCOL`, … */
  readonly code?: string;
  /** The raw SMTP reply; multi-line replies joined with `\n`, every line keeping its `550-` prefix. */
  readonly response?: string;
  readonly responseCode?: number;
  /** nodemailer's own label: the reply class only (5xx except 503). Evidence, not the verdict. */
  readonly permanent?: boolean;
  /** `CONN`, `EHLO`, `STARTTLS`, `AUTH PLAIN`, `MAIL FROM`, `RCPT TO`, `DATA`, `RSET`, `API`, … */
  readonly command?: string;
  readonly recipient?: string;
  readonly rejected?: readonly string[];
  readonly rejectedErrors?: readonly NodemailerErrorLike[];
  /** Node's own code before nodemailer replaced it (`ECONNREFUSED`, `ENOTFOUND`, …). */
  readonly originalCode?: string;
  readonly timeoutType?: string;
  readonly errno?: number;
  readonly syscall?: string;
  readonly address?: string;
  readonly port?: number;
  readonly hostname?: string;
}

/** What `sendMail` resolves with (`SMTPSentMessageInfo`). */
export interface NodemailerInfoLike {
  readonly accepted?: readonly AddressLike[];
  readonly rejected?: readonly AddressLike[];
  /** Present only when non-empty: one error per rejected recipient. */
  readonly rejectedErrors?: readonly NodemailerErrorLike[];
  /** Typed by nodemailer for LMTP but never set by its SMTP code; read when present. */
  readonly pending?: readonly AddressLike[];
  /** The final reply to the message body, e.g. `250 2.0.0 OK queued as 4XyZ1`. */
  readonly response?: string;
  readonly envelope?: { readonly from?: string | false; readonly to?: readonly string[] };
  readonly messageId?: string;
  /** (10.2+) The Message-ID the server assigned (Microsoft 365, Amazon SES). */
  readonly serverMessageId?: string;
}

/** The mail options given to `sendMail`: only the recipient fields are read. */
export interface MailLike {
  readonly to?: RecipientsLike;
  readonly cc?: RecipientsLike;
  readonly bcc?: RecipientsLike;
  /** When set, nodemailer sends to `envelope.to` instead of to/cc/bcc. */
  readonly envelope?: { readonly to?: RecipientsLike };
  readonly messageId?: string;
}

/** A nodemailer transporter (`nodemailer.createTransport(...)`), or anything with the same `sendMail`. */
/**
 * A nodemailer transport: `sendMail(mail, callback)` (every nodemailer version), or a `sendMail(mail)` that
 * returns a promise of the info (nodemailer without a callback, or a test double).
 */
export interface TransportLike {
  // biome-ignore lint/suspicious/noExplicitAny: nodemailer's own signature is `(mail, callback)`; the options type is the user's.
  sendMail(mail: any, callback: (error: Error | null, info: any) => void): unknown;
}

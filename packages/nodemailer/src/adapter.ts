// The one adapter object of this package, in the shape every mailverdict provider package exports
// (`ProviderAdapter`, `@mailverdict/core/adapter`).
import { listRecipients, type ProviderAdapter, type SendContext } from '@mailverdict/core/adapter';
import { fromNodemailerError } from './error';
import { fromNodemailerInfo } from './response';
import { type MailLike, provider } from './types';
import { fromNodemailerWebhook } from './webhook';

/** What nodemailer's adapter reads about the send: the recipients (`to`), or the mail options you sent. */
export interface NodemailerSendContext extends SendContext {
  /** The mail options passed to `sendMail` (its envelope or To/Cc/Bcc name the recipients). */
  readonly mail?: MailLike;
}

/**
 * nodemailer (SMTP): `fromError` reads a nodemailer error, `fromResponse` the info `sendMail` resolved with
 * (accepted and rejected recipients), `fromWebhook` answers that SMTP has no webhooks. Outcomes say `smtp`.
 */
export const nodemailerAdapter = {
  provider,
  fromError: (error, context) => {
    if (context?.mail !== undefined) return fromNodemailerError(error, context.mail);
    const to = context === undefined ? [] : listRecipients(context, 'nodemailerAdapter.fromError');
    return fromNodemailerError(error, to.length === 0 ? undefined : { to });
  },
  fromResponse: (result) => fromNodemailerInfo(result),
  fromWebhook: fromNodemailerWebhook,
} as const satisfies ProviderAdapter<never, NodemailerSendContext>;

import type { DeliveryOutcome } from '@mailverdict/core';
import { markInDoubt } from '@mailverdict/core/adapter';
import { bodySent, sendKey, watchBodies } from './body-sent';
import { fromNodemailerError } from './error';
import { fromNodemailerInfo } from './response';
import type { MailLike, NodemailerInfoLike, TransportLike } from './types';

export interface SendResult<Info = NodemailerInfoLike> {
  /** What nodemailer resolved with; absent when the send failed. */
  readonly info?: Info;
  /** One outcome per recipient: accepted, rejected, or failed with the reason. */
  readonly outcomes: DeliveryOutcome[];
}

/**
 * Sends `mail` with a nodemailer transport and resolves with the outcome per recipient. A delivery
 * failure (a refused recipient, a 5xx, a timeout, a refused connection) resolves too: it is in
 * `outcomes`. Only programmer errors throw (TypeError): no transport, or `mail` not an object.
 *
 * A failure without a reply after the body was sent (the connection dropped or timed out after the
 * final `.`) is marked in doubt (`isInDoubt` of `@mailverdict/core/adapter`): the server may have
 * taken the message, so it must not be sent again blindly. To see the body go out, `sendMail` adds a
 * pass-through `stream` plugin to a nodemailer transport once (packages/nodemailer/PROVIDER.md §7).
 */
export async function sendMail<Mail extends MailLike, Info = NodemailerInfoLike>(
  transport: TransportLike,
  mail: Mail,
): Promise<SendResult<Info>> {
  if (typeof transport !== 'object' || transport === null || typeof transport.sendMail !== 'function') {
    throw new TypeError('sendMail: `transport` must be a nodemailer transport (an object with `sendMail`)');
  }
  if (typeof mail !== 'object' || mail === null || Array.isArray(mail)) {
    throw new TypeError('sendMail: `mail` must be the mail options object');
  }
  const key = watchBodies(transport) ? sendKey((mail as { headers?: unknown }).headers) : undefined;
  const sent = key === undefined ? mail : { ...mail, headers: key };
  // The callback form works with every nodemailer version and with promise-less custom transports; a transport
  // whose `sendMail` ignores the callback and returns a promise (`{ sendMail: async () => info }`) settles through
  // that promise instead. Whichever answers first counts.
  const settled = await new Promise<{ ok: true; info: Info } | { ok: false; error: unknown }>((resolve) => {
    // A synchronous throw is not a delivery failure: it rejects this promise (a programmer error).
    const returned = transport.sendMail(sent, (error, info) => {
      resolve(error ? { ok: false, error } : { ok: true, info: info as Info });
    });
    if (isThenable(returned)) {
      returned.then(
        (info) => resolve({ ok: true, info: info as Info }),
        (error: unknown) => resolve({ ok: false, error }),
      );
    }
  });
  if (settled.ok) return { info: settled.info, outcomes: fromNodemailerInfo(settled.info) };
  const outcomes = fromNodemailerError(settled.error, mail);
  if (key === undefined || !bodySent(key)) return { outcomes };
  // No reply after the body: only outcomes without a reply of their own are in doubt (a recipient
  // refused at RCPT was answered).
  return {
    outcomes: outcomes.map((outcome) => (outcome.reply === undefined ? markInDoubt(outcome) : outcome)),
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

import { localPartOf } from '../local-part';
import type { SmtpContext, SmtpScript } from '../smtp-script';

export interface GreylistingOptions {
  /**
   * How long (ms, on the server clock — `startFakeSmtp`'s `now`) a triplet must wait after its first attempt
   * before it is accepted. Default 300 000 (5 minutes, postgrey's default `--delay=300`).
   */
  readonly delayMs?: number;
  /** Local parts never greylisted (e.g. `['postmaster']`); matched exactly, case-insensitively. */
  readonly exempt?: readonly string[];
}

export interface GreylistingPersona {
  readonly name: 'greylisting';
  readonly script: SmtpScript;
  /** The reply for a greylisted triplet. */
  readonly reply: (recipient: string) => string;
  /** First-seen time (server clock) per triplet key `client-ip|sender|recipient`. */
  readonly triplets: ReadonlyMap<string, number>;
}

/**
 * The reply Postfix sends for postgrey (http://postgrey.schweikert.ch, default `--greylist-text`
 * "Greylisted, see http://postgrey.schweikert.ch/help/%r.html"; Postfix prefixes `450 4.2.0 <rcpt>: Recipient
 * address rejected:`). packages/nodemailer/PROVIDER.md §4 uses the same `450 4.2.0 … Greylisted` form for its greylist row.
 */
export function greylistReply(recipient: string): string {
  const at = recipient.lastIndexOf('@');
  const domain = at >= 0 ? recipient.slice(at + 1) : recipient;
  return `450 4.2.0 <${recipient}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/${domain}.html`;
}

function tripletKey(context: SmtpContext): string {
  return `${context.remoteAddress}|${(context.from ?? '').toLowerCase()}|${(context.recipient ?? '').toLowerCase()}`;
}

/**
 * A greylisting MX: the first attempt for each (client IP, sender, recipient) triplet gets `450 4.2.0 …
 * Greylisted`; attempts before `delayMs` has passed get it again; later attempts are accepted, and the triplet
 * stays accepted (postgrey's behaviour). Time is the server clock, so a simulated clock plays it out instantly.
 */
export function greylisting(options: GreylistingOptions = {}): GreylistingPersona {
  const delayMs = options.delayMs ?? 300_000;
  if (!(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new TypeError('greylisting: `delayMs` must be a number of milliseconds ≥ 0');
  }
  const exempt = new Set((options.exempt ?? []).map((local) => local.toLowerCase()));
  const triplets = new Map<string, number>();
  return {
    name: 'greylisting',
    reply: greylistReply,
    triplets,
    script: {
      rcpt: (context) => {
        const recipient = context.recipient ?? '';
        if (exempt.has(localPartOf(recipient))) return undefined;
        const key = tripletKey(context);
        const firstSeen = triplets.get(key);
        if (firstSeen === undefined) {
          triplets.set(key, context.now);
          return greylistReply(recipient);
        }
        return context.now - firstSeen >= delayMs ? '250 2.1.5 Ok' : greylistReply(recipient);
      },
    },
  };
}

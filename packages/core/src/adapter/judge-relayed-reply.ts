import { classify } from '../classify/classify';
import { parseReply } from '../reply/parse-reply';
import type { SmtpReply } from '../reply/smtp-reply';
import { createVerdict, type VerdictOptions } from '../verdict/create-verdict';
import type { Category } from '../verdict/taxonomy';
import type { Verdict } from '../verdict/verdict';
import { addressDomain } from './address-domain';

/** The verdict on a relayed reply, with the parsed reply when there was text. */
export interface RelayedJudgement {
  readonly reply?: SmtpReply;
  readonly verdict: Verdict;
}

/** What the provider's own label says (`Permanent/NoEmail`, `bounce_classification`), used when the SMTP text says nothing. */
export interface ProviderFallback {
  readonly category: Category;
  readonly options?: VerdictOptions;
}

/**
 * Classifies the SMTP text a provider relayed (`smtp; 550 5.1.1 …`, `421 4.7.0 …`) for `recipient`; when there is
 * no text, or the classifier finds nothing (`unknown`), the provider's label (`fallback`) decides. The parsed
 * reply is kept either way. Never throws on a string.
 */
export function judgeRelayedReply(
  text: string | undefined,
  recipient: string | undefined,
  fallback: ProviderFallback,
): RelayedJudgement {
  const reply = typeof text !== 'string' || text.trim() === '' ? undefined : parseReply(text);
  if (reply !== undefined) {
    const destination = addressDomain(recipient);
    const verdict = classify(reply, destination === undefined ? {} : { destination });
    if (verdict.category !== 'unknown') return { reply, verdict };
  }
  const verdict = createVerdict(fallback.category, {
    ...fallback.options,
    ...(reply === undefined ? {} : { reply }),
  });
  return reply === undefined ? { verdict } : { reply, verdict };
}

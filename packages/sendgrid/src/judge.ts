import {
  type Category,
  classify,
  createVerdict,
  parseReply,
  type SmtpReply,
  type Verdict,
  type VerdictOptions,
} from '@mailverdict/core';
import { domainOf } from './read';

export interface Judgement {
  readonly reply?: SmtpReply;
  readonly verdict: Verdict;
}

/** What the provider's own label says, used when the SMTP text says nothing the classifier knows. */
export interface Fallback {
  readonly category: Category;
  readonly options?: VerdictOptions;
}

/**
 * Classifies the SMTP text a provider relayed (`smtp; 550 5.1.1 …`, `421 4.7.0 …`) with core; when there is
 * no text, or core finds nothing (`unknown`), the provider's label decides. The reply is kept either way.
 */
export function judgeSmtp(
  text: string | undefined,
  recipient: string | undefined,
  fallback: Fallback,
): Judgement {
  const reply = text === undefined || text.trim() === '' ? undefined : parseReply(text);
  if (reply !== undefined) {
    const destination = domainOf(recipient);
    const verdict = classify(reply, destination === undefined ? {} : { destination });
    if (verdict.category !== 'unknown') return { reply, verdict };
  }
  const verdict = createVerdict(fallback.category, {
    ...fallback.options,
    ...(reply === undefined ? {} : { reply }),
  });
  return reply === undefined ? { verdict } : { reply, verdict };
}

// Test helper: a verdict built from the taxonomy defaults of its category (category-defaults.ts),
// with overrides. Kept local so the retry and throttle tests do not depend on the classifier's work.

import type { SmtpReply } from '../reply/smtp-reply';
import type { Category } from '../verdict/taxonomy';
import { categoryDefaults } from '../verdict/taxonomy';
import type { RetryAdvice, Verdict } from '../verdict/verdict';

export interface VerdictOverrides extends Partial<Omit<Verdict, 'retry'>> {
  readonly retry?: Partial<RetryAdvice>;
}

export function makeVerdict(category: Category, overrides: VerdictOverrides = {}): Verdict {
  const defaults = categoryDefaults[category];
  const permanence = overrides.permanence ?? defaults.permanence;
  const { retry, ...rest } = overrides;
  // As the taxonomy's defaults mean them (category-defaults.ts): suppression and a required change
  // apply only when the failure is not transient — a retry that can pass needs no change.
  const settled = permanence !== 'transient';
  const changeRequired = defaults.changeRequired && settled;
  return {
    category,
    permanence,
    scope: defaults.scope,
    suppressRecipient: defaults.suppressRecipient && settled,
    rule: `test:${category}`,
    confidence: 1,
    summary: `A ${category} verdict for tests.`,
    ...rest,
    retry: {
      allowed: permanence === 'transient' && !changeRequired,
      changeRequired,
      ...retry,
    },
  };
}

/** A parsed reply, enough for the shaping rules: code, enhanced code and text. */
export function makeReply(raw: string): SmtpReply {
  const match = /^(\d{3})[ -](?:(\d\.\d{1,3}\.\d{1,3}) )?(.*)$/.exec(raw);
  if (match === null) return { classMismatch: false, lines: [raw], text: raw, raw };
  const code = Number(match[1]);
  const enhancedCode = match[2];
  const text = match[3] ?? '';
  const enhanced =
    enhancedCode === undefined
      ? undefined
      : {
          code: enhancedCode,
          class: Number(enhancedCode[0]) as 2 | 4 | 5,
          subject: Number(enhancedCode.split('.')[1]),
          detail: Number(enhancedCode.split('.')[2]),
          source: 'prefix' as const,
        };
  return {
    code,
    ...(enhanced === undefined ? {} : { enhanced }),
    classMismatch: false,
    lines: [text],
    text,
    raw,
  };
}

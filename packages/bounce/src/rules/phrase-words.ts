// A cheap first look before a full classification with one of our rule sets: a rule applies only
// when one of its phrases occurs in the text, and a phrase occurs only when its longest word does.
// Most diagnostics hold none of those words, and then core's classifier (which reads the reply
// through every built-in layer as well) need not run at all.
import type { Rule } from '@mailverdict/core';

/** The longest word of each phrase of `rules` (lowercase); undefined when a rule has no phrase to look for. */
export function phraseWords(rules: readonly Rule[]): readonly string[] | undefined {
  const words = new Set<string>();
  for (const rule of rules) {
    if (rule.phrases === undefined || rule.phrases.length === 0) return undefined;
    for (const phrase of rule.phrases) {
      let longest = '';
      for (const word of phrase.toLowerCase().split(/\s+/)) if (word.length > longest.length) longest = word;
      words.add(longest);
    }
  }
  return [...words];
}

/** Whether `text` holds one of `words` (case-insensitively); always true without a word list. */
export function mayApply(words: readonly string[] | undefined, text: string): boolean {
  if (words === undefined) return true;
  const lower = text.toLowerCase();
  for (const word of words) if (lower.includes(word)) return true;
  return false;
}

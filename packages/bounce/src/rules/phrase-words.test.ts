import { describe, expect, it } from 'vitest';
import { bounceWordingRules } from './bounce-wording';
import { mtaWordingRules } from './mta-wording';
import { mayApply, phraseWords } from './phrase-words';

describe('the first look before our own rule sets', () => {
  it('lets through every rule’s example, in any case and across line breaks', () => {
    for (const rules of [mtaWordingRules, bounceWordingRules]) {
      const words = phraseWords(rules);
      expect(words).toBeDefined();
      for (const rule of rules) {
        const example = String(rule.example);
        expect(mayApply(words, example), rule.id).toBe(true);
        expect(mayApply(words, example.toUpperCase().replace(/ /g, '\n ')), rule.id).toBe(true);
      }
    }
  });

  it('stops a text that holds none of the words', () => {
    expect(mayApply(phraseWords(mtaWordingRules), '550 5.7.1 Message rejected as spam')).toBe(false);
  });

  it('always looks when a rule has no phrase to look for', () => {
    const words = phraseWords([{ id: 'x:codes', category: 'policy', codes: [550] }]);
    expect(words).toBeUndefined();
    expect(mayApply(words, 'anything')).toBe(true);
  });
});

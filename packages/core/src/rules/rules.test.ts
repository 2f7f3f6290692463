import { describe, expect, it } from 'vitest';
import { createClassifier } from '../classify/classify';
import { compileRules } from '../classify/compile-rules';
import { enhancedStatusRegistry } from '../reply/generated/enhanced-status-codes';
import { blocklists } from '../verdict/blocklists';
import { isMailboxProvider } from '../verdict/mailbox-provider';
import { categories } from '../verdict/taxonomy';
import { coveredEnhancedCodes, enhancedCodeRules } from './enhanced-codes';
import { builtInLayers, providerSignatures } from './index';

const classifier = createClassifier();
const allRules = builtInLayers.flatMap((layer) => layer.rules);

describe('the rule database', () => {
  it('compiles: every rule is valid and every id is unique', () => {
    expect(() => compileRules(builtInLayers, providerSignatures)).not.toThrow();
    expect(new Set(allRules.map((rule) => rule.id)).size).toBe(allRules.length);
  });

  it.each(allRules.map((rule) => [rule.id, rule] as const))('%s decides its own example', (_id, rule) => {
    const command = rule.commands?.[0];
    expect(rule.example, rule.id).toBeTypeOf('string');
    const verdict = classifier.classify(
      rule.example as string,
      command === undefined ? undefined : { command },
    );
    expect(verdict.rule).toBe(rule.id);
    expect(verdict.category).toBe(rule.category);
  });

  it('has at least one rule for every category', () => {
    // `accepted` is an ESP's or relay's word about its own queue, never a reply text: adapters make it
    const covered = new Set([...allRules.map((rule) => rule.category), 'accepted']);
    // `network` comes from adapters too, but the text layer must also know it
    expect(categories.filter((category) => !covered.has(category))).toEqual([]);
  });

  it('names only providers and block lists that exist', () => {
    for (const rule of allRules) {
      if (rule.provider !== undefined) expect(isMailboxProvider(rule.provider), rule.id).toBe(true);
    }
    for (const signature of providerSignatures) expect(isMailboxProvider(signature.provider)).toBe(true);
    for (const list of blocklists) {
      if (list.provider !== undefined) expect(isMailboxProvider(list.provider), list.id).toBe(true);
    }
  });

  it('maps every IANA enhanced status code, for every class it is defined in', () => {
    const keys = Object.keys(enhancedStatusRegistry);
    expect(keys.length).toBe(81);
    for (const key of keys) {
      expect(coveredEnhancedCodes.has(`X.${key}`), `X.${key}`).toBe(true);
      for (const digit of enhancedStatusRegistry[key]!.classes) {
        const code = `${digit}.${key}`;
        expect(
          enhancedCodeRules.some((rule) => rule.enhanced?.includes(code)),
          code,
        ).toBe(true);
      }
    }
  });

  it('keeps phrases lowercase (they are matched case-insensitively)', () => {
    for (const rule of allRules) {
      for (const phrase of [...(rule.phrases ?? []), ...(rule.also ?? []), ...(rule.unless ?? [])]) {
        expect(phrase, rule.id).toBe(phrase.toLowerCase());
      }
    }
  });

  it('gives every rule a source and every override a reason', () => {
    for (const rule of allRules) {
      expect(rule.source?.length, rule.id).toBeGreaterThan(0);
      const overrides =
        rule.permanence !== undefined ||
        rule.scope !== undefined ||
        rule.suppressRecipient !== undefined ||
        rule.changeRequired !== undefined ||
        rule.afterMs !== undefined;
      if (overrides) expect(rule.reason, rule.id).toBeTypeOf('string');
    }
  });
});

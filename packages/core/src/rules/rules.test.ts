import { describe, expect, it } from 'vitest';
import { createClassifier } from '../classify/classify';
import { compileRules, validateRule } from '../classify/compile-rules';
import { enhancedStatusRegistry } from '../reply/generated/enhanced-status-codes';
import { blocklists } from '../verdict/blocklists';
import { isMailboxProvider } from '../verdict/mailbox-provider';
import { categories, categoryDefaults } from '../verdict/taxonomy';
import { coveredEnhancedCodes, enhancedCodeRules } from './enhanced-codes';
import { builtInLayers, providerSignatures, type Rule, recipientWords } from './index';

const classifier = createClassifier();
const allRules = builtInLayers.flatMap((layer) => layer.rules);
/** A rule with only these keys applies wherever one of its phrases occurs. */
const alwaysApplies = new Set([
  'id',
  'category',
  'phrases',
  'provider',
  'blocklist',
  'permanence',
  'scope',
  'suppressRecipient',
  'changeRequired',
  'afterMs',
  'reason',
  'summary',
  'confidence',
  'example',
  'source',
]);

describe('the rule database', () => {
  it('compiles: every rule is valid and every id is unique', () => {
    for (const rule of allRules) expect(() => validateRule(rule, false), rule.id).not.toThrow();
    expect(() => compileRules(builtInLayers, providerSignatures, recipientWords)).not.toThrow();
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

  it('lists no phrase that another phrase of the same list already finds (it could never decide)', () => {
    const redundant: string[] = [];
    for (const rule of allRules) {
      for (const list of [rule.phrases, rule.also, rule.unless]) {
        if (list === undefined) continue;
        list.forEach((phrase, index) => {
          const covered = list.some(
            (other, at) => at !== index && phrase.includes(other) && (other !== phrase || at < index),
          );
          if (covered) redundant.push(`${rule.id}: ${phrase}`);
        });
      }
    }
    expect(redundant).toEqual([]);
  });

  it('lists no phrase an earlier rule that always applies would decide first (it could never decide)', () => {
    // precedence is the order of allRules; a 2xx reply skips failure rules, so only like shadows like
    const success = (rule: Rule) => categoryDefaults[rule.category].permanence === 'success';
    const shadowed: string[] = [];
    allRules.forEach((rule, at) => {
      for (const phrase of rule.phrases ?? []) {
        const earlier = allRules
          .slice(0, at)
          .find(
            (other) =>
              Object.keys(other).every((key) => alwaysApplies.has(key)) &&
              success(other) === success(rule) &&
              other.phrases?.some((found) => phrase.includes(found)),
          );
        if (earlier !== undefined) shadowed.push(`${rule.id}: ${phrase} (${earlier.id})`);
      }
    });
    expect(shadowed).toEqual([]);
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../classify/classify';
import { categoryDefaults } from '../verdict/taxonomy';
import { builtInLayers } from './index';

// Issue 14: suppressRecipient only with recipient evidence. A rule's scope and suppression are its
// own overrides or its category's defaults (category-defaults.ts), exactly as the verdict gets them.
const rules = builtInLayers.flatMap((layer) => layer.rules.map((rule) => ({ layer: layer.name, rule })));
const effective = rules.map(({ layer, rule }) => ({
  layer,
  id: rule.id,
  scope: rule.scope ?? categoryDefaults[rule.category].scope,
  suppress: rule.suppressRecipient ?? categoryDefaults[rule.category].suppressRecipient,
}));

describe('suppression users can trust', () => {
  it('no rule of scope sender, destination, provider or message suppresses the recipient', () => {
    const offenders = effective.filter(
      (rule) => rule.suppress && ['sender', 'destination', 'provider', 'message'].includes(rule.scope),
    );
    expect(offenders.map((rule) => rule.id)).toEqual([]);
  });

  it('every suppressing rule is a recipient rule (or a complaint, which is the recipient asking)', () => {
    for (const rule of effective.filter((item) => item.suppress)) {
      expect(['recipient', 'none'], rule.id).toContain(rule.scope);
    }
  });

  it('a bare basic code or reply class never suppresses', () => {
    const offenders = effective.filter(
      (rule) => rule.suppress && (rule.layer === 'basic-code' || rule.layer === 'class'),
    );
    expect(offenders.map((rule) => rule.id)).toEqual([]);
  });

  it('any verdict that suppresses is about the recipient, whatever the reply', () => {
    const codes = fc.constantFrom('450', '451', '452', '550', '551', '552', '553', '554', '521', '556');
    const enhanced = fc.constantFrom(
      '',
      '5.1.1 ',
      '5.2.1 ',
      '5.7.1 ',
      '5.1.10 ',
      '4.2.2 ',
      '5.4.1 ',
      '5.1.8 ',
    );
    const words = fc.constantFrom(
      'user unknown',
      'mailbox unavailable',
      'access denied',
      'blocked using zen.spamhaus.org',
      'your account is disabled',
      'domain not found',
      'sender address rejected',
      'rate limited',
      'mailbox full',
      'Requested action not taken',
      '__proto__',
      'constructor',
    );
    fc.assert(
      fc.property(
        codes,
        enhanced,
        fc.array(words, { maxLength: 4 }),
        fc.string(),
        (code, status, parts, noise) => {
          const verdict = classify(`${code} ${status}${parts.join(': ')} ${noise}`);
          if (verdict.suppressRecipient) {
            expect(['recipient', 'none']).toContain(verdict.scope);
            expect(verdict.rule.startsWith('basic:') || verdict.rule.startsWith('class:')).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a bare 5xx with no words about the mailbox never suppresses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 500, max: 599 }), (code) => {
        expect(classify(`${code}`).suppressRecipient).toBe(false);
        expect(classify(`${code} Requested action not taken`).suppressRecipient).toBe(false);
      }),
    );
  });
});

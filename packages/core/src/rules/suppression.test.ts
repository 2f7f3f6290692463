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

  describe('a recipient code alone (5.1.1, 5.2.1) is recipient evidence only at the recipient stage', () => {
    it('suppresses an answer to RCPT', () => {
      const verdict = classify('550 5.1.1 <jane@example.org>', { command: 'RCPT' });
      expect(verdict).toMatchObject({ category: 'mailbox-unknown', suppressRecipient: true });
    });

    it('suppresses off the recipient stage when the words are about the mailbox', () => {
      expect(classify('550 5.1.1 <jane@example.org>: no such mailbox here').suppressRecipient).toBe(true);
      expect(
        classify("Sorry, I couldn't find any host named example.invalid. (#5.1.2)").suppressRecipient,
      ).toBe(true);
    });

    it('keeps the category but does not suppress when the words are about something else', () => {
      // real replies: ZeptoMail's 5.2.1 for a missing subject; Apple's relay naming our envelope sender
      const subject = classify('5.2.1 Subject is Mandatory.');
      expect(subject).toMatchObject({ category: 'mailbox-disabled', suppressRecipient: false });
      expect(classify('550 5.1.1 <jane@example.org>').suppressRecipient).toBe(false);
      expect(classify('550 5.1.1 <jane@example.org>', { command: 'DATA' }).suppressRecipient).toBe(false);
      expect(classify('550 5.1.1 <bounces@example.net>: unknown sender address').suppressRecipient).toBe(
        false,
      );
    });

    it('holds whatever text follows the code, when the stage is unknown', () => {
      const status = fc.constantFrom('5.1.1', '5.1.2', '5.1.10', '5.2.1', '5.1.6');
      const unrelated = fc.constantFrom(
        'Subject is Mandatory.',
        'message rejected',
        'try later',
        '__proto__',
        '',
      );
      fc.assert(
        fc.property(status, unrelated, (code, words) => {
          expect(classify(`550 ${code} ${words}`).suppressRecipient).toBe(false);
        }),
      );
    });
  });
});

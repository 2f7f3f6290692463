import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../classify/classify';
import { cueRules } from './cues';

// The cue layer reads the vocabulary of replies no known wording matched. Written here as servers
// word things, not copied from the labelled corpus.
const cases: readonly [reply: string, category: string][] = [
  ['550 The mailbox of that person is not known on this host', 'mailbox-unknown'],
  ['550 destination account unrecognised', 'mailbox-unknown'],
  ['451 Requested action aborted: database unreachable', 'server-error'],
  ['421 Service at capacity, come back in a few minutes', 'server-busy'],
  ['554 We will not relay this for you', 'relay-denied'],
  ['550 Message oversize', 'message-too-large'],
  ['550 Error: subject missing', 'message-format'],
  ['550 we do not accept from this sender', 'sender-rejected'],
  ['503 sender already given', 'protocol'],
  ['501 Syntax: MAIL FROM:<address>', 'protocol'],
  ['550 Forbidden', 'policy'],
];

describe('the cue layer', () => {
  it.each(cases)('%s → %s', (reply, category) => {
    const verdict = classify(reply);
    expect(verdict.rule.startsWith('cue:'), verdict.rule).toBe(true);
    expect(verdict.category).toBe(category);
  });

  it('never suppresses the recipient, whatever words and codes it reads', () => {
    const words = cueRules.flatMap((rule) => [...(rule.phrases ?? []), ...(rule.also ?? [])]);
    const code = fc.constantFrom('', '450 ', '550 ', '552 ', '554 ', '553 5.0.0 ', '421 4.3.0 ');
    const hostile = fc.constantFrom('__proto__', 'constructor', 'toString', '\u0000', 'ünïcödé');
    fc.assert(
      fc.property(
        code,
        fc.array(fc.oneof(fc.constantFrom(...words), hostile, fc.string()), { maxLength: 5 }),
        (prefix, parts) => {
          const verdict = classify(`${prefix}${parts.join(' ')}`);
          if (verdict.rule.startsWith('cue:')) expect(verdict.suppressRecipient).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves a reply whose words it does not know to the basic code', () => {
    expect(classify('550 Kein Zutritt').rule).toBe('basic:550');
    expect(classify('421 mx.example.net').rule).toBe('basic:421');
  });
});

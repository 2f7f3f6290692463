import { describe, expect, it } from 'vitest';
import { hostileInput, measureLinearTime } from '../__fixtures__/linear-time';
import { parseReply } from './parse-reply';

// Hostile inputs built to trip a backtracking or rescanning parser: each is a repeated unit, so
// 1 MB is ten times 100 KB. A linear parser takes about ten times longer; a quadratic one ~100×.
// Units that produce many lines make the parser build a fresh ~1 MB `text`; V8 allocates strings
// that large outside the young generation, and creating one costs ~5 ns/char from 1 MB upwards
// against ~0.7 ns/char at 100 KB (measured on this machine with `Array#join` and `replaceAll`
// alone), so those units sit near 20 rather than 10 — still far from the ~100 of a quadratic parse.
// Their lines are ~100 characters so that the array of lines does not dominate as well.
const units: [string, string, string][] = [
  ['digits', '', '5'],
  ['dashes', '550', '-'],
  ['code-dash runs', '', '550-'],
  ['dotted fives', '550 ', '5.5.5.'],
  ['nested angle brackets', '550 x ', '<'],
  ['nested replies in angle brackets', '550 x ', '<421 '],
  ['arrows', '550 x ', '-> '],
  ['arrows to replies', '550 x ', '-> 550 '],
  ['diagnostic types', '', 'smtp; '],
  ['Postfix said', 'host x said: ', 'said: 550 '],
  ['Exim colons', 'SMTP error from remote mail server after ', 'RCPT TO:<a@b>: x'],
  ['inline continuations', '550 5.1.1 a', ` 550 5.1.1 ${'b'.repeat(90)}`],
  ['lines', '', `550-5.1.1 ${'a'.repeat(90)}\n`],
  ['CR lines', '', '550-\r'],
  ['blank runs', '550 a', '  \t '],
  ['URL cut on every line', '', `550-${'x'.repeat(90)} https:\n`],
  ['text code markers', '550 ', '(#5.7.'],
  ['in reply to', 'host x said: 550 ', '(in reply to '],
  ['quotes', "Remote Server returned '", "550 '"],
];

describe('parseReply runs in linear time on hostile input', () => {
  it.each(units)('%s: 1 MB takes about 10× as long as 100 KB', (name, prefix, unit) => {
    // Distinct strings (a different number of trailing spaces, which the parser trims).
    const smalls = Array.from({ length: 10 }, (_, index) => hostileInput(prefix, unit, 100_000, index));
    const large = hostileInput(prefix, unit, 1_000_000);
    const { ratio, bound } = measureLinearTime(parseReply, smalls, large);
    expect(ratio, `${name}: ratio ${ratio.toFixed(1)}, bound ${bound.toFixed(1)}`).toBeLessThan(bound);
    expect(parseReply(large).raw).toBe(large);
  });
});

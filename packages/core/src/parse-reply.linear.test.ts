import { describe, expect, it } from 'vitest';
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

function hostile(prefix: string, unit: string, size: number): string {
  return prefix + unit.repeat(Math.ceil((size - prefix.length) / unit.length));
}

/** CPU time in ms (not wall time: other processes on a shared machine must not count). */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function parseAll(inputs: readonly string[], repeat: number): number {
  const start = cpuMs();
  for (let index = 0; index < repeat; index++) for (const input of inputs) parseReply(input);
  return (cpuMs() - start) / repeat / inputs.length;
}

/**
 * Median ratio of the time per parse of 1 MB to the time per parse of 100 KB. The 100 KB side
 * parses ten distinct copies in turn, so both sides touch 1 MB of memory: a single 100 KB string
 * stays in the CPU cache and would look 3–4× faster per character than anything that does not.
 * Samples alternate so both see the same JIT and GC state, and last about 5 ms each.
 */
function medianRatio(smalls: readonly string[], large: string): number {
  const once = Math.max(parseAll([large], 1), 0.001);
  const repeat = Math.min(100, Math.max(1, Math.round(5 / once)));
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let run = 0; run < 9; run++) {
    smallTimes.push(parseAll(smalls, repeat));
    largeTimes.push(parseAll([large], repeat));
  }
  const median = (times: number[]) => times.sort((a, b) => a - b)[4] ?? 0;
  return median(largeTimes) / Math.max(median(smallTimes), 0.00001);
}

describe('parseReply runs in linear time on hostile input', () => {
  it.each(units)('%s: 1 MB takes about 10× as long as 100 KB', (name, prefix, unit) => {
    // Distinct strings (a different number of trailing spaces, which the parser trims).
    const smalls = Array.from(
      { length: 10 },
      (_, index) => hostile(prefix, unit, 100_000) + ' '.repeat(index),
    );
    const large = hostile(prefix, unit, 1_000_000);
    const ratio = medianRatio(smalls, large);
    expect(ratio, `${name}: ratio ${ratio.toFixed(1)}`).toBeLessThan(30);
    expect(parseReply(large).raw).toBe(large);
  });
});

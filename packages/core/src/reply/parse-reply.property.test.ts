import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReply } from './parse-reply';
import type { SmtpReply } from './smtp-reply';

/** Any UTF-16 code unit, lone surrogates included (what a latin-1 or broken decoder can hand over). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

/** Fragments of real reply syntax, glued at random: the shapes most likely to confuse a parser. */
const fragment = fc.constantFrom(
  '550',
  '550-',
  '550 ',
  '421',
  '5.7.1',
  '4.4.2',
  '5.01.1',
  '5.',
  '.',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '-',
  '->',
  '-> ',
  '<',
  '>',
  '<421 ',
  '(',
  ')',
  '[',
  ']',
  '#',
  '(#5.7.1)',
  ': ',
  'smtp;',
  'smtp; ',
  'Diagnostic-Code: ',
  ' said: ',
  '(in reply to ',
  ' command)',
  'Recipient command failed: ',
  "Remote Server returned '",
  "'",
  'SMTP error from remote mail server after ',
  'RCPT TO:<a@b>',
  'https:',
  '//x/',
  'é',
  '\ud800',
  'user unknown',
);

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.string({ unit: codeUnit, maxLength: 300 }),
  fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join('')),
);

function checkInvariants(parsed: SmtpReply, depth = 0): void {
  expect(typeof parsed.text).toBe('string');
  expect(parsed.text).not.toMatch(/ {2}|\t|^ | $|[\r\n]/);
  for (const line of parsed.lines) {
    expect(line).not.toBe('');
    expect(line).not.toMatch(/[\r\n]/);
  }
  if (parsed.code !== undefined) {
    expect(Number.isInteger(parsed.code) && parsed.code >= 200 && parsed.code <= 599).toBe(true);
  }
  if (parsed.enhanced !== undefined) {
    expect([2, 4, 5]).toContain(parsed.enhanced.class);
    expect(parsed.enhanced.code).toBe(
      `${parsed.enhanced.class}.${parsed.enhanced.subject}.${parsed.enhanced.detail}`,
    );
    expect(parsed.enhanced.subject).toBeLessThan(1000);
    expect(parsed.enhanced.detail).toBeLessThan(1000);
  }
  expect(parsed.classMismatch).toBe(
    parsed.code !== undefined &&
      parsed.enhanced !== undefined &&
      Math.floor(parsed.code / 100) !== parsed.enhanced.class,
  );
  if (parsed.inner !== undefined) {
    expect(depth).toBeLessThan(3);
    expect(parsed.inner.wrapper).toBe('nested');
    checkInvariants(parsed.inner, depth + 1);
  }
}

describe('parseReply properties', () => {
  it('never throws, keeps the input as raw and returns a well-formed reply for any string', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const parsed = parseReply(input);
        expect(parsed.raw).toBe(input);
        checkInvariants(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  const code = fc.integer({ min: 200, max: 599 });
  const enhanced = fc
    .tuple(fc.constantFrom(2, 4, 5), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }))
    .map(([klass, subject, detail]) => `${klass}.${subject}.${detail}`);
  // Words of letters and sentence punctuation: no digits, dashes, brackets or colons, so nothing in
  // the text can itself look like a code, a nested reply or a URL.
  const word = fc.string({
    unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZéü.,;!?\'"'.split('')),
    minLength: 1,
    maxLength: 12,
  });
  const words = fc.array(word, { minLength: 1, maxLength: 12 }).map((list) => list.join(' '));

  it('round-trips "<code> <enhanced> <text>"', () => {
    fc.assert(
      fc.property(code, enhanced, words, (basic, status, text) => {
        const parsed = parseReply(`${basic} ${status} ${text}`);
        expect(parsed.code).toBe(basic);
        expect(parsed.enhanced?.code).toBe(status);
        expect(parsed.enhanced?.source).toBe('prefix');
        expect(parsed.text).toBe(text);
        expect(parsed.lines).toEqual([text]);
        expect(parsed.classMismatch).toBe(Math.floor(basic / 100) !== Number(status[0]));
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips generated multi-line replies with any line separator', () => {
    fc.assert(
      fc.property(
        code,
        fc.option(enhanced, { nil: undefined }),
        fc.array(words, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        (basic, status, lines, separator) => {
          const prefix = status === undefined ? '' : ` ${status}`;
          const input = lines
            .map((line, index) => `${basic}${index === lines.length - 1 ? ' ' : '-'}${prefix.trim()} ${line}`)
            .join(separator);
          const parsed = parseReply(input);
          expect(parsed.code).toBe(basic);
          expect(parsed.enhanced?.code).toBe(status);
          expect(parsed.lines).toEqual(lines);
          expect(parsed.text).toBe(lines.join(' '));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizePhrase, PhraseMatcher } from './phrase-matcher';

/** The obvious (slow) definition: lower case, whitespace runs folded, one space of padding each side. */
function naive(phrases: readonly string[], text: string): string[] {
  const padded = ` ${normalizePhrase(text).trim()} `;
  return [...new Set(phrases.map(normalizePhrase))].filter(
    (phrase) => phrase.length > 0 && padded.includes(phrase),
  );
}

function scan(matcher: PhraseMatcher, text: string): string[] {
  const found = new Int32Array(matcher.phrases.length);
  const count = matcher.scan(text, found);
  return [...new Set([...found.subarray(0, count)].map((index) => matcher.phrases[index]!))];
}

describe('PhraseMatcher', () => {
  const create = (phrases: readonly string[]) => new PhraseMatcher(phrases);

  it('finds phrases case-insensitively, across whitespace runs, at word boundaries', () => {
    const matcher = create(['user unknown', ' dd ', 'boîte pleine', 'he', 'she', 'hers', 'überschritten']);
    expect(scan(matcher, 'USER \t  UNKNOWN').sort()).toEqual(['user unknown']);
    expect(scan(matcher, 'ushers').sort()).toEqual(['he', 'hers', 'she']);
    expect(scan(matcher, 'dd sorry')).toEqual([' dd ']);
    expect(scan(matcher, 'x dd')).toEqual([' dd ']);
    expect(scan(matcher, 'xdd')).toEqual([]);
    expect(scan(matcher, 'BOÎTE PLEINE')).toEqual(['boîte pleine']);
    expect(scan(matcher, 'Kontingent ÜBERSCHRITTEN')).toEqual(['überschritten']);
    expect(scan(matcher, '')).toEqual([]);
  });

  it('folds a capital letter only to the letter it lower-cases to', () => {
    // 'ı'.toUpperCase() is 'I', but 'I'.toLowerCase() is 'i': a Turkish phrase once turned every
    // capital I of a text into a dotless ı, and "Invalid recipient" stopped matching.
    const phrases = ['kullanıcı bulunamadı', 'invalid recipient', 'straße'];
    const matcher = create(phrases);
    for (const text of [
      '550 Invalid recipient',
      `550 INVALID RECIPIENT ${'x'.repeat(40)}`,
      'Kullanıcı bulunamadı',
      'KULLANICI BULUNAMADI',
      'STRASSE Straße',
    ]) {
      expect(scan(matcher, text).sort(), text).toEqual(naive(phrases, text).sort());
    }
    expect(scan(matcher, '550 Invalid recipient')).toEqual(['invalid recipient']);
  });

  it('answers has() for the latest scan only', () => {
    const matcher = create(['alpha', 'beta']);
    const found = new Int32Array(2);
    matcher.scan('alpha', found);
    expect(matcher.has(0)).toBe(true);
    expect(matcher.has(1)).toBe(false);
    matcher.scan('beta', found);
    expect(matcher.has(0)).toBe(false);
    expect(matcher.has(1)).toBe(true);
  });

  /** Random phrases and texts from `pieces`: the scan finds exactly what `naive` finds. */
  function agreesWithNaive(
    pieces: readonly string[],
    shape: { phraseLength: number; phrases: number; text: [number, number]; runs: number },
  ): void {
    const piece = fc.constantFrom(...pieces);
    const phrase = fc
      .array(piece, { minLength: 1, maxLength: shape.phraseLength })
      .map((chars) => chars.join(''));
    const [minLength, maxLength] = shape.text;
    fc.assert(
      fc.property(
        fc.array(phrase, { minLength: 1, maxLength: shape.phrases }),
        fc.array(piece, { minLength, maxLength }).map((chars) => chars.join('')),
        (phrases, text) => {
          // a phrase must hold more than whitespace (rules are validated so)
          const usable = phrases.filter((item) => item.trim().length > 0);
          if (usable.length === 0) return;
          expect(scan(create(usable), text).sort()).toEqual(naive(usable, text).sort());
        },
      ),
      { numRuns: shape.runs },
    );
  }

  it('agrees with the obvious definition on any phrases and text (property)', () => {
    agreesWithNaive(['a', 'b', 'A', 'B', ' ', '\t', '\n', 'é', 'É', '.', 'x', 'i', 'I', 'ı'], {
      phraseLength: 5,
      phrases: 12,
      text: [0, 40],
      runs: 500,
    });
  });

  it('agrees with the obvious definition on long texts and long phrases (property)', () => {
    agreesWithNaive(['a', 'b', 'A', 'B', ' ', ' ', '\t', '\n', 'é', '.', 'x'], {
      phraseLength: 20,
      phrases: 16,
      text: [24, 400],
      runs: 1000,
    });
  });

  it('finds a phrase that crosses the middle of a long text, and ones at both ends', () => {
    const matcher = create(['user unknown', ' start', 'end ', 'mailbox   full']);
    const text = `Start ${'x'.repeat(40)} user${' '.repeat(3)}\tunknown ${'y'.repeat(40)} mailbox full end`;
    expect(scan(matcher, text).sort()).toEqual([' start', 'end ', 'mailbox full', 'user unknown']);
    for (let cut = 0; cut <= 20; cut++) {
      const shifted = `${'z '.repeat(cut)}${'q'.repeat(30)} user unknown ${'q'.repeat(30)}`;
      expect(scan(matcher, shifted)).toEqual(['user unknown']);
    }
  });

  it('finds a phrase at every offset of texts of many lengths, and nothing one character off', () => {
    const matcher = create(['user unknown']);
    const lengths = [...Array.from({ length: 53 }, (_, index) => 12 + index), 100, 199, 300];
    for (const length of lengths) {
      for (let at = 0; at + 12 <= length; at++) {
        const filler = (size: number) => 'q'.repeat(size);
        const hit = `${filler(at)}user unknown${filler(length - at - 12)}`;
        expect(scan(matcher, hit), `${length}/${at}`).toEqual(['user unknown']);
        const near = `${filler(at)}user unkn0own${filler(Math.max(0, length - at - 13))}`;
        expect(scan(matcher, near), `${length}/${at} near miss`).toEqual([]);
      }
    }
  });
});

describe('normalizePhrase', () => {
  /** The definition, one character at a time (the function skips it when there is nothing to fold). */
  function reference(phrase: string): string {
    let result = '';
    let lastSpace = false;
    for (const char of phrase.toLowerCase()) {
      const blank = /^[\t-\r \u00a0]$/.test(char);
      if (blank && lastSpace) continue;
      result += blank ? ' ' : char;
      lastSpace = blank;
    }
    return result;
  }

  it('lower-cases and folds every whitespace run to one space (property)', () => {
    const piece = fc.constantFrom('a', 'B', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', 'É', 'ı', '.');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((chars) => chars.join('')),
        (phrase) => {
          expect(normalizePhrase(phrase)).toBe(reference(phrase));
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (phrase) => {
        expect(normalizePhrase(phrase)).toBe(reference(phrase));
      }),
      { numRuns: 1000 },
    );
  });
});

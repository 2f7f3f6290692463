// Finds every phrase of a fixed set in a text in ONE pass, case-insensitively: an Aho–Corasick
// automaton compiled once into a dense transition table (a DFA), so each character of the text
// costs one table lookup, whatever the number of phrases. No regular expressions, so no
// backtracking: the time is linear in the text length for any input.
//
// Characters are folded to a small alphabet: ASCII letters fold to lower case, every whitespace
// character folds to a space, characters that occur in no phrase fold to one "other" symbol (which
// always leads back to the start). A run of whitespace counts as one space, and the text is scanned
// as if padded with one space on each side, so a phrase may start or end with a space to mean "at a
// word boundary".

import { buildAutomaton, flag, mask, other, space } from './phrase-automaton';

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

export class PhraseMatcher {
  /** The phrases as compiled (lower case, whitespace folded to single spaces). */
  readonly phrases: readonly string[];
  /** UTF-16 code unit → symbol (64 KB, but a text touches only the entries of its own characters) */
  private readonly symbols = new Uint8Array(65536);
  /**
   * (state << `shift`) + symbol → next state (| `flag`). The alphabet is padded to a power of two
   * (a shift, not a multiplication, per character) and entries are 16 bits, so the table stays
   * small enough for the CPU cache.
   */
  private readonly next: Uint16Array;
  private readonly shift: number;
  /** The state after the padding space: where every scan starts. */
  private readonly start: number;
  /** outputs of state s: outputList[outputStart[s]] … outputList[outputStart[s + 1] - 1] */
  private readonly outputStart: Int32Array;
  private readonly outputList: Int32Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(phrases: readonly string[]) {
    this.phrases = phrases.map(normalizePhrase);
    // the alphabet (then the automaton over it: phrase-automaton.ts)
    let symbols = 2;
    const symbolOf = new Map<number, number>();
    for (const phrase of this.phrases) {
      for (let i = 0; i < phrase.length; i++) {
        const code = phrase.charCodeAt(i);
        if (code === 32 || symbolOf.has(code)) continue;
        symbolOf.set(code, symbols++);
      }
    }
    if (symbols > 255)
      throw new RangeError('PhraseMatcher: more than 255 distinct characters in the phrases');
    let shift = 1;
    while (1 << shift < symbols) shift++;
    this.shift = shift;
    for (let code = 0; code < 128; code++) {
      const folded = code >= 65 && code <= 90 ? code + 32 : code;
      this.symbols[code] = isSpace(code) ? space : (symbolOf.get(folded) ?? other);
    }
    this.symbols[0xa0] = space;
    for (const [code, symbol] of symbolOf) {
      if (code < 128) continue;
      this.symbols[code] = symbol;
      // Only an upper case that lower-cases back to this character: 'ı' upper-cases to 'I', whose
      // lower case is 'i', so a Turkish phrase must not take every capital I of a text.
      const char = String.fromCharCode(code);
      const upper = char.toUpperCase();
      if (upper.length === 1 && upper.toLowerCase() === char) this.symbols[upper.charCodeAt(0)] = symbol;
    }
    const automaton = buildAutomaton(this.phrases, symbolOf, shift);
    this.start = automaton.start;
    this.outputStart = automaton.outputStart;
    this.outputList = automaton.outputList;
    this.seen = new Int32Array(this.phrases.length);
    this.next = automaton.next;
  }

  /**
   * Scans `text` once and writes the index of every phrase found (each once) to `found`; returns
   * how many. `found` must hold `phrases.length` entries. After a scan, `has(index)` tells whether a
   * phrase was found in it. One table look-up per character, then the padding space: linear time.
   */
  scan(text: string, found: Int32Array): number {
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const { symbols, next, shift } = this;
    let state = this.start;
    let count = 0;
    for (let i = 0, length = text.length; i < length; i++) {
      state = next[(state << shift) + symbols[text.charCodeAt(i)]!]!;
      if (state >= flag) {
        state &= mask;
        count = this.report(state, found, count);
      }
    }
    state = next[(state << shift) + space]!;
    return state >= flag ? this.report(state & mask, found, count) : count;
  }

  /** Writes the phrases that end at `state` and are new in this scan to `found`; returns the new count. */
  private report(state: number, found: Int32Array, count: number): number {
    const { outputStart, outputList, seen, stamp } = this;
    const end = outputStart[state + 1]!;
    for (let o = outputStart[state]!; o < end; o++) {
      const phrase = outputList[o]!;
      if (seen[phrase] !== stamp) {
        seen[phrase] = stamp;
        found[count++] = phrase;
      }
    }
    return count;
  }

  /** Whether the phrase with this index was found by the latest `scan`. */
  has(index: number): boolean {
    return this.seen[index] === this.stamp;
  }
}

/** Whitespace that `normalizePhrase` folds: anything but a lone space (linear: no quantifier). */
const foldable = /[\t-\r\u00a0]| {2}/;

/** Lower case, whitespace runs folded to one space (leading/trailing single spaces kept as boundaries). */
export function normalizePhrase(phrase: string): string {
  const lower = phrase.toLowerCase();
  // Most phrases (and every phrase compiled once already) have nothing to fold.
  if (!foldable.test(lower)) return lower;
  let result = '';
  let lastSpace = false;
  for (const char of lower) {
    const isBlank = isSpace(char.charCodeAt(0));
    if (isBlank && lastSpace) continue;
    result += isBlank ? ' ' : char;
    lastSpace = isBlank;
  }
  return result;
}

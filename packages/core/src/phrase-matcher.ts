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
import { createNativeScan, maxText, type NativeScan } from './phrase-scan';

/**
 * How many characters before its part a chain other than the first starts (see `scan`). Longer:
 * two chains agree more often where a part starts, and more characters are read twice.
 */
const overlap = 4;
/**
 * From this length on, a text is read as 4 parts at once (see `scan`), each at least 2 × `overlap`,
 * or handed to the WebAssembly scan; shorter ones take the one-chain loop.
 */
const fourChains = 32;

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

  /** The same scan as WebAssembly (phrase-scan.ts), when the runtime runs it. */
  private readonly native: NativeScan | undefined;
  /**
   * Whether the latest scan's text holds a tab or two spaces in a row (what `parseReply` collapses),
   * when the WebAssembly scan said (it reads every byte anyway); undefined after a JavaScript scan.
   */
  blankRun: boolean | undefined = undefined;

  /** `native: false` keeps every scan in JavaScript (the tests compare both). */
  constructor(phrases: readonly string[], options: { readonly native?: boolean } = {}) {
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
    this.native =
      options.native === false ? undefined : createNativeScan(automaton.next, shift, this.symbols);
    // The module keeps a copy of the table in its memory: the JavaScript scans read that one, so the
    // 1.5 MB built here can go.
    this.next = this.native?.table ?? automaton.next;
  }

  /**
   * Scans `text` once and writes the index of every phrase found (each once) to `found`; returns
   * how many. `found` must hold `phrases.length` entries. After a scan, `has(index)` tells whether a
   * phrase was found in it.
   *
   * Each character costs a table look-up that waits for the previous one, so a longer text is cut
   * into 4 parts read side by side in one loop ("chains"): the CPU overlaps their waits. The
   * first chain reads from the start like the plain scan; every other chain starts from the
   * automaton's root `overlap` characters before its part, so it finds every phrase that starts
   * there or later. Where a part starts, the chain before it arrives in the same state as the chain
   * of the part whenever its partial match fits in those `overlap` characters, and the same state
   * means the same future: it stops there. Otherwise it reads on until the two agree (`settle`).
   * Every character is read once, plus the overlaps and settling: linear time.
   */
  scan(text: string, found: Int32Array): number {
    this.stamp++;
    this.blankRun = undefined;
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    const length = text.length;
    if (length < fourChains) return this.finish(text, this.start, 0, found, 0);
    // Shorter texts took the one-chain loop above: copying them in would cost more than it saves.
    if (this.native !== undefined && length <= maxText) {
      const result = this.native.scan(text, this.start);
      if (result >= 0) {
        this.blankRun = (result & 1) === 1;
        const reached = this.native.found;
        const states = result >>> 1;
        let count = 0;
        for (let i = 0; i < states; i++) count = this.report(reached[i]!, found, count);
        return count;
      }
    }
    return this.scan4(text, found);
  }

  /**
   * `scan` with 4 chains (see there), written out: one local variable per chain keeps every state in
   * a CPU register (an array of states would be read from memory per character).
   */
  private scan4(text: string, found: Int32Array): number {
    const { symbols, next, shift } = this;
    const part = (text.length / 4) | 0;
    let count = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    // B, C and D first read the `overlap` characters before their parts, from the root.
    for (let at = part - overlap; at < part; at++) {
      b = next[(b << shift) + symbols[text.charCodeAt(at)]!]!;
      c = next[(c << shift) + symbols[text.charCodeAt(at + part)]!]!;
      d = next[(d << shift) + symbols[text.charCodeAt(at + part * 2)]!]!;
      if (((b | c | d) & flag) !== 0) {
        if (b >= flag) {
          b &= mask;
          count = this.report(b, found, count);
        }
        if (c >= flag) {
          c &= mask;
          count = this.report(c, found, count);
        }
        if (d >= flag) {
          d &= mask;
          count = this.report(d, found, count);
        }
      }
    }
    // Where they stand at the start of their parts: the chain before each must arrive there in the
    // same state, else it reads on (`settle`).
    const at1 = b;
    const at2 = c;
    const at3 = d;
    let a = this.start;
    for (let at = 0; at < part; at++) {
      a = next[(a << shift) + symbols[text.charCodeAt(at)]!]!;
      b = next[(b << shift) + symbols[text.charCodeAt(at + part)]!]!;
      c = next[(c << shift) + symbols[text.charCodeAt(at + part * 2)]!]!;
      d = next[(d << shift) + symbols[text.charCodeAt(at + part * 3)]!]!;
      if (((a | b | c | d) & flag) !== 0) {
        if (a >= flag) {
          a &= mask;
          count = this.report(a, found, count);
        }
        if (b >= flag) {
          b &= mask;
          count = this.report(b, found, count);
        }
        if (c >= flag) {
          c &= mask;
          count = this.report(c, found, count);
        }
        if (d >= flag) {
          d &= mask;
          count = this.report(d, found, count);
        }
      }
    }
    count = this.finish(text, d, part * 4, found, count);
    if (a !== at1) count = this.settle(text, a, at1, part, found, count);
    if (b !== at2) count = this.settle(text, b, at2, part * 2, found, count);
    if (c !== at3) count = this.settle(text, c, at3, part * 3, found, count);
    return count;
  }

  /** One chain from `row` reads the text from `from` to the end, then the padding space. */
  private finish(text: string, row: number, from: number, found: Int32Array, count: number): number {
    const { symbols, next, shift } = this;
    let state = row;
    let total = count;
    for (let i = from, length = text.length; i < length; i++) {
      state = next[(state << shift) + symbols[text.charCodeAt(i)]!]!;
      if (state >= flag) {
        state &= mask;
        total = this.report(state, found, total);
      }
    }
    state = next[(state << shift) + space]!;
    return state >= flag ? this.report(state & mask, found, total) : total;
  }

  /**
   * A chain that reached `boundary` in state `row`, where the next chain stood in state `sync`,
   * reads on beside a copy of the next chain until the two agree: from then on they would read the
   * same states, and the next chain reports its own. Until then the chain finds the phrases that
   * started before the next chain did. They agree at the latest once the chain's partial match fits
   * in what the next chain has read, so this reads on only as far as that partial match is long.
   */
  private settle(
    text: string,
    row: number,
    sync: number,
    boundary: number,
    found: Int32Array,
    count: number,
  ): number {
    const { symbols, next, shift } = this;
    let state = row;
    let copy = sync;
    let total = count;
    for (let i = boundary, length = text.length; i < length; i++) {
      const symbol = symbols[text.charCodeAt(i)]!;
      state = next[(state << shift) + symbol]!;
      copy = next[(copy << shift) + symbol]! & mask;
      if (state >= flag) {
        state &= mask;
        total = this.report(state, found, total);
      }
      if (state === copy) return total;
    }
    state = next[(state << shift) + space]!;
    return state >= flag ? this.report(state & mask, found, total) : total;
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

  /** Whether scans of ASCII texts run as WebAssembly here (phrase-scan.ts). */
  get usesWebAssembly(): boolean {
    return this.native !== undefined;
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

// The Aho–Corasick automaton behind PhraseMatcher, built once per classifier: a trie of the phrases,
// its failure links folded into a complete transition table (a DFA), and the phrases each state ends.
// Built in flat typed arrays, not a Map per state: building from Maps made up most of the first
// `classify` call (about 100 ms of a cold start on the development machine, now under 30 ms).

/** The symbol every character that occurs in no phrase folds to: always back to the start. */
export const other = 0;
/** The symbol of every whitespace character. */
export const space = 1;
/** Top bit of a table entry: the state it leads to ends at least one phrase. */
export const flag = 0x8000;
export const mask = 0x7fff;

export interface Automaton {
  /** (state << shift) + symbol → next state (| `flag`), 16 bits per entry. */
  readonly next: Uint16Array;
  /** The state after the padding space: where every scan starts. */
  readonly start: number;
  /** outputs of state s: outputList[outputStart[s]] … outputList[outputStart[s + 1] - 1] */
  readonly outputStart: Int32Array;
  readonly outputList: Int32Array;
}

/**
 * The automaton of `phrases` (normalized: lower case, single spaces), over the alphabet `symbolOf`
 * (a phrase character → its symbol, from 2; a space is `space`) padded to `1 << shift` symbols.
 */
export function buildAutomaton(
  phrases: readonly string[],
  symbolOf: ReadonlyMap<number, number>,
  shift: number,
): Automaton {
  // 1. the trie: each state's children are linked in symbol order (`firstChild`,
  // `nextSibling`, `edgeSymbol`; 0 for none, as the start state is nobody's child), so the steps
  // below visit edges, not every symbol of every state. The start state always has a space child,
  // so every space leads to a state that was entered by a space (step 4 relies on it). The
  // phrases that end at a state are linked in index order: `ownFirst[state]`, then `ownNext[phrase]`.
  let capacity = 2;
  for (const phrase of phrases) capacity += phrase.length;
  const firstChild = new Int32Array(capacity);
  const nextSibling = new Int32Array(capacity);
  const edgeSymbol = new Uint8Array(capacity);
  const ownFirst = new Int32Array(capacity).fill(-1);
  const ownLast = new Int32Array(capacity).fill(-1);
  const ownNext = new Int32Array(phrases.length).fill(-1);
  firstChild[0] = 1;
  edgeSymbol[1] = space;
  let states = 2;
  for (let index = 0; index < phrases.length; index++) {
    const phrase = phrases[index]!;
    if (phrase.length === 0) continue;
    let state = 0;
    for (let i = 0; i < phrase.length; i++) {
      const code = phrase.charCodeAt(i);
      const symbol = code === 32 ? space : (symbolOf.get(code) as number);
      let before = 0;
      let kid = firstChild[state]!;
      while (kid !== 0 && edgeSymbol[kid]! < symbol) {
        before = kid;
        kid = nextSibling[kid]!;
      }
      if (kid === 0 || edgeSymbol[kid] !== symbol) {
        const created = states++;
        edgeSymbol[created] = symbol;
        nextSibling[created] = kid;
        if (before === 0) firstChild[state] = created;
        else nextSibling[before] = created;
        kid = created;
      }
      state = kid;
    }
    const last = ownLast[state]!;
    if (last < 0) ownFirst[state] = index;
    else ownNext[last] = index;
    ownLast[state] = index;
  }
  if (states > mask) throw new RangeError('PhraseMatcher: too many phrases (over 32767 automaton states)');
  // 2. renumber the states breadth first, so the shallow states that almost every character of a
  // text visits sit together at the start of the table (they stay in the CPU cache): `order[new]`
  // is the trie's state, `rank[trie's]` its new number.
  const order = new Int32Array(states);
  const rank = new Int32Array(states);
  let queued = 1;
  for (let head = 0; head < queued; head++) {
    for (let kid = firstChild[order[head]!]!; kid !== 0; kid = nextSibling[kid]!) {
      rank[kid] = queued;
      order[queued++] = kid;
    }
  }
  // 3. failure links, breadth first, folded into a complete transition table of state NUMBERS,
  // each entry flagged when the state it leads to ends a phrase (the scan reads outputs only
  // there). Breadth-first numbering: a state's failure target is shallower, so it is finished
  // first, and so is how many phrases it ends (`ends`). A flag depends on the target alone, so
  // rows copied from a failure target keep theirs.
  const next = new Uint16Array(states << shift);
  const failure = new Int32Array(states);
  const ends = new Int32Array(states);
  const enteredBySpace = new Uint8Array(states);
  for (let state = 0; state < states; state++) {
    const base = state << shift;
    // a state goes where its failure target goes, except along its own trie edges
    if (state !== 0) next.copyWithin(base, failure[state]! << shift, (failure[state]! + 1) << shift);
    for (let kid = firstChild[order[state]!]!; kid !== 0; kid = nextSibling[kid]!) {
      const target = rank[kid]!;
      const symbol = edgeSymbol[kid]!;
      const fallback = state === 0 ? 0 : next[base + symbol]! & mask;
      failure[target] = fallback;
      let own = 0;
      for (let phrase = ownFirst[kid]!; phrase >= 0; phrase = ownNext[phrase]!) own++;
      ends[target] = own + ends[fallback]!;
      next[base + symbol] = ends[target]! > 0 ? target | flag : target;
      if (symbol === space) enteredBySpace[target] = 1;
    }
  }
  for (let state = 0; state < states; state++) {
    // `other` never occurs in a phrase: always back to the start.
    next[(state << shift) + other] = 0;
    // 4. a run of whitespace is one space: a space after a space stays where it is
    if (enteredBySpace[state] === 1) next[(state << shift) + space] = ends[state]! > 0 ? state | flag : state;
  }
  // 5. the phrases each state ends, as ranges of one list: its own (in index order), then those
  // of its failure target.
  const outputStart = new Int32Array(states + 1);
  for (let state = 0; state < states; state++) outputStart[state + 1] = outputStart[state]! + ends[state]!;
  const outputList = new Int32Array(outputStart[states]!);
  let at = 0;
  for (let state = 0; state < states; state++) {
    for (let phrase = ownFirst[order[state]!]!; phrase >= 0; phrase = ownNext[phrase]!)
      outputList[at++] = phrase;
    const fallback = failure[state]!;
    for (let o = outputStart[fallback]!; o < outputStart[fallback + 1]!; o++)
      outputList[at++] = outputList[o]!;
  }
  return { next, start: next[space]! & mask, outputStart, outputList };
}

// Generates src/generated/phrase-scan-wasm.ts: the WebAssembly form of PhraseMatcher's scan (see
// src/phrase-scan.ts for why, and src/phrase-matcher.ts for the algorithm it mirrors). The module is
// written here as WebAssembly text, one function per chain count, and assembled with wabt. Run
// after changing this file:
//   npx tsx scripts/generate-phrase-scan.ts
// A test (src/phrase-scan.test.ts) assembles it again and fails when the generated file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import wabt from 'wabt';

/**
 * The memory layout the module and src/phrase-scan.ts share, in bytes. The text is copied in as
 * bytes (ASCII only), found states come out as 16-bit numbers, the automaton's table follows.
 */
export const layout = {
  /** byte → symbol, 256 entries */
  symbols: 0,
  /** the text's bytes */
  text: 1024,
  /** the longest text the module reads */
  maxText: 16384,
  /** states that end a phrase, in the order found (u16 each); after the 32 bytes `blanks` zeroes past the text */
  found: 1024 + 16384 + 64,
  /** the transition table (u16 entries, as PhraseMatcher builds it) */
  table: 5 * 65536,
} as const;

/** Characters a chain other than the first reads before its part (see PhraseMatcher.scan). */
const overlap = 4;
const flag = 0x8000;
const mask = 0x7fff;
const space = 1;

/**
 * `x = table[(x << shift) + symbols[text[at]]]`, `at` an expression. Entries are 16 bits, so the
 * byte offset is `(x << (shift + 1)) + (symbol << 1)`: the symbol's part is off the chain of
 * look-ups, which then waits for one shift and one add per character, not two shifts.
 */
function step(x: string, at: string): string {
  const symbol = `(i32.load8_u offset=${layout.symbols} (i32.load8_u offset=${layout.text} ${at}))`;
  return `(local.set $${x} (i32.load16_u offset=${layout.table} (i32.add (i32.shl (local.get $${x}) (local.get $rowShift)) (i32.shl ${symbol} (i32.const 1)))))`;
}

/** When `x` ends a phrase: clear the flag and append the state to the found ones (`$keep`). */
function record(x: string): string {
  return `(if (i32.and (local.get $${x}) (i32.const ${flag})) (then (local.set $${x} (call $keep (local.get $${x})))))`;
}

/** Records each of `names` that ends a phrase, behind one test for all of them. */
function recordAll(names: readonly string[]): string {
  const any = names.map((x) => `(local.get $${x})`).reduce((all, x) => `(i32.or ${all} ${x})`);
  return `(if (i32.and ${any} (i32.const ${flag})) (then ${names.map(record).join(' ')}))`;
}

/** `keep(state) → state without its flag`, appended to the found states (the rare path, kept out of the loops). */
function keep(): string {
  return `(func $keep (param $state i32) (result i32)
    (local.set $state (i32.and (local.get $state) (i32.const ${mask})))
    (i32.store16 offset=${layout.found} (i32.shl (global.get $n) (i32.const 1)) (local.get $state))
    (global.set $n (i32.add (global.get $n) (i32.const 1)))
    (local.get $state))`;
}

/** The padding space after the text, for the chain in `x`. */
function pad(x: string): string {
  return `(local.set $${x} (i32.load16_u offset=${layout.table} (i32.add (i32.shl (local.get $${x}) (local.get $rowShift)) (i32.const ${space * 2})))) ${record(x)}`;
}

/**
 * `blanks(length) → 1 when the text holds a tab or two spaces in a row, else 0`: what the parser
 * would collapse (see parseReplyWithoutRuns), 16 bytes at a time. The 32 bytes after the text are
 * zeroed first, so the last comparisons read no byte of an earlier text.
 */
function blanks(): string {
  const text = layout.text;
  return `(func $blanks (param $length i32) (result i32)
    (local $at i32) (local $here v128) (local $after v128)
    (v128.store offset=${text} (local.get $length) (v128.const i64x2 0 0))
    (v128.store offset=${text + 16} (local.get $length) (v128.const i64x2 0 0))
    (block $none
      (loop $next
        (br_if $none (i32.ge_u (local.get $at) (local.get $length)))
        (local.set $here (v128.load offset=${text} (local.get $at)))
        (local.set $after (v128.load offset=${text + 1} (local.get $at)))
        (if (v128.any_true (v128.or
              (i8x16.eq (local.get $here) (i8x16.splat (i32.const 9)))
              (v128.and (i8x16.eq (local.get $here) (i8x16.splat (i32.const 32)))
                        (i8x16.eq (local.get $after) (i8x16.splat (i32.const 32))))))
          (then (return (i32.const 1))))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br $next)))
    (i32.const 0))`;
}

/**
 * `settle(state, sync, from, length, rowShift)`: a chain that reached `from` in `state`, where
 * the next chain stood in `sync`, reads on beside a copy of the next chain until the two agree.
 */
function settle(): string {
  return `(func $settle (param $state i32) (param $copy i32) (param $at i32) (param $length i32) (param $rowShift i32)
    (local $symbol i32)
    (block $end
      (loop $next
        (br_if $end (i32.ge_u (local.get $at) (local.get $length)))
        (local.set $symbol (i32.shl (i32.load8_u offset=${layout.symbols} (i32.load8_u offset=${layout.text} (local.get $at))) (i32.const 1)))
        (local.set $state (i32.load16_u offset=${layout.table} (i32.add (i32.shl (local.get $state) (local.get $rowShift)) (local.get $symbol))))
        (local.set $copy (i32.and (i32.load16_u offset=${layout.table} (i32.add (i32.shl (local.get $copy) (local.get $rowShift)) (local.get $symbol))) (i32.const ${mask})))
        ${record('state')}
        (if (i32.eq (local.get $state) (local.get $copy)) (then (return)))
        (local.set $at (i32.add (local.get $at) (i32.const 1)))
        (br $next)))
    ${pad('state')})`;
}

/**
 * `scan<chains>(length, start, shift) → found × 2 + blanks`: how many states were found (as
 * PhraseMatcher.scan4 finds them), and whether the text has a run of blanks (`blanks`).
 */
function scan(chains: 4 | 8): string {
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].slice(0, chains);
  const later = names.slice(1);
  const offsets = later.map((_, index) => `o${index + 1}`);
  const lines: string[] = [];
  lines.push(
    `(func $scan${chains} (export "scan${chains}") (param $length i32) (param $start i32) (param $shift i32) (result i32)`,
  );
  lines.push(
    `  (local $at i32) (local $part i32) (local $rowShift i32) ${names.map((x) => `(local $${x} i32)`).join(' ')} ${offsets.map((o) => `(local $${o} i32)`).join(' ')} ${later.map((x) => `(local $sync_${x} i32)`).join(' ')}`,
  );
  lines.push('  (global.set $n (i32.const 0))');
  lines.push(`  (local.set $rowShift (i32.add (local.get $shift) (i32.const 1)))`);
  lines.push(`  (local.set $part (i32.shr_u (local.get $length) (i32.const ${Math.log2(chains)})))`);
  offsets.forEach((o, index) => {
    lines.push(`  (local.set $${o} (i32.mul (local.get $part) (i32.const ${index + 1})))`);
  });
  /**
   * A loop named `name`: `$at` from `from` while below `to`; in each round every chain in `moving`
   * reads the character at `$at` + its offset (`o1`, `o2`… from `offsets`; none for the first).
   */
  const loop = (name: string, from: string, to: string, moving: readonly (readonly [string, number])[]) => {
    lines.push(`  (local.set $at ${from})`);
    lines.push(`  (block $${name}_done (loop $${name}`);
    lines.push(`    (br_if $${name}_done (i32.ge_u (local.get $at) ${to}))`);
    for (const [x, offset] of moving) {
      const at = offset === 0 ? '(local.get $at)' : `(i32.add (local.get $at) (local.get $o${offset}))`;
      lines.push(`    ${step(x, at)}`);
    }
    const moved = moving.map(([x]) => x);
    lines.push(`    ${moved.length === 1 ? record(moved[0] as string) : recordAll(moved)}`);
    lines.push('    (local.set $at (i32.add (local.get $at) (i32.const 1)))');
    lines.push(`    (br $${name})))`);
  };
  // the later chains read the `overlap` characters before their parts, from the root (state 0):
  // B at $at, C at $at + o1, …
  const part = `(local.get $part)`;
  loop(
    'warm',
    `(i32.sub ${part} (i32.const ${overlap}))`,
    part,
    later.map((x, index) => [x, index] as const),
  );
  for (const x of later) lines.push(`  (local.set $sync_${x} (local.get $${x}))`);
  // all chains, one part each: A at $at, B at $at + o1, …
  lines.push('  (local.set $a (local.get $start))');
  loop(
    'parts',
    '(i32.const 0)',
    part,
    names.map((x, index) => [x, index] as const),
  );
  // the last chain reads to the end, then the padding space
  const last = names[chains - 1] as string;
  loop('tail', `(i32.mul ${part} (i32.const ${chains}))`, '(local.get $length)', [[last, 0]]);
  lines.push(`  ${pad(last)}`);
  // each other chain stops where the next one stood at the start of its part, else reads on
  names.slice(0, -1).forEach((x, index) => {
    const next = names[index + 1] as string;
    const boundary =
      index === 0 ? '(local.get $part)' : `(i32.mul (local.get $part) (i32.const ${index + 1}))`;
    lines.push(
      `  (if (i32.ne (local.get $${x}) (local.get $sync_${next})) (then (call $settle (local.get $${x}) (local.get $sync_${next}) ${boundary} (local.get $length) (local.get $rowShift))))`,
    );
  });
  lines.push('  (i32.or (i32.shl (global.get $n) (i32.const 1)) (call $blanks (local.get $length))))');
  return lines.join('\n');
}

export function renderWat(): string {
  return `(module
  (import "env" "memory" (memory 1))
  (global $n (mut i32) (i32.const 0))
  ${keep()}
  ${blanks()}
  ${settle()}
  ${scan(4)}
  ${scan(8)})
`;
}

export async function assemble(): Promise<Uint8Array> {
  const tools = await wabt();
  const module = tools.parseWat('phrase-scan.wat', renderWat());
  module.validate();
  const { buffer } = module.toBinary({ write_debug_names: false });
  module.destroy();
  return buffer;
}

export async function renderModule(): Promise<string> {
  const bytes = await assemble();
  const base64 = btoa(String.fromCharCode(...bytes));
  const lines = base64.match(/.{1,100}/g) ?? [];
  return `// Generated by scripts/generate-phrase-scan.ts: do not edit. The WebAssembly form of
// PhraseMatcher's scan (${bytes.length} bytes), base64.
export const phraseScanModule =
${lines.map((line) => `  '${line}'`).join(' +\n')};

/** The memory layout the module was assembled for (bytes). */
export const phraseScanLayout = ${JSON.stringify(layout)} as const;
`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = fileURLToPath(new URL('../src/generated/phrase-scan-wasm.ts', import.meta.url));
  writeFileSync(target, await renderModule());
  console.log(`wrote ${target}`);
}

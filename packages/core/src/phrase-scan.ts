// PhraseMatcher's scan, run as WebAssembly where the runtime allows it. The scan is a chain of
// table look-ups, each waiting for the one before; JavaScript can keep only about four chains in
// flight (more spill out of the CPU's registers) and pays a type check per `charCodeAt`, while the
// module reads the text's bytes with eight chains at once. In the same call it tells whether the
// text holds a run of blanks (16 bytes at a time, with SIMD), which lets the classifier parse
// without looking for them (parseReplyWithoutRuns). Measured over the 198 real replies, parse +
// classify takes about a quarter less time per reply this way.
//
// It is an optimisation only: a runtime without WebAssembly or its SIMD instructions, or one that
// forbids compiling it (Cloudflare Workers, a Content-Security-Policy without 'wasm-unsafe-eval'),
// and every text that is not ASCII or is longer than `maxText`, take the JavaScript scan, which
// finds the same phrases. The module is generated from scripts/generate-phrase-scan.ts.
import { phraseScanLayout as layout, phraseScanModule } from './generated/phrase-scan-wasm';

// Globals in every runtime core supports, but lib ES2022 does not declare them. Declared here as
// possibly absent: a runtime without them takes the JavaScript scan.
declare const WebAssembly:
  | {
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
      Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
    }
  | undefined;
declare const TextEncoder:
  | (new () => { encodeInto(source: string, destination: Uint8Array): { read: number; written: number } })
  | undefined;
declare const atob: ((base64: string) => string) | undefined;

type Scan = (length: number, start: number, shift: number) => number;

export interface NativeScan {
  /**
   * Scans `text` from state `start`; returns -1 when the text is not ASCII, else how many states
   * that end a phrase were reached (they are then in `found`, in order, repeats included) times
   * two, plus one when the text holds a tab or two spaces in a row. `text` has at least 16
   * characters (four parts of at least the overlap each) and at most `maxText`.
   */
  scan(text: string, start: number): number;
  readonly found: Uint16Array;
  /** The transition table as loaded into the module's memory (the module never writes it). */
  readonly table: Uint16Array;
}

export const maxText: number = layout.maxText;
/** From this length on, the module reads eight parts at once, else four. */
const eightParts = 128;

/** The compiled module: undefined before the first try, null when the runtime does not allow it. */
let compiled: object | null | undefined;

function compile(): object | null {
  if (typeof WebAssembly !== 'object' || typeof atob !== 'function' || typeof TextEncoder !== 'function') {
    return null;
  }
  try {
    const text = atob(phraseScanModule);
    const bytes = new Uint8Array(text.length);
    for (let index = 0; index < text.length; index++) bytes[index] = text.charCodeAt(index);
    return new WebAssembly.Module(bytes);
  } catch {
    return null; // compiling is forbidden here: the JavaScript scan it is
  }
}

/**
 * The module loaded with one matcher's table (`next`, `shift` as PhraseMatcher builds them) and
 * symbols (the first 128 entries of its `symbols`: a byte of an ASCII text is its char code), or
 * undefined when the runtime cannot run it.
 */
export function createNativeScan(
  next: Uint16Array,
  shift: number,
  symbols: Uint8Array,
): NativeScan | undefined {
  compiled ??= compile();
  if (compiled === null || WebAssembly === undefined || TextEncoder === undefined) return undefined;
  try {
    const size = layout.table + next.length * 2;
    const memory = new WebAssembly.Memory({ initial: Math.ceil(size / 65536) });
    const { exports } = new WebAssembly.Instance(compiled, { env: { memory } });
    const scan4 = exports.scan4 as Scan;
    const scan8 = exports.scan8 as Scan;
    new Uint8Array(memory.buffer, layout.symbols, 128).set(symbols.subarray(0, 128));
    const table = new Uint16Array(memory.buffer, layout.table, next.length);
    table.set(next);
    const bytes = new Uint8Array(memory.buffer, layout.text, layout.maxText);
    const encoder = new TextEncoder();
    // Each position of each of the eight parts, plus the overlaps, ends a phrase at most once.
    const found = new Uint16Array(memory.buffer, layout.found, 8 * layout.maxText + 64);
    return {
      found,
      table,
      scan(text: string, start: number): number {
        const length = text.length;
        // A non-ASCII character takes two bytes or more: every character read, one byte each, means
        // ASCII (`read` too: a long text with a wide character may fill the buffer one short).
        const { read, written } = encoder.encodeInto(text, bytes);
        if (read !== length || written !== length) return -1;
        return length < eightParts ? scan4(length, start, shift) : scan8(length, start, shift);
      },
    };
  } catch {
    return undefined;
  }
}

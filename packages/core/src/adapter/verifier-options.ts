import { readField } from './read-field';
import type { ReplayStore } from './replay-store';

/** The options every webhook verifier shares. */
export interface VerifierOptions {
  /** How far the signed timestamp may be from now, either way, in ms. */
  readonly toleranceMs?: number;
  /** The clock, epoch ms. Default `Date.now`. */
  readonly now?: () => number;
  /** Where accepted requests are remembered to refuse replays; `false` skips the check. */
  readonly replayStore?: ReplayStore | false;
}

/**
 * Checks the shared verifier options once, when the verifier is made, and fills in the defaults; a bad one is a
 * `TypeError` naming `caller` and the option.
 */
export function readVerifierOptions(
  options: VerifierOptions,
  caller: string,
  defaultToleranceMs: number,
): { toleranceMs: number; now: () => number; replayStore: ReplayStore | false | undefined } {
  const toleranceMs = options.toleranceMs ?? defaultToleranceMs;
  if (typeof toleranceMs !== 'number' || !Number.isFinite(toleranceMs) || toleranceMs < 0) {
    throw new TypeError(`${caller}: \`options.toleranceMs\` must be a finite number of milliseconds ≥ 0`);
  }
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw new TypeError(`${caller}: \`options.now\` must be a function`);
  const replayStore = options.replayStore;
  if (
    replayStore !== undefined &&
    replayStore !== false &&
    typeof readField(replayStore, 'remember') !== 'function'
  ) {
    throw new TypeError(`${caller}: \`options.replayStore\` must have a \`remember\` method, or be false`);
  }
  return { toleranceMs, now, replayStore };
}

declare function atob(data: string): string;

/** The bytes of a base64 string (already checked to be base64); WebCrypto-friendly, no `Buffer`. */
export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

import type { DeliveryOutcome } from '../verdict/delivery-outcome';
import { type UnreadableOptions, unreadableOutcome, unreadableSummary } from './unreadable-outcome';

/**
 * Runs `convert` and returns its outcomes; when reading `input` throws (a getter that throws, a hostile Proxy,
 * anything thrown), returns one `unreadableOutcome` instead, whose summary gives the reason. Never throws.
 */
export function convertSafely(
  input: unknown,
  options: UnreadableOptions,
  convert: () => DeliveryOutcome[],
): DeliveryOutcome[] {
  try {
    return convert();
  } catch (error) {
    return [unreadableOutcome(input, unreadableSummary(options.provider, reasonOf(error)), options)];
  }
}

function reasonOf(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'it threw while being read';
  }
}

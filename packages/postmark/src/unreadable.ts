import { createVerdict, type DeliveryEvent, type DeliveryOutcome } from '@mailverdict/core';
import { provider } from './outcome';

/**
 * Runs `convert`, and answers one `unknown` outcome instead of throwing when reading the input
 * fails: an object can have throwing getters or be a hostile Proxy.
 */
export function readSafely(
  input: unknown,
  event: DeliveryEvent,
  convert: () => DeliveryOutcome[],
): DeliveryOutcome[] {
  try {
    return convert();
  } catch (error) {
    return [unreadable(input, event, `Could not read the input: ${reason(error)}.`)];
  }
}

export function unreadable(input: unknown, event: DeliveryEvent, summary: string): DeliveryOutcome {
  return {
    provider,
    event,
    origin: 'local',
    providerDetail: {},
    verdict: createVerdict('unknown', {
      rule: 'postmark-unreadable-input',
      scope: 'message',
      confidence: 0,
      summary,
    }),
    raw: input,
  };
}

function reason(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'it threw while being read';
  }
}

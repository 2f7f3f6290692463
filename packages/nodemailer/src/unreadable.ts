import type { DeliveryEvent } from '@mailverdict/core';
import type { UnreadableOptions } from '@mailverdict/core/adapter';
import { provider } from './recipient-outcome';

/** How this adapter reports input it cannot read, for core's `convertSafely` and `unreadableOutcome`. */
export function unreadableInput(event: DeliveryEvent): UnreadableOptions {
  return { provider, event, rule: 'nodemailer-unreadable-input', scope: 'message' };
}

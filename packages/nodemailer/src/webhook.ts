// SMTP has no webhooks: what a receiver says after accepting a message comes back as a bounce email (a DSN,
// RFC 3464), which `@mailverdict/bounce` reads. The adapter spec asks every package for `fromWebhook`; this one
// says plainly that there is nothing to read rather than guess.
import type { DeliveryOutcome } from '@mailverdict/core';
import { unreadable } from '@mailverdict/core/adapter';
import { provider, unreadableInput } from './types';

/** Always one `unknown` outcome (rule `smtp:unreadable`): SMTP delivers no webhooks. Never throws. */
export function fromNodemailerWebhook(payload: unknown): DeliveryOutcome[] {
  return [
    unreadable(
      provider,
      payload,
      'SMTP has no webhooks; read bounce emails (RFC 3464 DSNs) with @mailverdict/bounce',
      unreadableInput('failed'),
    ),
  ];
}

import { createVerdict, type DeliveryOutcome } from '@mailverdict/core';
import { describe, expect, it } from 'vitest';
import { createThrottlePort } from './throttle-port';

// One attempt at a time to Google, so a freed slot shows as a second `acquire` being allowed.
const options = { shapingRules: [], burst: 100, destinations: { google: { maxConcurrency: 1 } } };

function outcome(
  event: DeliveryOutcome['event'],
  category: 'delivered' | 'mailbox-unknown',
): DeliveryOutcome {
  return {
    provider: 'postmark',
    event,
    recipient: 'someone@gmail.com',
    origin: 'provider',
    providerDetail: {},
    verdict: createVerdict(category),
    raw: {},
  };
}

describe('throttle port: webhook outcomes', () => {
  it('a webhook event about an earlier attempt does not free the slot of the attempt in flight', () => {
    const throttle = createThrottlePort(undefined, options);
    expect(throttle.acquire('postmark', 'a@gmail.com', 0)).toEqual({ ok: true });
    throttle.feedback('postmark', 'a@gmail.com', outcome('accepted', 'delivered'), 10);
    expect(throttle.acquire('postmark', 'b@gmail.com', 20)).toEqual({ ok: true });
    // Hours later the first message bounces, while b's attempt is still in flight.
    throttle.feedback('postmark', 'a@gmail.com', outcome('bounced', 'mailbox-unknown'), 30, true);
    expect(throttle.acquire('postmark', 'c@gmail.com', 40)).toMatchObject({ ok: false });
    // b's own result frees its slot.
    throttle.feedback('postmark', 'b@gmail.com', outcome('accepted', 'delivered'), 50);
    expect(throttle.acquire('postmark', 'c@gmail.com', 60)).toEqual({ ok: true });
  });

  it('without attemptOver, the outcome ends the attempt and frees its slot (the synchronous path)', () => {
    const throttle = createThrottlePort(undefined, options);
    expect(throttle.acquire('smtp', 'a@gmail.com', 0)).toEqual({ ok: true });
    expect(throttle.acquire('smtp', 'b@gmail.com', 10)).toMatchObject({ ok: false });
    throttle.feedback('smtp', 'a@gmail.com', outcome('bounced', 'mailbox-unknown'), 20);
    expect(throttle.acquire('smtp', 'b@gmail.com', 30)).toEqual({ ok: true });
  });
});

import { isCategory } from '@mailverdict/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bounceOf,
  delivery,
  hardBounce,
  softBounce,
  subscriptionChange,
  webhookFixtures,
} from './__fixtures__/webhooks';
import { bounceTypes } from './bounce-types';
import { fromPostmarkWebhook } from './webhook';

describe('fromPostmarkWebhook: fixtures (packages/postmark/PROVIDER.md §4)', () => {
  for (const fixture of webhookFixtures) {
    it(fixture.name, () => {
      const outcomes = fromPostmarkWebhook(fixture.payload);
      expect(outcomes).toHaveLength(1);
      const [outcome] = outcomes;
      expect({
        event: outcome?.event,
        recipient: outcome?.recipient,
        origin: outcome?.origin,
        category: outcome?.verdict.category,
      }).toEqual(fixture.expected);
      expect(outcome?.provider).toBe('postmark');
      expect(outcome?.raw).toBe(fixture.payload);
    });
  }
});

describe('fromPostmarkWebhook', () => {
  it('parses Details smtp;550 5.1.1 into the reply and keeps Postmark labels as evidence', () => {
    const [outcome] = fromPostmarkWebhook(hardBounce);
    expect(outcome?.reply?.code).toBe(550);
    expect(outcome?.reply?.enhanced?.code).toBe('5.1.1');
    expect(outcome?.messageId).toBe(hardBounce.MessageID);
    expect(outcome?.occurredAt).toBe(Date.UTC(2026, 10, 20, 10, 15, 2, 123));
    expect(outcome?.providerDetail).toMatchObject({
      Type: 'HardBounce',
      TypeCode: 1,
      Inactive: true,
      CanActivate: true,
    });
    expect(outcome?.verdict.suppressRecipient).toBe(true);
  });

  it('a soft bounce over quota is transient, not suppressed', () => {
    const [outcome] = fromPostmarkWebhook(softBounce);
    expect(outcome?.verdict).toMatchObject({ permanence: 'transient', suppressRecipient: false });
  });

  it('accepts the raw body as a string or as bytes', () => {
    const body = JSON.stringify(delivery);
    expect(fromPostmarkWebhook(body)[0]?.event).toBe('delivered');
    expect(fromPostmarkWebhook(new TextEncoder().encode(body))[0]?.event).toBe('delivered');
  });

  it('matches on Type, not TypeCode', () => {
    // TypeCode 512 is SpamNotification; the Type says AutoResponder.
    const [outcome] = fromPostmarkWebhook({ ...bounceOf('AutoResponder', 512, ''), Details: '' });
    expect(outcome?.verdict.category).toBe('auto-reply');
    expect(outcome?.verdict.permanence).toBe('success');
  });

  it('gives every Postmark bounce Type a verdict, with or without Details', () => {
    for (const [type, info] of Object.entries(bounceTypes)) {
      for (const details of ['', 'smtp;550 5.0.0 Undeliverable']) {
        const outcomes = fromPostmarkWebhook(bounceOf(type, info.typeCode, details));
        expect(outcomes, type).toHaveLength(1);
        expect(isCategory(outcomes[0]?.verdict.category), type).toBe(true);
        expect(outcomes[0]?.event, type).toBe(info.event);
      }
    }
  });

  it('certain types override the text: ManuallyDeactivated is suppressed, SpamComplaint a complaint', () => {
    const manual = fromPostmarkWebhook(
      bounceOf('ManuallyDeactivated', 100002, 'smtp;452 4.2.2 Mailbox full'),
    )[0];
    expect(manual?.verdict.category).toBe('suppressed');
    expect(manual?.origin).toBe('provider');
  });

  it('an unknown Type (e.g. InboxFull) is classified from its Details alone', () => {
    const [outcome] = fromPostmarkWebhook(bounceOf('InboxFull', 999, 'smtp;552 5.2.2 Mailbox full'));
    expect(outcome?.verdict.category).toBe('mailbox-full');
    expect(outcome?.providerDetail).toMatchObject({ Type: 'InboxFull' });
  });

  it('SubscriptionChange: suppression, spam complaint, reactivation', () => {
    expect(
      fromPostmarkWebhook({ ...subscriptionChange, SuppressionReason: 'SpamComplaint' })[0]?.verdict.category,
    ).toBe('complaint');
    const manual = fromPostmarkWebhook({
      ...subscriptionChange,
      Origin: 'Customer',
      SuppressionReason: 'ManualSuppression',
    })[0];
    expect([manual?.event, manual?.verdict.category]).toEqual(['rejected', 'suppressed']);
    const back = fromPostmarkWebhook({
      ...subscriptionChange,
      SuppressSending: false,
      SuppressionReason: null,
    })[0];
    expect(back?.verdict).toMatchObject({ permanence: 'success', suppressRecipient: false });
  });

  it('Open and Click are not delivery outcomes', () => {
    expect(fromPostmarkWebhook({ RecordType: 'Open', MessageID: 'x', Recipient: 'a@example.test' })).toEqual(
      [],
    );
    expect(fromPostmarkWebhook({ RecordType: 'Click', MessageID: 'x', Recipient: 'a@example.test' })).toEqual(
      [],
    );
  });

  it('garbage gives one unknown outcome with the reason, never a throw', () => {
    expect(fromPostmarkWebhook('{not json')[0]?.verdict.summary).toContain('not JSON');
    expect(fromPostmarkWebhook({ RecordType: 'Teleport' })[0]?.verdict.summary).toContain('Teleport');
    expect(fromPostmarkWebhook(null)[0]?.verdict.category).toBe('unknown');
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.record({
            RecordType: fc.constantFrom('Bounce', 'Delivery', 'SpamComplaint', 'SubscriptionChange'),
            Type: fc.anything(),
            Details: fc.anything(),
            BouncedAt: fc.anything(),
            Email: fc.anything(),
          }),
        ),
        (value) => {
          for (const outcome of fromPostmarkWebhook(value))
            expect(isCategory(outcome.verdict.category)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });
});

import type { Category } from '@mailverdict/core';
import {
  createSnsTestSigner,
  sesEvents,
  toEventBridge,
  toSnsNotification,
  toSnsSubscriptionConfirmation,
} from '@mailverdict/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sesFixtures } from './__fixtures__/webhooks';
import { fromSesNotification, readSesWebhook } from './webhook';

describe('fixtures (documented shapes)', () => {
  for (const fixture of sesFixtures) {
    it(fixture.name, () => {
      const before = JSON.stringify(fixture.input);
      const outcomes = fromSesNotification(fixture.input);
      expect(outcomes).toHaveLength(fixture.expected.length);
      fixture.expected.forEach((expected, index) => {
        const outcome = outcomes[index];
        expect(outcome).toMatchObject({ provider: 'ses', event: expected.event, origin: expected.origin });
        expect(outcome?.recipient).toBe(expected.recipient);
        if (expected.messageId !== undefined) expect(outcome?.messageId).toBe(expected.messageId);
        if (expected.smtp === true) {
          // The diagnostic decides (core's classifier), not SES's label.
          expect(outcome?.reply?.code).toBeTypeOf('number');
          expect([expected.category, ...(expected.alsoAccept ?? [])]).toContain(outcome?.verdict.category);
          expect(outcome?.verdict.rule.startsWith('ses:')).toBe(false);
        } else {
          expect(outcome?.verdict.category).toBe(expected.category);
        }
        expect(outcome?.raw).toBe(fixture.input);
      });
      expect(JSON.stringify(fixture.input)).toBe(before);
    });
  }
});

describe('Bounce', () => {
  const noDiagnostic: [string, string, Category, string][] = [
    ['Permanent', 'NoEmail', 'mailbox-unknown', 'bounced'],
    ['Permanent', 'General', 'unknown', 'bounced'],
    ['Transient', 'General', 'unknown', 'bounced'],
    ['Transient', 'MailboxFull', 'mailbox-full', 'bounced'],
    ['Transient', 'MessageTooLarge', 'message-too-large', 'bounced'],
    ['Transient', 'ContentRejected', 'spam-content', 'bounced'],
    ['Transient', 'AttachmentRejected', 'virus', 'bounced'],
    ['Undetermined', 'Undetermined', 'unknown', 'bounced'],
    ['Permanent', 'Suppressed', 'suppressed', 'rejected'],
    ['Permanent', 'OnAccountSuppressionList', 'suppressed', 'rejected'],
  ];
  for (const [bounceType, bounceSubType, category, event] of noDiagnostic) {
    it(`${bounceType}/${bounceSubType} without a DSN → ${category}`, () => {
      const input = sesEvents.bounce({
        bounceType: bounceType as 'Permanent',
        bounceSubType,
        recipients: ['r@example.test'],
      });
      const [outcome] = fromSesNotification(input);
      expect(outcome).toMatchObject({
        event,
        verdict: { category },
        providerDetail: { bounceType, bounceSubType },
      });
      expect(outcome?.origin).toBe(category === 'suppressed' ? 'provider' : 'remote-server');
    });
  }

  it('Permanent/General without a DSN keeps SES advice: permanent, suppress', () => {
    const [outcome] = fromSesNotification(
      sesEvents.bounce({ bounceType: 'Permanent', bounceSubType: 'General', recipients: ['r@example.test'] }),
    );
    expect(outcome?.verdict).toMatchObject({ permanence: 'permanent', suppressRecipient: true });
  });

  it('suppression wins over any diagnostic text', () => {
    const input = sesEvents.bounce({
      bounceType: 'Permanent',
      bounceSubType: 'OnAccountSuppressionList',
      recipients: [{ emailAddress: 'r@example.test', diagnosticCode: 'smtp; 452 4.2.2 Mailbox full' }],
    });
    expect(fromSesNotification(input)[0]?.verdict).toMatchObject({
      category: 'suppressed',
      suppressRecipient: true,
    });
  });

  it('a 552 5.2.2 that SES labels Transient/MailboxFull: the reply is parsed, the category is mailbox-full', () => {
    const input = sesEvents.bounce({
      bounceType: 'Transient',
      bounceSubType: 'MailboxFull',
      recipients: [
        {
          emailAddress: 'full@example.test',
          status: '5.2.2',
          diagnosticCode: 'smtp; 552 5.2.2 Mailbox full',
        },
      ],
    });
    const [outcome] = fromSesNotification(input);
    expect(outcome?.reply).toMatchObject({ code: 552, enhanced: { code: '5.2.2' } });
    expect(outcome?.verdict.category).toBe('mailbox-full');
    expect(outcome?.verdict.status).toBe('5.2.2');
  });

  it('one outcome per bounced recipient, each with its own diagnostic', () => {
    const input = sesEvents.bounce({
      bounceType: 'Permanent',
      bounceSubType: 'General',
      recipients: [
        { emailAddress: 'a@example.test', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' },
        {
          emailAddress: 'b@example.test',
          status: '5.7.1',
          diagnosticCode: 'smtp; 554 5.7.1 rejected by policy',
        },
      ],
    });
    const outcomes = fromSesNotification(input);
    expect(outcomes.map((outcome) => outcome.recipient)).toEqual(['a@example.test', 'b@example.test']);
    expect(outcomes.map((outcome) => outcome.reply?.enhanced?.code)).toEqual(['5.1.1', '5.7.1']);
    expect(outcomes.map((outcome) => outcome.providerDetail.status)).toEqual(['5.1.1', '5.7.1']);
  });

  it('occurredAt is the bounce timestamp, messageId the SES message id', () => {
    const input = sesEvents.bounce({
      bounceType: 'Permanent',
      bounceSubType: 'NoEmail',
      recipients: ['r@example.test'],
      timestamp: '2026-11-20T10:00:03.210Z',
      messageId: 'mid-1',
    });
    expect(fromSesNotification(input)[0]).toMatchObject({
      occurredAt: Date.parse('2026-11-20T10:00:03.210Z'),
      messageId: 'mid-1',
    });
  });
});

describe('DeliveryDelay', () => {
  const types: [string, Category, string][] = [
    ['InternalFailure', 'deferred', 'provider'],
    ['General', 'deferred', 'remote-server'],
    ['MailboxFull', 'mailbox-full', 'remote-server'],
    ['SpamDetected', 'reputation', 'remote-server'],
    ['RecipientServerError', 'server-busy', 'remote-server'],
    ['IPFailure', 'reputation', 'remote-server'],
    ['TransientCommunicationFailure', 'network', 'network'],
    ['BYOIPHostNameLookupUnavailable', 'sender-infrastructure', 'provider'],
    ['Undetermined', 'deferred', 'remote-server'],
    ['SendingDeferral', 'deferred', 'provider'],
    ['SomethingNew', 'deferred', 'remote-server'],
  ];
  for (const [delayType, category, origin] of types) {
    it(`${delayType} without a diagnostic → ${category}, transient, origin ${origin}`, () => {
      const [outcome] = fromSesNotification(
        sesEvents.deliveryDelay({ delayType, recipients: ['r@example.test'] }),
      );
      expect(outcome).toMatchObject({
        event: 'deferred',
        origin,
        verdict: { category, permanence: 'transient' },
        providerDetail: { delayType },
      });
      expect(outcome?.providerDetail.expirationTime).toBeTypeOf('string');
    });
  }

  it('with a diagnostic, the reply is kept and core decides when it can', () => {
    const diagnosticCode = 'smtp; 421 4.7.0 [TSS04] Messages from 203.0.113.17 temporarily deferred';
    const [outcome] = fromSesNotification(
      sesEvents.deliveryDelay({
        delayType: 'IPFailure',
        recipients: [{ emailAddress: 'y@yahoo.example', diagnosticCode }],
      }),
    );
    expect(outcome?.reply).toMatchObject({ code: 421, enhanced: { code: '4.7.0' } });
    expect(outcome?.origin).toBe('remote-server');
    expect(outcome?.verdict.category).toBe('reputation');
  });
});

describe('other events', () => {
  it('Complaint with complaintSubType OnAccountSuppressionList is a suppression, not a complaint', () => {
    const [outcome] = fromSesNotification(
      sesEvents.complaint({ recipients: ['r@example.test'], complaintSubType: 'OnAccountSuppressionList' }),
    );
    expect(outcome).toMatchObject({
      event: 'rejected',
      origin: 'provider',
      verdict: { category: 'suppressed' },
    });
  });

  it('Complaint per recipient, feedback type kept', () => {
    const outcomes = fromSesNotification(
      sesEvents.complaint({
        recipients: ['a@example.test', 'b@example.test'],
        complaintFeedbackType: 'abuse',
        style: 'notification',
      }),
    );
    expect(outcomes).toHaveLength(2);
    expect(outcomes[1]).toMatchObject({
      event: 'complained',
      recipient: 'b@example.test',
      verdict: { category: 'complaint', suppressRecipient: true },
      providerDetail: { complaintFeedbackType: 'abuse', type: 'Complaint' },
    });
  });

  it('Delivery is delivered whatever the classifier makes of the 250 text; the reply is parsed', () => {
    const [outcome] = fromSesNotification(
      sesEvents.delivery({
        recipients: ['ok@example.test'],
        smtpResponse: '250 2.0.0 OK 1763633700 a1si123',
      }),
    );
    expect(outcome).toMatchObject({
      event: 'delivered',
      verdict: { category: 'delivered', permanence: 'success' },
    });
    expect(outcome?.reply?.code).toBe(250);
  });

  it('Rendering Failure is a failed message-format outcome with the template error kept', () => {
    const [outcome] = fromSesNotification(
      sesEvents.renderingFailure({ recipients: ['r@example.test'], errorMessage: 'Attribute missing' }),
    );
    expect(outcome).toMatchObject({
      event: 'failed',
      origin: 'provider',
      verdict: { category: 'message-format', retry: { changeRequired: true } },
      providerDetail: { errorMessage: 'Attribute missing', templateName: 'welcome' },
    });
  });

  it('tracking events (Open, Click, Subscription) give no outcome', () => {
    for (const eventType of ['Open', 'Click', 'Subscription']) {
      expect(fromSesNotification({ eventType, mail: { messageId: 'x' } })).toEqual([]);
    }
  });

  it('Send is accepted by the provider, per destination', () => {
    const outcomes = fromSesNotification({
      eventType: 'Send',
      send: {},
      mail: { messageId: 'm-9', destination: ['a@example.test', 'b@example.test'] },
    });
    expect(
      outcomes.map((outcome) => [outcome.event, outcome.origin, outcome.recipient, outcome.messageId]),
    ).toEqual([
      ['accepted', 'provider', 'a@example.test', 'm-9'],
      ['accepted', 'provider', 'b@example.test', 'm-9'],
    ]);
  });
});

describe('transports', () => {
  const bounce = sesEvents.bounce({
    bounceType: 'Permanent',
    bounceSubType: 'NoEmail',
    recipients: ['r@example.test'],
  });

  it('the same event reads the same in SNS (object or string), EventBridge and raw form', () => {
    const sns = toSnsNotification(bounce);
    const forms = [sns, JSON.stringify(sns), Buffer.from(JSON.stringify(sns)), toEventBridge(bounce), bounce];
    const transports = forms.map((form) => readSesWebhook(form));
    expect(
      transports.map((webhook) => (webhook.kind === 'events' ? webhook.transport : webhook.kind)),
    ).toEqual(['sns', 'sns', 'sns', 'eventbridge', 'raw']);
    for (const form of forms) {
      const [outcome] = fromSesNotification(form);
      expect(outcome).toMatchObject({
        recipient: 'r@example.test',
        verdict: { category: 'mailbox-unknown' },
      });
      expect(outcome?.raw).toBe(form);
    }
  });

  it('a SubscriptionConfirmation is reported, not fetched; a foreign SubscribeURL is flagged', () => {
    const signer = createSnsTestSigner();
    const confirmation = toSnsSubscriptionConfirmation({ signer });
    const webhook = readSesWebhook(confirmation);
    expect(webhook).toMatchObject({
      kind: 'subscription-confirmation',
      topicArn: confirmation.TopicArn,
      subscribeUrl: confirmation.SubscribeURL,
      subscribeUrlTrusted: true,
      token: confirmation.Token,
    });
    expect(readSesWebhook({ ...confirmation, SubscribeURL: 'https://evil.example/confirm' })).toMatchObject({
      subscribeUrlTrusted: false,
    });
    expect(fromSesNotification(confirmation)).toEqual([]);
    expect(readSesWebhook({ ...confirmation, Type: 'UnsubscribeConfirmation' })).toMatchObject({
      kind: 'unsubscribe-confirmation',
    });
  });

  it('an EventBridge event from another source is not read as SES', () => {
    const event = { ...toEventBridge(bounce), source: 'aws.ec2' };
    expect(readSesWebhook(event)).toMatchObject({
      kind: 'unreadable',
      reason: expect.stringContaining('aws.ec2'),
    });
  });
});

describe('garbage', () => {
  it('gives one unknown outcome with the reason, never a throw', () => {
    const cases: [unknown, string][] = [
      ['not json', 'not JSON'],
      [42, 'not a JSON object'],
      [{ hello: 'world' }, 'neither'],
      [{ Type: 'Notification', TopicArn: 'arn', Message: '{oops' }, 'not JSON'],
      [{ eventType: 'Bounce', bounce: {} }, 'no bouncedRecipients'],
      [{ eventType: 'Explosion' }, 'unknown SES event type'],
    ];
    for (const [input, reason] of cases) {
      const outcomes = fromSesNotification(input);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({
        provider: 'ses',
        origin: 'local',
        verdict: { category: 'unknown' },
      });
      expect(outcomes[0]?.verdict.summary).toContain(reason);
      expect(outcomes[0]?.raw).toBe(input);
    }
  });

  it('never throws on any value or any mutation of a real payload', () => {
    const bounce = sesEvents.bounce({
      bounceType: 'Permanent',
      bounceSubType: 'General',
      recipients: [{ emailAddress: 'a@example.test', diagnosticCode: 'smtp; 550 5.1.1 unknown' }],
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.record({
            eventType: fc.constantFrom('Bounce', 'Complaint', 'Delivery', 'DeliveryDelay', 'Reject'),
            bounce: fc.anything(),
            complaint: fc.anything(),
            delivery: fc.anything(),
            deliveryDelay: fc.anything(),
            mail: fc.anything(),
          }),
          fc.anything().map((value) => ({
            ...bounce,
            bounce: { ...(bounce.bounce as Record<string, unknown>), bouncedRecipients: [value] },
          })),
          fc.string().map((Message) => ({ Type: 'Notification', TopicArn: 'arn', Message })),
        ),
        (input) => {
          const outcomes = fromSesNotification(input);
          expect(Array.isArray(outcomes)).toBe(true);
          for (const outcome of outcomes) expect(outcome.verdict.category).toBeTypeOf('string');
        },
      ),
      { numRuns: 500 },
    );
  });
});

import type { Category } from '@mailverdict/core';
import { sendGridEvents } from '@mailverdict/testkit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sendGridFixtures } from './__fixtures__/webhooks';
import { fromSendGridEvents } from './webhook';

describe('fixtures (documented shapes), delivered as one batch', () => {
  const batch = sendGridFixtures.map((fixture) => fixture.input);
  const body = JSON.stringify(batch);
  const outcomes = fromSendGridEvents(body);

  it('one outcome per delivery event, none for tracking events, in order', () => {
    const expected = sendGridFixtures.filter((fixture) => fixture.expected !== null);
    expect(outcomes).toHaveLength(expected.length);
    expect(outcomes.map((outcome) => outcome.providerDetail.sg_event_id)).toEqual(
      expected.map((fixture) => fixture.input.sg_event_id),
    );
  });

  for (const fixture of sendGridFixtures.filter((candidate) => candidate.expected !== null)) {
    it(fixture.name, () => {
      const before = JSON.stringify(fixture.input);
      const [outcome] = fromSendGridEvents([fixture.input]);
      const expected = fixture.expected!;
      const recipient = fixture.input.email as string;
      expect(outcome).toMatchObject({
        provider: 'sendgrid',
        event: expected.event,
        origin: expected.origin,
        recipient,
        messageId: fixture.input.sg_message_id,
        occurredAt: (fixture.input.timestamp as number) * 1000,
      });
      if (expected.smtp === true) {
        // The SMTP text decides (core's classifier), not SendGrid's label.
        const text = (fixture.input.reason ?? fixture.input.response) as string;
        expect([expected.category, ...(expected.alsoAccept ?? [])]).toContain(outcome?.verdict.category);
        expect(outcome?.verdict.rule.startsWith('sendgrid:')).toBe(false);
        expect(outcome?.reply?.raw).toBe(text);
      } else {
        expect(outcome?.verdict.category).toBe(expected.category);
      }
      expect(outcome?.raw).toBe(fixture.input);
      expect(JSON.stringify(fixture.input)).toBe(before);
    });
  }
});

describe('dropped reasons', () => {
  const reasons: [string, Category][] = [
    ['Bounced Address', 'suppressed'],
    ['Unsubscribed Address', 'suppressed'],
    ['Spam Reporting Address', 'suppressed'],
    ['Invalid', 'suppressed'],
    ['Spam Content', 'spam-content'],
    ['Recipient List over Package Quota', 'account-limit'],
    ['Invalid SMTPAPI header', 'protocol'],
    ['Expired', 'expired'],
    ['Something SendGrid added later', 'unknown'],
  ];
  for (const [reason, category] of reasons) {
    it(`"${reason}" → ${category}, rejected by the provider`, () => {
      const [outcome] = fromSendGridEvents([sendGridEvents.dropped({ email: 'r@example.test', reason })]);
      expect(outcome).toMatchObject({
        event: 'rejected',
        origin: 'provider',
        verdict: { category },
        providerDetail: { reason },
      });
    });
  }

  it('suppression drops say to suppress the recipient', () => {
    const [outcome] = fromSendGridEvents([
      sendGridEvents.dropped({ email: 'r@example.test', reason: 'bounced address' }),
    ]);
    expect(outcome?.verdict).toMatchObject({
      category: 'suppressed',
      suppressRecipient: true,
      scope: 'recipient',
    });
  });
});

describe('bounce classifications when there is no SMTP text', () => {
  const labels: [string, Category][] = [
    ['Invalid Address', 'mailbox-unknown'],
    ['Mailbox Unavailable', 'mailbox-disabled'],
    ['Content', 'spam-content'],
    ['Reputation', 'reputation'],
    ['Technical Failure', 'server-error'],
    ['Frequency or Volume Too High', 'rate-limited'],
    ['Unclassified', 'unknown'],
  ];
  for (const [label, category] of labels) {
    it(`${label} → ${category}`, () => {
      const [outcome] = fromSendGridEvents([
        sendGridEvents.bounce({
          email: 'r@example.test',
          reason: '',
          bounce_classification: label,
          type: 'blocked',
        }),
      ]);
      expect(outcome?.verdict.category).toBe(category);
      expect(outcome?.reply).toBeUndefined();
      expect(outcome?.providerDetail).toMatchObject({ bounce_classification: label, type: 'blocked' });
    });
  }

  it('Mailbox Unavailable does not suppress (it may be a full mailbox)', () => {
    const [outcome] = fromSendGridEvents([
      sendGridEvents.bounce({
        email: 'r@example.test',
        reason: '',
        bounce_classification: 'Mailbox Unavailable',
      }),
    ]);
    expect(outcome?.verdict).toMatchObject({
      rule: 'sendgrid:classification-mailbox-unavailable',
      suppressRecipient: false,
    });
  });
});

describe('other events', () => {
  it('deferred keeps the attempt string and parses the response', () => {
    const [outcome] = fromSendGridEvents([
      sendGridEvents.deferred({
        email: 'g@example.test',
        response: '450 4.2.0 Greylisted, try again later',
        attempt: '3',
      }),
    ]);
    expect(outcome).toMatchObject({
      event: 'deferred',
      providerDetail: { attempt: '3' },
      reply: { code: 450 },
    });
    expect(outcome?.verdict.permanence).toBe('transient');
  });

  it('tracking and preference events give no outcome', () => {
    const email = 'r@example.test';
    const tracking = [
      sendGridEvents.open({ email }),
      sendGridEvents.click({ email }),
      sendGridEvents.unsubscribe({ email }),
      sendGridEvents.groupUnsubscribe({ email }),
      { ...sendGridEvents.groupUnsubscribe({ email }), event: 'group_resubscribe' },
    ];
    expect(fromSendGridEvents(tracking)).toEqual([]);
  });

  it('processed is accepted by the provider', () => {
    const [outcome] = fromSendGridEvents([sendGridEvents.processed({ email: 'r@example.test' })]);
    expect(outcome).toMatchObject({ event: 'accepted', origin: 'provider', recipient: 'r@example.test' });
  });

  it('a single event object (not in an array) and bytes are accepted', () => {
    const event = sendGridEvents.spamreport({ email: 'r@example.test' });
    expect(fromSendGridEvents(event)[0]?.verdict.category).toBe('complaint');
    expect(fromSendGridEvents(Buffer.from(JSON.stringify([event])))[0]?.event).toBe('complained');
  });
});

describe('garbage', () => {
  it('gives one unknown outcome per unreadable item, with the reason', () => {
    const cases: [unknown, string][] = [
      ['[not json', 'not JSON'],
      [7, 'neither'],
      [[null], 'not an object'],
      [[{ email: 'x@example.test' }], 'no "event"'],
      [[{ event: 'teleported' }], 'unknown SendGrid event'],
    ];
    for (const [input, reason] of cases) {
      const outcomes = fromSendGridEvents(input);
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]).toMatchObject({
        provider: 'sendgrid',
        origin: 'local',
        verdict: { category: 'unknown' },
      });
      expect(outcomes[0]?.verdict.summary).toContain(reason);
    }
  });

  it('never throws on any value or any mutation of a real event', () => {
    const bounce = sendGridEvents.bounce({
      email: 'a@example.test',
      reason: '550 5.1.1 unknown',
      status: '5.1.1',
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.string(),
          fc.array(fc.anything()),
          fc
            .dictionary(
              fc.constantFrom('event', 'email', 'reason', 'status', 'timestamp', 'response', 'type'),
              fc.anything(),
            )
            .map((patch) => [{ ...bounce, ...patch }]),
        ),
        (input) => {
          for (const outcome of fromSendGridEvents(input))
            expect(outcome.verdict.category).toBeTypeOf('string');
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("SendGrid's own MTA diagnostics", () => {
  it('an MX lookup failure with "no such host" is domain-invalid; other MX lookup failures are dns-failure', () => {
    const [nxdomain, failed] = fromSendGridEvents([
      sendGridEvents.bounce({
        email: 'a@nowhere.example',
        type: 'blocked',
        reason:
          'unable to get mx info: failed to get IPs from PTR record: lookup nowhere.example: no such host',
      }),
      sendGridEvents.bounce({
        email: 'b@slow.example',
        type: 'blocked',
        reason: 'unable to get mx info: i/o timeout',
      }),
    ]);
    expect(nxdomain).toMatchObject({
      origin: 'provider',
      verdict: { category: 'domain-invalid', suppressRecipient: true },
    });
    expect(failed).toMatchObject({ origin: 'provider', verdict: { category: 'dns-failure' } });
    expect(nxdomain?.reply).toBeUndefined();
  });
});

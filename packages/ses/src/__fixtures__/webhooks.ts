// SES notifications in their documented shapes, with the outcome each must give.
// Source: packages/ses/PROVIDER.md §3 and §6 (values invented; shapes from the SES developer guide's notification
// examples and event contents, https://docs.aws.amazon.com/ses/latest/dg/event-publishing-retrieving-sns-contents.html).
// `smtp` marks the cases whose category comes from core's classifier.
import type { Category, DeliveryEvent, OutcomeOrigin } from '@mailverdict/core';

export interface SesFixture {
  readonly name: string;
  readonly input: unknown;
  readonly expected: readonly {
    readonly event: DeliveryEvent;
    readonly recipient?: string;
    readonly category: Category;
    readonly origin: OutcomeOrigin;
    readonly messageId?: string;
    /** true when the category is decided by core's classifier from the diagnostic code */
    readonly smtp?: boolean;
    /** other categories an expert also accepts for that SMTP text */
    readonly alsoAccept?: readonly Category[];
  }[];
}

const bounceGeneral = {
  eventType: 'Bounce',
  bounce: {
    bounceType: 'Permanent',
    bounceSubType: 'General',
    bouncedRecipients: [
      {
        emailAddress: 'nobody@example.test',
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 <nobody@example.test>: Recipient address rejected: User unknown',
      },
    ],
    timestamp: '2026-11-20T10:00:03.210Z',
    feedbackId: '0102019aabcdef01-1a2b3c4d-0000-0000-0000-000000000000-000000',
    reportingMTA: 'dsn; b224-13.smtp-out.eu-west-1.amazonses.com',
  },
  mail: {
    timestamp: '2026-11-20T10:00:01.000Z',
    source: 'noreply@example.org',
    sourceArn: 'arn:aws:ses:eu-west-1:111122223333:identity/example.org',
    sendingAccountId: '111122223333',
    messageId: '0102019aabcdef00-11112222-3333-4444-5555-666677778888-000000',
    destination: ['nobody@example.test'],
    headersTruncated: false,
    tags: { 'ses:configuration-set': ['transactional'] },
  },
};

export const snsBounceEnvelope = {
  Type: 'Notification',
  MessageId: '3f1a2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b',
  TopicArn: 'arn:aws:sns:eu-west-1:111122223333:ses-events',
  Message: JSON.stringify(bounceGeneral),
  Timestamp: '2026-11-20T10:00:03.456Z',
  SignatureVersion: '2',
  Signature: '<base64 RSA-SHA256>',
  SigningCertURL: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0123456789abcdef.pem',
  UnsubscribeURL:
    'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:eu-west-1:111122223333:ses-events:0f0e0d0c',
};

export const sesFixtures: readonly SesFixture[] = [
  {
    name: 'SNS envelope, event publishing Bounce Permanent/General with 550 5.1.1',
    input: snsBounceEnvelope,
    expected: [
      {
        event: 'bounced',
        recipient: 'nobody@example.test',
        category: 'mailbox-unknown',
        origin: 'remote-server',
        messageId: '0102019aabcdef00-11112222-3333-4444-5555-666677778888-000000',
        smtp: true,
      },
    ],
  },
  {
    name: 'Bounce Permanent/OnAccountSuppressionList',
    input: {
      eventType: 'Bounce',
      bounce: {
        bounceType: 'Permanent',
        bounceSubType: 'OnAccountSuppressionList',
        bouncedRecipients: [{ emailAddress: 'former@example.test' }],
        timestamp: '2026-11-20T11:00:00.100Z',
        feedbackId: '0102019aac000001-aaaa-bbbb-cccc-dddd-000000',
      },
      mail: {
        timestamp: '2026-11-20T11:00:00.000Z',
        source: 'noreply@example.org',
        messageId: '0102019aac000000-1111-2222-3333-4444-000000',
        destination: ['former@example.test'],
      },
    },
    expected: [
      {
        event: 'rejected',
        recipient: 'former@example.test',
        category: 'suppressed',
        origin: 'provider',
        messageId: '0102019aac000000-1111-2222-3333-4444-000000',
      },
    ],
  },
  {
    name: 'DeliveryDelay RecipientServerError with 451 4.3.2',
    input: {
      eventType: 'DeliveryDelay',
      mail: {
        timestamp: '2026-11-20T12:00:00.000Z',
        source: 'noreply@example.org',
        messageId: '0102019aad000000-5555-6666-7777-8888-000000',
        destination: ['slow@example.test'],
        tags: { 'ses:configuration-set': ['transactional'] },
      },
      deliveryDelay: {
        timestamp: '2026-11-20T12:10:00.000Z',
        delayType: 'RecipientServerError',
        expirationTime: '2026-11-20T23:59:59.000Z',
        reportingMTA: '198.51.100.44',
        delayedRecipients: [
          {
            emailAddress: 'slow@example.test',
            status: '4.3.2',
            diagnosticCode: 'smtp; 451 4.3.2 Please try again later',
          },
        ],
      },
    },
    expected: [
      {
        event: 'deferred',
        recipient: 'slow@example.test',
        category: 'deferred',
        alsoAccept: ['server-busy'],
        origin: 'remote-server',
        smtp: true,
      },
    ],
  },
  {
    name: 'identity notification Complaint (abuse)',
    input: {
      notificationType: 'Complaint',
      complaint: {
        complainedRecipients: [{ emailAddress: 'reader@example.test' }],
        timestamp: '2026-11-21T08:00:00.000Z',
        feedbackId: '0102019aae000001-0000-0000-0000-000000',
        complaintSubType: null,
        userAgent: 'ExampleFBL/1.0',
        complaintFeedbackType: 'abuse',
        arrivalDate: '2026-11-21T07:59:00.000Z',
      },
      mail: {
        timestamp: '2026-11-20T12:00:00.000Z',
        source: 'news@example.org',
        messageId: '0102019aae000000-9999-0000-1111-2222-000000',
        destination: ['reader@example.test'],
      },
    },
    expected: [
      {
        event: 'complained',
        recipient: 'reader@example.test',
        category: 'complaint',
        origin: 'remote-server',
      },
    ],
  },
  {
    name: 'EventBridge Email Delivered',
    input: {
      version: '0',
      id: '8b0a1f9e-0000-4000-8000-000000000001',
      'detail-type': 'Email Delivered',
      source: 'aws.ses',
      account: '111122223333',
      time: '2026-11-20T10:00:02Z',
      region: 'eu-west-1',
      resources: [],
      detail: {
        eventType: 'Delivery',
        mail: {
          timestamp: '2026-11-20T10:00:01.000Z',
          source: 'noreply@example.org',
          messageId: '0102019aaf000000-0000-0000-0000-000000000000-000000',
          destination: ['ok@example.test'],
        },
        delivery: {
          timestamp: '2026-11-20T10:00:02.000Z',
          processingTimeMillis: 1000,
          recipients: ['ok@example.test'],
          smtpResponse: '250 2.6.0 Message received',
          reportingMTA: 'a8-1.smtp-out.eu-west-1.amazonses.com',
        },
      },
    },
    expected: [
      { event: 'delivered', recipient: 'ok@example.test', category: 'delivered', origin: 'remote-server' },
    ],
  },
  {
    name: 'Reject (Bad content)',
    input: {
      eventType: 'Reject',
      reject: { reason: 'Bad content' },
      mail: {
        timestamp: '2026-11-20T10:00:01.000Z',
        messageId: 'r-1',
        destination: ['a@example.test', 'b@example.test'],
      },
    },
    expected: [
      { event: 'rejected', recipient: 'a@example.test', category: 'virus', origin: 'provider' },
      { event: 'rejected', recipient: 'b@example.test', category: 'virus', origin: 'provider' },
    ],
  },
];

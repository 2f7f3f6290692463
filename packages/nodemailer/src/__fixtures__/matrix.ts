// The rows of packages/nodemailer/PROVIDER.md §4 ("Observed behaviour matrix", nodemailer 10.6.1 against a fake
// server, recipients `bad@` and `good@`), rebuilt as the objects nodemailer hands back, with the
// outcome each must normalize to beside it. The integration tests reproduce the same rows live.
import type { Category, DeliveryEvent, OutcomeOrigin, Permanence } from '@mailverdict/core';
import { nodemailerError } from './errors';
import * as replies from './replies';

export interface ExpectedOutcome {
  readonly event: DeliveryEvent;
  readonly recipient?: string;
  readonly origin: OutcomeOrigin;
  /** The category, or the categories an expert would accept (as `accept` in replies.jsonl). */
  readonly category: Category | readonly Category[];
  readonly permanence: Permanence;
}

export interface Fixture {
  readonly name: string;
  /** Where the shape comes from. */
  readonly source: string;
  /** `error` for a rejected send, `info` for a resolved one. */
  readonly kind: 'error' | 'info';
  readonly input: unknown;
  readonly expected: readonly ExpectedOutcome[];
}

export const bad = 'bad@example.test';
export const good = 'good@example.test';
export const mail = { from: 'sender@example.org', to: [bad, good], subject: 'Hello', text: 'Hi' };

const rcptError = (recipient: string, response: string) =>
  nodemailerError('Recipient command failed', { code: 'EENVELOPE', command: 'RCPT TO', response, recipient });

const allRejected = (first: string, second: string, top: string) =>
  nodemailerError("Can't send mail - all recipients were rejected", {
    code: 'EENVELOPE',
    command: 'RCPT TO',
    response: top,
    rejected: [bad, good],
    rejectedErrors: [rcptError(bad, first), rcptError(good, second)],
  });

const both = (
  event: DeliveryEvent,
  origin: OutcomeOrigin,
  category: Category | readonly Category[],
  permanence: Permanence,
) => [bad, good].map((recipient) => ({ event, recipient, origin, category, permanence }));

export const fixtures: readonly Fixture[] = [
  {
    name: 'partial success: RCPT bad → multi-line 550 5.1.1, good → 250',
    source: 'packages/nodemailer/PROVIDER.md §2 (partial success as observed), §4 row 1',
    kind: 'info',
    input: {
      accepted: [good],
      rejected: [bad],
      rejectedErrors: [rcptError(bad, replies.gmailNoSuchUser)],
      ehlo: ['PIPELINING', 'AUTH PLAIN LOGIN', '8BITMIME'],
      envelopeTime: 45,
      messageTime: 1,
      messageSize: 284,
      response: replies.queued,
      envelope: { from: 'sender@example.org', to: [bad, good] },
      messageId: '<58b87a64-07c5-ae72-3a21-9a2565079c94@example.org>',
    },
    expected: [
      {
        event: 'accepted',
        recipient: good,
        origin: 'remote-server',
        category: 'delivered',
        permanence: 'success',
      },
      {
        event: 'rejected',
        recipient: bad,
        origin: 'remote-server',
        category: 'mailbox-unknown',
        permanence: 'permanent',
      },
    ],
  },
  {
    name: 'both RCPT 550 5.1.1',
    source: 'packages/nodemailer/PROVIDER.md §4 row 2',
    kind: 'error',
    input: allRejected(replies.gmailNoSuchUser, replies.gmailNoSuchUser, replies.gmailNoSuchUser),
    expected: both('rejected', 'remote-server', 'mailbox-unknown', 'permanent'),
  },
  {
    name: 'RCPT 550 + 450 4.2.0 greylist: nodemailer reports 450 at the top',
    source: 'packages/nodemailer/PROVIDER.md §2 (all rejected: the first 4xx wins), §4 row 3',
    kind: 'error',
    input: allRejected(replies.gmailNoSuchUser, replies.greylisted, replies.greylisted),
    expected: [
      {
        event: 'rejected',
        recipient: bad,
        origin: 'remote-server',
        category: 'mailbox-unknown',
        permanence: 'permanent',
      },
      {
        event: 'rejected',
        recipient: good,
        origin: 'remote-server',
        category: 'greylisted',
        permanence: 'transient',
      },
    ],
  },
  {
    name: 'final reply after the body: multi-line 554 5.7.1 spam',
    source: 'packages/nodemailer/PROVIDER.md §4 row 4',
    kind: 'error',
    input: nodemailerError('Message failed', {
      code: 'EMESSAGE',
      command: 'DATA',
      response: replies.spamAfterData,
    }),
    expected: both('rejected', 'remote-server', ['spam-content', 'policy'], 'permanent'),
  },
  {
    name: 'final reply 552 5.3.4 size',
    source: 'packages/nodemailer/PROVIDER.md §4 row 5',
    kind: 'error',
    input: nodemailerError('Message failed', {
      code: 'EMESSAGE',
      command: 'DATA',
      response: replies.sizeAfterData,
    }),
    expected: both('rejected', 'remote-server', 'message-too-large', 'permanent'),
  },
  {
    name: 'DATA command answered 554 5.5.1',
    source: 'packages/nodemailer/PROVIDER.md §4 row 6',
    kind: 'error',
    input: nodemailerError('Data command failed', {
      code: 'EENVELOPE',
      command: 'DATA',
      response: replies.dataNoValidRecipients,
    }),
    // "no valid recipients" is a follow-on error (docs/taxonomy.md, protocol); some read it as a policy refusal.
    expected: both('rejected', 'remote-server', ['protocol', 'policy', 'unknown'], 'permanent'),
  },
  {
    name: 'MAIL FROM 553 5.7.1',
    source: 'packages/nodemailer/PROVIDER.md §4 row 7',
    kind: 'error',
    input: nodemailerError('Mail command failed', {
      code: 'EENVELOPE',
      command: 'MAIL FROM',
      response: replies.senderNotOwned,
    }),
    expected: both('failed', 'remote-server', 'sender-rejected', 'permanent'),
  },
  {
    name: 'AUTH 535 5.7.8',
    source: 'packages/nodemailer/PROVIDER.md §4 row 8',
    kind: 'error',
    input: nodemailerError('Invalid login', {
      code: 'EAUTH',
      command: 'AUTH PLAIN',
      response: replies.authInvalid,
    }),
    expected: both('failed', 'account', 'client-auth', 'permanent'),
  },
  {
    name: 'greeting 421 4.3.2 arrives as EPROTOCOL',
    source: 'packages/nodemailer/PROVIDER.md §4 row 9',
    kind: 'error',
    input: nodemailerError(`Invalid greeting. response=${replies.greeting421}`, {
      code: 'EPROTOCOL',
      command: 'CONN',
      response: replies.greeting421,
    }),
    expected: both('failed', 'remote-server', 'server-busy', 'transient'),
  },
  {
    name: 'RCPT answered 421 4.7.0 arrives as ECONNECTION',
    source: 'packages/nodemailer/PROVIDER.md §4 row 10',
    kind: 'error',
    input: nodemailerError('Server closed the connection', {
      code: 'ECONNECTION',
      command: 'CONN',
      response: replies.tooManyConnections,
    }),
    // docs/taxonomy.md: "too many connections" is a pure volume limit; server-busy is the other reading.
    expected: both('failed', 'remote-server', ['rate-limited', 'server-busy'], 'transient'),
  },
  {
    name: 'server silent: greeting timeout',
    source: 'packages/nodemailer/PROVIDER.md §4 row 11',
    kind: 'error',
    input: nodemailerError('Greeting never received', {
      code: 'ETIMEDOUT',
      command: 'CONN',
      timeoutType: 'GREETING_TIMEOUT',
    }),
    expected: both('failed', 'network', 'network', 'transient'),
  },
  {
    name: 'server drops TCP during RCPT',
    source: 'packages/nodemailer/PROVIDER.md §4 row 12',
    kind: 'error',
    input: nodemailerError('Connection closed unexpectedly', { code: 'ECONNECTION', command: 'CONN' }),
    expected: both('failed', 'network', 'network', 'transient'),
  },
  {
    name: 'connect to a closed port',
    source: 'packages/nodemailer/PROVIDER.md §4 row 13',
    kind: 'error',
    input: nodemailerError('connect ECONNREFUSED 127.0.0.1:9', {
      code: 'ESOCKET',
      command: 'CONN',
      originalCode: 'ECONNREFUSED',
      errno: -111,
      syscall: 'connect',
      address: '127.0.0.1',
      port: 9,
    }),
    expected: both('failed', 'network', 'network', 'transient'),
  },
  {
    name: 'unresolvable host',
    source: 'packages/nodemailer/PROVIDER.md §4 row 14',
    kind: 'error',
    input: nodemailerError('getaddrinfo ENOTFOUND mx.invalid', {
      code: 'EDNS',
      command: 'CONN',
      originalCode: 'ENOTFOUND',
      hostname: 'mx.invalid',
    }),
    expected: both('failed', 'network', 'dns-failure', 'transient'),
  },
];

/** Whether an outcome matches an expectation (the category may be one of several acceptable ones). */
export function matches(
  actual: {
    event: string;
    recipient?: string;
    origin: string;
    verdict: { category: string; permanence: string };
  },
  expected: ExpectedOutcome,
): boolean {
  const categories: readonly string[] =
    typeof expected.category === 'string' ? [expected.category] : expected.category;
  return (
    actual.event === expected.event &&
    actual.recipient === expected.recipient &&
    actual.origin === expected.origin &&
    categories.includes(actual.verdict.category) &&
    actual.verdict.permanence === expected.permanence
  );
}

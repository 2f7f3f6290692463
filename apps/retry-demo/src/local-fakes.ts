// Starts every fake in this process (see fakes.ts for the two modes).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakePostmark, startHttpServer } from '@mailverdict/testkit';
import { startSmtpFleet } from './fake-smtp-fleet';
import { type Fakes, outboxIdOf, stripBrackets } from './fakes';
import type { LogCopy } from './report';
import { scenarioStart } from './scenario';

const minute = 60_000;
const day = 24 * 60 * minute;

/** The Postmark API outage of the scenario: planned maintenance (503) in this window of simulated time. */
export const postmarkOutage = { from: scenarioStart + 20 * minute, until: scenarioStart + 50 * minute };

// Headers that belong to one connection, not to the request (RFC 9110 §7.6.1), and the body length.
const hopByHop = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
]);

export async function startLocalFakes(now: () => number): Promise<Fakes> {
  const maildir = mkdtempSync(join(tmpdir(), 'retry-demo-bounces-'));
  const fleet = await startSmtpFleet(now, maildir);
  const webhookCredentials = {
    username: 'postmark-webhooks',
    password: randomBytes(18).toString('base64url'),
  };
  // Postmark is configured with one webhook URL; the demo's endpoint moves with each process (a new
  // port after a restart), so the fake posts to this relay, which forwards to the current endpoint.
  // While nobody listens the relay answers 502, and the fake retries like Postmark (1, 5, 10… minutes).
  let target: string | undefined;
  const relay = await startHttpServer(async (request) => {
    if (target === undefined) return { status: 502, body: 'no endpoint yet' };
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: Object.fromEntries(
          Object.entries(request.headers).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string' && !hopByHop.has(entry[0]),
          ),
        ),
        body: request.rawBody,
        signal: AbortSignal.timeout(5000),
      });
      return { status: response.status, body: await response.text() };
    } catch {
      return { status: 502, body: 'endpoint unreachable' };
    }
  });
  const postmark = await startFakePostmark({
    serverToken: 'fake-server-token',
    now,
    // Scenario: planned maintenance (503, ErrorCode 100) for half an hour; every 40th request a 500;
    // every 20th (from the 7th) stored but its reply dropped (lost); `full-*` mailboxes soft-bounce
    // for the first two days.
    fail: (context) => {
      if (context.now >= postmarkOutage.from && context.now < postmarkOutage.until) return { status: 503 };
      if (context.requestNumber % 40 === 0) return { status: 500 };
      return undefined;
    },
    dropReply: (context) => context.requestNumber % 20 === 7,
    outcomeFor: (recipient, context) =>
      recipient.toLowerCase().startsWith('full-')
        ? context.now < scenarioStart + 2 * day
          ? 'SoftBounce'
          : 'deliver'
        : undefined,
    webhooks: {
      url: `${relay.url}/webhooks/postmark`,
      ...webhookCredentials,
      mode: 'manual',
      delayMs: 2 * minute,
    },
  });
  const delivered = (messageId: string): boolean =>
    postmark.webhooks.some(
      (event) => event.recordType === 'Delivery' && event.payload.MessageID === messageId,
    );
  return {
    config: {
      smtpRoutes: fleet.routes,
      bounceMaildir: fleet.bounceMaildir,
      postmark: { requestHost: postmark.requestHost, serverToken: 'fake-server-token' },
      webhookCredentials,
    },
    setTime: async () => {},
    setWebhookTarget: async (url) => {
      target = url;
    },
    pump: async () => {
      await postmark.deliverWebhooks();
      fleet.deliverReports();
    },
    // Stands in for a search direct SMTP does not have: the fake MXs' own logs.
    lookupSmtp: async (attemptId) =>
      fleet
        .messages()
        .some((message) => message.messageId !== undefined && stripBrackets(message.messageId) === attemptId)
        ? 'accepted'
        : 'absent',
    copies: async (): Promise<LogCopy[]> => [
      ...fleet.messages().map((message) => {
        const attemptId = stripBrackets(message.messageId ?? '');
        return {
          provider: 'smtp',
          outboxId: outboxIdOf(attemptId),
          attemptId,
          delivered: fleet.delivered(message),
          replyDropped: message.replyDropped === true,
        };
      }),
      ...postmark.messages.map((message) => {
        const attemptId = String(message.metadata.attempt ?? '');
        return {
          provider: 'postmark',
          outboxId: String(message.metadata.outbox ?? outboxIdOf(attemptId)),
          attemptId,
          delivered: delivered(message.messageId),
          replyDropped: message.replyDropped === true,
        };
      }),
    ],
    async close() {
      await postmark.close();
      await relay.close();
      await fleet.close();
      rmSync(maildir, { recursive: true, force: true });
    },
  };
}

// One worker process of `--queue bullmq`: the mail processor from @mailverdict/bullmq, sending through
// the fake MX fleet (nodemailer) or the fake Postmark (HTTP), on the simulated clock the parent gives.

import {
  createMailProcessor,
  createSharedThrottle,
  type LookupAnswer,
  type MailJobData,
  markInDoubt,
} from '@mailverdict/bullmq';
import { classify, type DeliveryOutcome } from '@mailverdict/core';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';

export interface DemoWorkerConfig {
  readonly redisUrl: string;
  readonly queue: string;
  readonly prefix: string;
  readonly workerId: string;
  readonly routes: Readonly<
    Record<string, { readonly host: string; readonly port: number; readonly timeoutMs: number }>
  >;
  readonly postmarkUrl: string;
  readonly simStart: number;
  readonly realStart: number;
  readonly scale: number;
  readonly throttleLimits: Readonly<
    Record<string, { readonly maxRate: number; readonly initialRate: number }>
  >;
}

/** What a job carries besides its recipient. */
export interface DemoMessage {
  readonly id: string;
  readonly from: string;
}

const config = JSON.parse(process.env.MV_DEMO_WORKER ?? '{}') as DemoWorkerConfig;
const now = () => config.simStart + (Date.now() - config.realStart) * config.scale;
const token = 'demo-server-token';

function outcome(
  provider: string,
  recipient: string,
  reply: string,
  event: DeliveryOutcome['event'],
): DeliveryOutcome {
  return {
    provider,
    event,
    recipient,
    origin: 'remote-server',
    providerDetail: {},
    verdict: classify(reply),
    raw: reply,
  };
}

async function sendSmtp(message: DemoMessage, recipients: readonly string[], attemptKey: string) {
  const domain = (recipients[0] ?? '').split('@')[1] ?? '';
  const route = config.routes[domain];
  if (route === undefined)
    return recipients.map((r) => outcome('smtp', r, '550 5.1.2 no route to the domain', 'failed'));
  const transport = nodemailer.createTransport({
    host: route.host,
    port: route.port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: route.timeoutMs,
    socketTimeout: route.timeoutMs,
  });
  try {
    const info = await transport.sendMail({
      from: message.from,
      to: [...recipients],
      subject: message.id,
      text: 'hello',
      messageId: `<${attemptKey}@retry-demo.test>`,
      headers: { 'X-Outbox-Id': message.id },
    });
    return recipients.map((r) => outcome('smtp', r, info.response ?? '250 2.0.0 OK', 'accepted'));
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; code?: string; command?: string };
    if (typeof e.responseCode === 'number' && typeof e.response === 'string') {
      return recipients.map((r) => outcome('smtp', r, e.response as string, 'deferred'));
    }
    // Refused or never answered before the session began: nothing was sent.
    if (e.code === 'ESOCKET' || e.command === 'CONN' || e.code === 'EDNS') {
      return recipients.map((r) =>
        outcome('smtp', r, '421 4.4.1 connection refused by the destination', 'failed'),
      );
    }
    // Lost mid-session (possibly after DATA): the MX may have it, and nobody can ask it.
    return recipients.map((r) => markInDoubt(outcome('smtp', r, '421 4.4.2 connection lost', 'failed')));
  } finally {
    transport.close();
  }
}

async function sendPostmark(message: DemoMessage, recipients: readonly string[], attemptKey: string) {
  try {
    const response = await fetch(`${config.postmarkUrl}/email`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-postmark-server-token': token,
      },
      body: JSON.stringify({
        From: message.from,
        To: recipients.join(', '),
        Subject: message.id,
        TextBody: 'hello',
        Metadata: { attempt: attemptKey, outbox: message.id },
      }),
      signal: AbortSignal.timeout(3000),
    });
    const body = (await response.json()) as { ErrorCode?: number; Message?: string };
    if (response.ok) return recipients.map((r) => outcome('postmark', r, '250 2.0.0 OK', 'accepted'));
    // Postmark's 422/406 (inactive recipient) is permanent for the recipient; 429/5xx are the provider's.
    const reply =
      response.status === 422 && body.ErrorCode === 406
        ? `550 5.1.1 ${body.Message ?? 'inactive recipient'}`
        : `451 4.3.0 Postmark HTTP ${response.status}: ${body.Message ?? ''}`;
    return recipients.map((r) => outcome('postmark', r, reply, 'rejected'));
  } catch {
    return recipients.map((r) => markInDoubt(outcome('postmark', r, '421 4.4.2 no response', 'failed')));
  }
}

async function lookupPostmark(recipient: string, attemptKey: string): Promise<LookupAnswer> {
  const query = new URLSearchParams({ count: '1', offset: '0', recipient, metadata_attempt: attemptKey });
  const response = await fetch(`${config.postmarkUrl}/messages/outbound?${query}`, {
    headers: { accept: 'application/json', 'x-postmark-server-token': token },
    signal: AbortSignal.timeout(3000),
  });
  if (!response.ok) throw new Error(`lookup: HTTP ${response.status}`);
  return ((await response.json()) as { TotalCount: number }).TotalCount > 0 ? 'delivered' : 'absent';
}

const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const throttle = createSharedThrottle(connection, {
  prefix: config.prefix,
  destinations: config.throttleLimits,
});
const processor = createMailProcessor<DemoMessage>({
  throttle,
  now,
  timeScale: config.scale,
  send: ({ message, recipients, attemptKey, route }) =>
    route === 'postmark'
      ? sendPostmark(message, recipients, attemptKey)
      : sendSmtp(message, recipients, attemptKey),
  lookup: async ({ recipient, attemptKey, route }) =>
    route === 'postmark' ? lookupPostmark(recipient, attemptKey) : 'unknown',
});
const worker = new Worker<MailJobData<DemoMessage>>(config.queue, processor, {
  connection: new Redis(config.redisUrl, { maxRetriesPerRequest: null }),
  concurrency: 8,
  maxStalledCount: 1_000_000,
});
worker.on('completed', () => process.send?.({ worker: config.workerId, done: 1 }));
worker.on('failed', () => process.send?.({ worker: config.workerId, done: 1 }));
worker.on('error', () => {});
process.send?.({ worker: config.workerId, ready: true });
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});

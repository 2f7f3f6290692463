// One worker process for the multi-process tests and the bench: a BullMQ worker running the mail
// processor, sending over SMTP (nodemailer → the fake MX) or HTTP (→ the fake Postmark), with the
// shared throttle. Configured by the MV_WORKER environment variable (JSON, see `WorkerConfig`).
import { classify, type DeliveryOutcome } from '@mailverdict/core';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';
import {
  createMailProcessor,
  createSharedThrottle,
  type LookupAnswer,
  type MailJobData,
  markInDoubt,
  type SharedThrottleOptions,
} from '../src/index';

export interface WorkerConfig {
  readonly redisUrl: string;
  readonly queue: string;
  readonly workerId: string;
  readonly provider: 'smtp' | 'postmark';
  readonly smtpPort?: number;
  readonly postmarkUrl?: string;
  readonly concurrency: number;
  readonly throttle?: SharedThrottleOptions;
  readonly lockDurationMs?: number;
}

const config = JSON.parse(process.env.MV_WORKER ?? '{}') as WorkerConfig;
const token = 'server-token';

function result(recipient: string, reply: string, event: DeliveryOutcome['event']): DeliveryOutcome {
  return {
    provider: config.provider,
    event,
    recipient,
    origin: 'remote-server',
    providerDetail: {},
    verdict: classify(reply),
    raw: reply,
  };
}

const transport =
  config.provider === 'smtp'
    ? nodemailer.createTransport({
        host: '127.0.0.1',
        port: config.smtpPort,
        secure: false,
        ignoreTLS: true,
        socketTimeout: 5000,
      })
    : undefined;

async function sendSmtp(recipients: readonly string[], attemptKey: string): Promise<DeliveryOutcome[]> {
  try {
    const info = await transport!.sendMail({
      from: 'sender@mailverdict.test',
      to: [...recipients],
      subject: 'test',
      text: 'hello',
      messageId: `<${attemptKey}@mailverdict.test>`,
    });
    return recipients.map((r) => result(r, info.response ?? '250 2.0.0 OK', 'accepted'));
  } catch (error) {
    const e = error as { responseCode?: number; response?: string };
    if (typeof e.responseCode === 'number' && typeof e.response === 'string') {
      return recipients.map((r) => result(r, e.response as string, 'deferred'));
    }
    // No reply at all: the server may have the message (RFC 1047).
    return recipients.map((r) => markInDoubt(result(r, '421 4.4.2 connection lost', 'failed')));
  }
}

async function sendPostmark(recipients: readonly string[], attemptKey: string): Promise<DeliveryOutcome[]> {
  try {
    const response = await fetch(`${config.postmarkUrl}/email`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'x-postmark-server-token': token,
      },
      body: JSON.stringify({
        From: 'sender@mailverdict.test',
        To: recipients.join(', '),
        Subject: 'test',
        TextBody: 'hello',
        Metadata: { attempt: attemptKey },
      }),
      signal: AbortSignal.timeout(3000),
    });
    await response.arrayBuffer();
    if (response.ok) return recipients.map((r) => result(r, '250 2.0.0 OK', 'accepted'));
    return recipients.map((r) => result(r, `451 4.3.0 HTTP ${response.status}`, 'failed'));
  } catch {
    return recipients.map((r) => markInDoubt(result(r, '421 4.4.2 no response', 'failed')));
  }
}

async function lookupPostmark(recipient: string, attemptKey: string): Promise<LookupAnswer> {
  const query = new URLSearchParams({ count: '1', offset: '0', recipient, metadata_attempt: attemptKey });
  const response = await fetch(`${config.postmarkUrl}/messages/outbound?${query}`, {
    headers: { accept: 'application/json', 'x-postmark-server-token': token },
    signal: AbortSignal.timeout(3000),
  });
  if (!response.ok) throw new Error(`lookup: HTTP ${response.status}`);
  const body = (await response.json()) as { TotalCount: number };
  return body.TotalCount > 0 ? 'delivered' : 'absent';
}

const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const throttle =
  config.throttle === undefined ? undefined : createSharedThrottle(connection, config.throttle);
const processor = createMailProcessor<string>({
  throttle,
  inDoubtGraceMs: 500,
  policy: { jitter: 0, schedules: { 'server-error': { firstDelayMs: 200, factor: 1, maxDelayMs: 200 } } },
  send: ({ recipients, attemptKey }) =>
    config.provider === 'smtp' ? sendSmtp(recipients, attemptKey) : sendPostmark(recipients, attemptKey),
  ...(config.provider === 'postmark'
    ? { lookup: ({ recipient, attemptKey }) => lookupPostmark(recipient, attemptKey) }
    : {}),
});

const worker = new Worker<MailJobData<string>>(config.queue, processor, {
  connection: new Redis(config.redisUrl, { maxRetriesPerRequest: null }),
  concurrency: config.concurrency,
  lockDuration: config.lockDurationMs ?? 30_000,
  stalledInterval: Math.max(500, Math.floor((config.lockDurationMs ?? 30_000) / 2)),
  // A job whose worker was killed is moved back and run again, however often that happens.
  maxStalledCount: 1_000_000,
});
worker.on('completed', () => process.send?.({ worker: config.workerId, completed: 1 }));
worker.on('error', () => {});
process.send?.({ worker: config.workerId, ready: true });
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});

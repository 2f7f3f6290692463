// One worker process for the multi-process tests and the bench: a BullMQ worker running the mail
// processor, sending over SMTP (nodemailer → the fake MX) or HTTP (→ the fake Postmark), with the
// shared throttle. Configured by the MV_WORKER environment variable (JSON, see `WorkerConfig`).
import { sendMail } from '@mailverdict/nodemailer';
import { hasOutboundMessage, sendEmail } from '@mailverdict/postmark';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';
import { ServerClient } from 'postmark';
import {
  createMailProcessor,
  createSharedThrottle,
  type LookupAnswer,
  type MailJobData,
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

// The provider packages turn every answer into outcomes and mark a lost reply in doubt.
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
const client =
  config.provider === 'postmark'
    ? new ServerClient('server-token', {
        useHttps: false,
        requestHost: new URL(config.postmarkUrl ?? '').host,
        timeout: 3,
      })
    : undefined;

async function send(recipients: readonly string[], attemptKey: string) {
  if (transport !== undefined) {
    const mail = { from: 'sender@mailverdict.test', to: [...recipients], subject: 'test', text: 'hello' };
    return (await sendMail(transport, { ...mail, messageId: `<${attemptKey}@mailverdict.test>` })).outcomes;
  }
  const message = { From: 'sender@mailverdict.test', To: recipients.join(', '), Subject: 'test' };
  return (await sendEmail(client!, { ...message, TextBody: 'hello', Metadata: { attempt: attemptKey } }))
    .outcomes;
}

async function lookup(recipient: string, attemptKey: string): Promise<LookupAnswer> {
  if (client === undefined) return 'unknown';
  return (await hasOutboundMessage(client, { attempt: attemptKey }, recipient)) ? 'delivered' : 'absent';
}

const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const throttle =
  config.throttle === undefined ? undefined : createSharedThrottle(connection, config.throttle);
const processor = createMailProcessor<string>({
  throttle,
  inDoubtGraceMs: 500,
  policy: { jitter: 0, schedules: { 'server-error': { firstDelayMs: 200, factor: 1, maxDelayMs: 200 } } },
  send: ({ recipients, attemptKey }) => send(recipients, attemptKey),
  lookup: ({ recipient, attemptKey }) => lookup(recipient, attemptKey),
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

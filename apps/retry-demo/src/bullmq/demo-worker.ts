// One worker process of `--queue bullmq`: the mail processor from @mailverdict/bullmq, sending through
// the fake MX fleet and the fake Postmark with the SQLite outbox's own providers (nodemailer +
// @mailverdict/nodemailer, the postmark client + @mailverdict/postmark), on the simulated clock the
// parent gives. The provider packages mark a lost reply in doubt; the processor then asks Postmark's
// message search, and holds an SMTP attempt for a person (nobody can ask an MX).

import { createMailProcessor, createSharedThrottle, type MailJobData } from '@mailverdict/bullmq';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { SmtpRoute } from '../fake-smtp-fleet';
import { createPostmarkProvider } from '../postmark-provider';
import { createSmtpProvider } from '../smtp-provider';

export interface DemoWorkerConfig {
  readonly redisUrl: string;
  readonly queue: string;
  readonly prefix: string;
  readonly workerId: string;
  readonly routes: Readonly<Record<string, SmtpRoute>>;
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

// This mode reads no relay reports: routes go without `relay`, so the relay's 250 ends the job.
const routes = Object.fromEntries(
  Object.entries(config.routes).map(([domain, route]) => [
    domain,
    { host: route.host, port: route.port, timeoutMs: route.timeoutMs },
  ]),
);
const smtp = createSmtpProvider({ routes, heloName: 'mta.shop.example', lookup: async () => undefined });
const postmark = createPostmarkProvider({
  requestHost: new URL(config.postmarkUrl).host,
  serverToken: 'demo-server-token',
});
/** The attempt key as a Message-ID / metadata value: `<job id>.<attempt>@…`. */
const attemptIdOf = (attemptKey: string) => `${attemptKey}@retry-demo.test`;

const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
const throttle = createSharedThrottle(connection, {
  prefix: config.prefix,
  destinations: config.throttleLimits,
  // Leases run on the simulated clock: 30 s of real time, so a slow real send keeps its slot until it
  // is answered instead of losing it after the default 300 simulated seconds (60 ms at 5000×).
  leaseMs: 30_000 * config.scale,
});
const processor = createMailProcessor<DemoMessage>({
  throttle,
  now,
  timeScale: config.scale,
  send: async ({ message, recipients, attemptKey, route }) => {
    const provider = route === 'postmark' ? postmark : smtp;
    const results = await Promise.all(
      recipients.map((to) =>
        provider.send({
          outboxId: message.id,
          attemptId: attemptIdOf(attemptKey),
          from: message.from,
          to,
          subject: message.id,
          text: 'hello',
        }),
      ),
    );
    return results.flat();
  },
  lookup: async ({ recipient, attemptKey, route }) => {
    if (route !== 'postmark' || postmark.search === undefined) return 'unknown';
    return (await postmark.search(attemptIdOf(attemptKey), recipient)) ? 'delivered' : 'absent';
  },
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
  void worker.close().then(() => {
    smtp.close();
    process.exit(0);
  });
});

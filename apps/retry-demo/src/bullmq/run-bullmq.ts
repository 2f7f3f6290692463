// `--queue bullmq --workers N`: the same outbox and fakes as the SQLite demo, sent by N worker processes
// through BullMQ on the local Redis with @mailverdict/bullmq. BullMQ waits in real time, so the simulated
// clock runs `scale` times faster and every delay handed to BullMQ is divided by it (`timeScale`).
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MailJobData } from '@mailverdict/bullmq';
import { maxInWindow, startFakePostmark } from '@mailverdict/testkit';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { startSmtpFleet } from '../fake-smtp-fleet';
import { createScenario, scenarioStart, senders } from '../scenario';
import type { DemoMessage, DemoWorkerConfig } from './demo-worker';

export interface BullmqDemoOptions {
  readonly messages: number;
  readonly seed: number;
  readonly workers: number;
  readonly redisUrl: string;
  /** Simulated ms per real ms. Default 5000 (five simulated days in about 90 s). */
  readonly scale?: number;
  /** Give up waiting after this long in real ms. Default 240,000. */
  readonly timeoutMs?: number;
}

export interface DestinationRate {
  readonly destination: string;
  readonly received: number;
  /** The most messages the destination's MX received within any window of the throttle's (simulated time). */
  readonly mostInWindow: number;
  /** What the throttle allows in such a window: one (rate × window, with a burst of 1). */
  readonly allowedInWindow: number;
}

export interface BullmqReport {
  readonly messages: number;
  readonly workers: Readonly<Record<string, number>>;
  readonly final: {
    readonly delivered: number;
    readonly failed: number;
    readonly held: number;
    readonly unfinished: number;
  };
  readonly inDoubtResolvedByLookup: number;
  /** Jobs held because a reply was lost and nobody could be asked (direct SMTP). */
  readonly inDoubtHeld: number;
  readonly duplicates: number;
  readonly lost: number;
  readonly rates: readonly DestinationRate[];
}

// Per-destination limit: one message per 10 simulated minutes to any MX (120 ms of real time at 5000×),
// checked at the MX over every 10-minute window: the shared throttle counts a send until its reply, so
// transit time cannot bunch two receipts into one window (packages/bullmq README, "Why the MX sees the rate").
const limitPerSecond = 1 / 600;
const window = 600_000;

export async function runBullmqDemo(options: BullmqDemoOptions): Promise<BullmqReport> {
  const scale = options.scale ?? 5000;
  const realStart = Date.now();
  const now = () => scenarioStart + (Date.now() - realStart) * scale;
  const scenario = createScenario(options.seed, options.messages);
  // The relay's delivery reports land here; this mode reads no bounce mailbox (the SQLite outbox does), so a
  // relay's 250 is where the queue's part ends.
  const relayMaildir = mkdtempSync(join(tmpdir(), 'mailverdict-bullmq-relay-'));
  const fleet = await startSmtpFleet(now, relayMaildir);
  // Every 25th Postmark request loses its reply after Postmark stored the message (and the fleet's
  // flaky.example MX keeps `lost-*` mail while dropping its reply).
  const postmark = await startFakePostmark({
    serverToken: 'demo-server-token',
    now,
    dropReply: (context) => context.requestNumber % 25 === 0,
  });
  const name = `retry-demo-${process.pid}-${realStart.toString(36)}`;
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue<MailJobData<DemoMessage>>(name, { connection });
  const domains = Object.keys(fleet.routes);
  const limits = Object.fromEntries(
    domains.map((domain) => [domain, { maxRate: limitPerSecond, initialRate: limitPerSecond }]),
  );
  const perWorker: Record<string, number> = {};
  const children: ChildProcess[] = [];
  const script = fileURLToPath(new URL('./demo-worker.ts', import.meta.url));
  try {
    for (let index = 0; index < options.workers; index++) {
      const workerId = `worker-${index + 1}`;
      perWorker[workerId] = 0;
      const config: DemoWorkerConfig = {
        redisUrl: options.redisUrl,
        queue: name,
        prefix: name,
        workerId,
        routes: fleet.routes,
        postmarkUrl: postmark.url,
        simStart: scenarioStart,
        realStart,
        scale,
        throttleLimits: limits,
      };
      const child = fork(script, [], {
        env: { ...process.env, MV_DEMO_WORKER: JSON.stringify(config) },
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${workerId} did not start within 30 s`)), 30_000);
        child.on('message', (message: { ready?: boolean; done?: number }) => {
          if (message.ready === true) {
            clearTimeout(timer);
            resolve();
          }
          if (message.done !== undefined) perWorker[workerId] = (perWorker[workerId] ?? 0) + message.done;
        });
      });
    }
    await queue.addBulk(
      scenario.messages.map((message) => ({
        name: message.id,
        data: {
          recipients: [message.recipient],
          route: message.provider,
          message: { id: message.id, from: senders[message.sender] },
        },
        opts: { jobId: message.id, removeOnComplete: false, removeOnFail: false },
      })),
    );
    const until = Date.now() + (options.timeoutMs ?? 240_000);
    let held = 0;
    let inDoubtHeld = 0;
    for (;;) {
      const counts = await queue.getJobCounts('completed', 'failed');
      const heldJobs = (await queue.getDelayed()).filter((job) => job.data.mailverdict?.held !== undefined);
      held = heldJobs.length;
      inDoubtHeld = heldJobs.filter((job) =>
        job.data.mailverdict?.recipients.some((r) => r.inDoubt !== undefined),
      ).length;
      if ((counts.completed ?? 0) + (counts.failed ?? 0) + held >= scenario.messages.length) break;
      if (Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const completed = await queue.getCompleted(0, scenario.messages.length);
    const failed = await queue.getFailed(0, scenario.messages.length);
    const byLookup = completed.filter((job) =>
      job.data.mailverdict?.recipients.some((r) => r.deliveredBy === 'lookup'),
    ).length;
    // Duplicates and losses come from the fake servers' own logs, keyed by outbox id.
    const received = new Map<string, number>();
    const count = (id: string) => received.set(id, (received.get(id) ?? 0) + 1);
    const smtpMessages = fleet.messages();
    for (const message of smtpMessages) {
      // Message-ID `<attemptKey@…>`, and an attempt key is `<job id>.<attempt>`; the job id is the outbox id.
      const key = message.messageId?.slice(1, Math.max(1, message.messageId.indexOf('@'))) ?? '';
      if (key.includes('.')) count(key.slice(0, key.lastIndexOf('.')));
    }
    for (const message of postmark.messages) count(String(message.metadata.outbox));
    const duplicates = [...received.values()].filter((n) => n > 1).length;
    const lost = completed.filter((job) => !received.has(job.data.message.id)).length;
    const rates = domains.map((domain) => {
      const times = smtpMessages.filter((m) => (m.to[0] ?? '').endsWith(`@${domain}`)).map((m) => m.at);
      return {
        destination: domain,
        received: times.length,
        mostInWindow: maxInWindow(times, window),
        allowedInWindow: Math.ceil(limitPerSecond * (window / 1000)),
      };
    });
    return {
      messages: scenario.messages.length,
      workers: perWorker,
      final: {
        delivered: completed.length,
        failed: failed.length,
        held,
        unfinished: scenario.messages.length - completed.length - failed.length - held,
      },
      inDoubtResolvedByLookup: byLookup,
      inDoubtHeld,
      duplicates,
      lost,
      rates,
    };
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await queue.obliterate({ force: true }).catch(() => {});
    const keys = await connection.keys(`${name}:*`);
    if (keys.length > 0) await connection.del(...keys);
    await queue.close();
    connection.disconnect();
    await postmark.close();
    await fleet.close();
    rmSync(relayMaildir, { recursive: true, force: true });
  }
}

export function formatBullmqReport(report: BullmqReport): string {
  const lines = [
    `retry-demo through BullMQ: ${report.messages} messages, ${Object.keys(report.workers).length} worker processes`,
    `final: delivered ${report.final.delivered}, failed ${report.final.failed}, held ${report.final.held}, unfinished ${report.final.unfinished}`,
    `lost replies resolved by lookup: ${report.inDoubtResolvedByLookup}, held for a person: ${report.inDoubtHeld}; duplicates ${report.duplicates}; lost ${report.lost}`,
    'per worker (jobs finished):',
    ...Object.entries(report.workers).map(([worker, jobs]) => `  ${worker}: ${jobs}`),
    'per destination (fake MX log, simulated time): received, most in any 10 minutes, allowed in 10 minutes',
    ...report.rates.map(
      (rate) =>
        `  ${rate.destination}: ${rate.received}, ${rate.mostInWindow}, ${rate.allowedInWindow} ${rate.mostInWindow <= rate.allowedInWindow ? 'ok' : 'EXCEEDED'}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

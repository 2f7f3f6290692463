// The demo as a function: set up (or resume) a run, start or connect the fakes, run the outbox to
// the end, and build the report. main.ts is the command-line shell around it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bounceReportPort, readBounceMailbox } from './bounce-mailbox';
import { createExplainPort } from './explain-port';
import { connectExternalFakes, type Fakes } from './fakes';
import type { Flags } from './flags';
import { startLocalFakes } from './local-fakes';
import { createPolicyPort } from './policy-port';
import { createPostmarkProvider, createWebhookGuard, postmarkWebhookPort } from './postmark-provider';
import { createRandom } from './prng';
import { createProgress, takeSnapshot } from './progress';
import { buildReport, formatReport, type Report } from './report';
import { OutboxRunner } from './runner';
import { createScenario, type Scenario, senders } from './scenario';
import { createSimClock } from './sim-clock';
import { createSmtpProvider } from './smtp-provider';
import { Store } from './store';
import { createThrottlePort } from './throttle-port';
import { startWebhookServer } from './webhook-server';

export class RunSetupError extends Error {
  override readonly name = 'RunSetupError';
}

export interface DemoResult {
  readonly report: Report;
  readonly dbPath: string;
}

export interface DemoIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
}

function openRun(flags: Flags): {
  store: Store;
  scenario: Scenario;
  dbPath: string;
  runId: string;
  resumed: boolean;
} {
  const dbPath = flags.db ?? join(mkdtempSync(join(tmpdir(), 'retry-demo-')), 'outbox.sqlite');
  if (flags.db !== undefined) mkdirSync(dirname(flags.db), { recursive: true });
  const store = new Store(dbPath);
  const existing = store.getMeta('seed');
  // --resume continues the run stored in --db, or starts it there if the process died before it was
  // stored: a supervisor can restart the same command after a crash, whenever the crash came.
  if (flags.resume && existing !== undefined) {
    const seed = Number(existing);
    const count = Number(store.getMeta('messages'));
    return {
      store,
      scenario: createScenario(seed, count),
      dbPath,
      runId: store.getMeta('runId') as string,
      resumed: true,
    };
  }
  if (existing !== undefined) {
    store.close();
    throw new RunSetupError(
      `${dbPath} already holds a run: add --resume to continue it, or give another --db`,
    );
  }
  const scenario = createScenario(flags.seed, flags.messages);
  const runId = `r${flags.seed.toString(36)}${Date.now().toString(36)}`;
  store.transaction(() => {
    store.insertMessages(scenario.messages);
    store.setMeta('seed', String(flags.seed));
    store.setMeta('messages', String(flags.messages));
    store.setMeta('runId', runId);
    store.setMeta('now', String(scenario.startAt));
    store.setMeta('startedAt', String(scenario.startAt));
  });
  return { store, scenario, dbPath, runId, resumed: false };
}

export async function runDemo(flags: Flags, io: DemoIo): Promise<DemoResult> {
  const realStart = Date.now();
  const { store, scenario, dbPath, runId, resumed } = openRun(flags);
  if (resumed) {
    io.stderr.write(
      `retry-demo: resuming the run in ${dbPath} (seed ${scenario.seed}, ${scenario.messages.length} messages)\n`,
    );
  }
  const startedAt = Number(store.getMeta('startedAt'));
  const clock = createSimClock(Number(store.getMeta('now')));
  const closers: Array<() => Promise<void>> = [];
  try {
    const fakes: Fakes =
      flags.fakes === 'external'
        ? await connectExternalFakes(flags.fakesUrl as string).catch((error: unknown) => {
            throw new RunSetupError((error as Error).message);
          })
        : await startLocalFakes(clock.now);
    closers.push(() => fakes.close());
    await fakes.setTime(clock.now());
    clock.onAdvance((now) => fakes.setTime(now));

    const credentials = fakes.config.webhookCredentials;
    const webhooks = await startWebhookServer({
      store,
      credentials,
      guard: createWebhookGuard(credentials),
      now: clock.now,
    });
    closers.unshift(() => webhooks.close());
    await fakes.setWebhookTarget(webhooks.url);

    const byId = new Map(scenario.messages.map((message) => [message.id, message]));
    const throttle = createThrottlePort(store.getMeta('throttle'));
    const progress = createProgress(flags.progress, io.stderr);
    const providers = {
      smtp: createSmtpProvider({
        routes: fakes.config.smtpRoutes,
        heloName: 'mta.shop.example',
        lookup: (attemptId) => fakes.lookupSmtp(attemptId),
      }),
      postmark: createPostmarkProvider(fakes.config.postmark),
    };
    closers.unshift(async () => {
      providers.smtp.close();
      providers.postmark.close();
    });
    const runner = new OutboxRunner({
      store,
      clock,
      providers,
      // Postmark reports by webhook; our relay by email, read from the bounce mailbox.
      webhooks: { postmark: postmarkWebhookPort, smtp: bounceReportPort },
      policy: createPolicyPort(createRandom(Number(store.getMeta('seed')) + 7)),
      throttle,
      mailFor: (message) => {
        const planned = byId.get(message.id);
        const sender = planned?.sender ?? 'transactional';
        return {
          outboxId: message.id,
          from: senders[sender],
          to: message.recipient,
          subject:
            sender === 'newsletter' ? `Our November news (${message.id})` : `Your receipt ${message.id}`,
          text: `Hello,\n\nthis is message ${message.id} of the mailverdict retry demo.\n`,
        };
      },
      runId,
      concurrency: 8,
      pumpEvents: async () => {
        await fakes.pump();
        await readBounceMailbox(fakes.config.bounceMaildir, store, clock.now());
      },
      onProgress: () => progress.update(() => takeSnapshot(store, clock.now(), startedAt)),
      afterSend: killSwitch(),
    });
    await runner.run();
    progress.finish(takeSnapshot(store, clock.now(), startedAt));
    const report = buildReport({
      store,
      seed: Number(store.getMeta('seed')),
      copies: await fakes.copies(),
      startedAt,
      endedAt: clock.now(),
      realMs: Date.now() - realStart,
      throttlePauses: throttle.pauses(),
      explain: createExplainPort(),
    });
    return { report, dbPath };
  } finally {
    for (const close of closers) await close();
    store.close();
  }
}

/**
 * Test hook for the crash test: `RETRY_DEMO_KILL_AFTER_SEND=N` makes the process SIGKILL itself right
 * after the Nth provider call returns and before its outcome is stored — the worst moment, when the
 * provider has the message and our database does not know it yet.
 */
function killSwitch(): ((attemptId: string) => void) | undefined {
  const raw = process.env.RETRY_DEMO_KILL_AFTER_SEND;
  if (raw === undefined || raw === '') return undefined;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1)
    throw new RunSetupError('RETRY_DEMO_KILL_AFTER_SEND must be a whole number ≥ 1');
  let sends = 0;
  return () => {
    sends++;
    if (sends >= limit) process.kill(process.pid, 'SIGKILL');
  };
}

export function writeJsonReport(path: string, report: Report): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}

export { formatReport };

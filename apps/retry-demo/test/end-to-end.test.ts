// A seeded run, in process, against the real fakes on loopback: the report must match what the
// scenario makes inevitable, message by message (the expectations are computed from the seeded
// outbox alone, not from the app's database).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retryFixes } from '@mailverdict/core';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../src/app';
import { parseFlags } from '../src/flags';
import { postmarkOutage } from '../src/local-fakes';
import { formatReport, type Report } from '../src/report';
import { createScenario, type OutboxMessage, senders } from '../src/scenario';
import type { AttemptRow, MessageRow } from '../src/store';

const seed = 7;
const count = 240;
const quiet = { stdout: process.stdout, stderr: process.stderr };

// Failures that belong to the recipient: they must never move a message to the other provider.
const recipientCategories = new Set([
  'mailbox-unknown',
  'mailbox-disabled',
  'mailbox-full',
  'suppressed',
  'domain-invalid',
]);

let report: Report;
let messages: Map<string, MessageRow>;
let attempts: AttemptRow[];
const planned = new Map<string, OutboxMessage>(
  createScenario(seed, count).messages.map((message) => [message.id, message]),
);

beforeAll(async () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'retry-demo-e2e-')), 'outbox.sqlite');
  const flags = parseFlags([
    '--messages',
    String(count),
    '--seed',
    String(seed),
    '--db',
    dbPath,
    '--progress',
    'off',
  ]);
  ({ report } = await runDemo(flags, quiet));
  const db = new Database(dbPath, { readonly: true });
  messages = new Map(
    (
      db
        .prepare(
          `SELECT id, recipient, provider, first_provider AS firstProvider, state, category, deferred, failed_over AS failedOver, attempts, reason, fix FROM messages`,
        )
        .all() as MessageRow[]
    ).map((row) => [row.id, row]),
  );
  attempts = db
    .prepare(
      `SELECT id, message_id AS messageId, number, provider, state, started_at AS startedAt, category, event, reply FROM attempts ORDER BY message_id, number`,
    )
    .all() as AttemptRow[];
  storedNow = Number(
    (db.prepare(`SELECT value FROM meta WHERE key = 'now'`).get() as { value: string }).value,
  );
  db.close();
}, 120_000);

function attemptsOf(id: string): AttemptRow[] {
  return attempts.filter((attempt) => attempt.messageId === id);
}

let storedNow: number;

describe('a seeded run', () => {
  it('keeps simulated time in whole milliseconds, so a crashed run can resume from the stored time', () => {
    // The throttle paces in fractions of a millisecond; the clock a resumed run starts from is
    // epoch milliseconds, so a fractional stored time made every resume after such a moment fail.
    expect(Number.isSafeInteger(storedNow), String(storedNow)).toBe(true);
    const fractional = attempts.filter((attempt) => !Number.isSafeInteger(attempt.startedAt));
    expect(fractional.map((attempt) => `${attempt.id} ${attempt.startedAt}`)).toEqual([]);
  });

  it('ends every message in a final state, with none lost and none delivered twice (fake servers’ logs)', () => {
    expect(report.messages).toBe(count);
    expect(report.unfinished).toBe(0);
    expect(report.lost).toBe(0);
    expect(report.duplicates).toBe(0);
    const f = report.final;
    expect(f.delivered + f.bounced + f.suppressed + f.held + f.expired).toBe(count);
    // The providers' own logs agree with the app on how many were delivered — plus the copies an MX
    // kept while its reply was lost, which the app holds for a person rather than guess.
    const deliveredCopies = Object.values(report.providerLogs).reduce((sum, log) => sum + log.delivered, 0);
    expect(deliveredCopies).toBe(f.delivered + report.inDoubt.held);
    expect(report.abandoned).toBe(0);
  });

  it('ends each message where its recipient and destination make inevitable', () => {
    for (const [id, plan] of planned) {
      const message = messages.get(id);
      expect(message, id).toBeDefined();
      const state = message?.state;
      const via = message?.provider;
      const where = `${id} ${plan.recipient} via ${via}`;
      if (plan.kind === 'unknown') {
        expect(['bounced', 'suppressed'], where).toContain(state);
      } else if (plan.kind === 'inactive' && via === 'postmark') {
        expect(state, where).toBe('suppressed');
      } else if (plan.destination === 'dead.example' && via === 'smtp') {
        expect(state, where).toBe('expired');
      } else if (plan.sender === 'newsletter' && plan.destination === 'gmail.com') {
        expect(state, where).toBe('held');
        expect(message?.category, where).toBe('authentication');
        expect(message?.fix, where).toBe('dns-records');
      } else if (plan.kind === 'lost' && via === 'smtp') {
        // The MX kept it and dropped the connection: nobody can be asked, so a person decides.
        expect(state, where).toBe('held');
        expect(message?.fix, where).toMatch(/whether Message-ID <.+> arrived/);
      } else if (plan.kind === 'ok' || plan.kind === 'full' || plan.kind === 'lost') {
        expect(state, where).toBe('delivered');
      }
    }
  });

  it('never sends a message again after a lost reply: found by Postmark’s search, or held (direct SMTP)', () => {
    const d = report.inDoubt;
    // The scenario has both kinds: some `lost-*` recipients over SMTP, some Postmark replies dropped.
    expect(d.held).toBeGreaterThan(0);
    expect(d.found).toBeGreaterThan(0);
    // Every copy a fake kept while dropping its reply is accounted for, and nothing was resent.
    expect(d.total).toBe(d.swallowed);
    expect(d.found + d.held).toBe(d.total);
    expect(d.absent + d.pending).toBe(0);
    const held = report.held.filter((line) => line.inDoubt).map((line) => line.message);
    const lostOverSmtp = [...planned.values()]
      .filter((plan) => plan.kind === 'lost' && messages.get(plan.id)?.provider === 'smtp')
      .map((plan) => plan.id);
    expect(held.sort()).toEqual(lostOverSmtp.sort());
    expect(formatReport(report)).toContain(`lost replies (in doubt) ${d.total}`);
  });

  it('delivers greylisted messages on a retry after the greylisting delay', () => {
    const greylisted = [...planned.values()].filter(
      (plan) =>
        plan.destination === 'greylist.example' &&
        plan.kind === 'ok' &&
        messages.get(plan.id)?.provider === 'smtp',
    );
    expect(greylisted.length).toBeGreaterThan(5);
    for (const plan of greylisted) {
      const tries = attemptsOf(plan.id).filter((attempt) => attempt.provider === 'smtp');
      expect(tries[0]?.category, plan.id).toBe('greylisted');
      expect(tries.at(-1)?.category, plan.id).toBe('delivered');
      // postgrey's default delay is 5 minutes: the successful retry comes after it.
      expect((tries.at(-1)?.startedAt ?? 0) - (tries[0]?.startedAt ?? 0), plan.id).toBeGreaterThanOrEqual(
        5 * 60_000,
      );
      expect(messages.get(plan.id)?.deferred).toBe(1);
    }
    expect(report.deferredThenDelivered).toBeGreaterThanOrEqual(greylisted.length);
  });

  it('pauses the Yahoo-like MX after its TSS04 deferrals, and sends nothing there during the pause', () => {
    const pause = report.throttlePauses.find(
      (entry) => entry.destination === 'smtp→yahoo' && entry.rule === 'yahoo-tss04',
    );
    expect(pause).toBeDefined();
    expect(pause?.action).toBe('pause');
    expect((pause?.untilAt ?? 0) - (pause?.at ?? 0)).toBe(2 * 60 * 60_000);
    const yahooDuringPause = attempts.filter(
      (attempt) =>
        attempt.provider === 'smtp' &&
        messages.get(attempt.messageId)?.recipient.endsWith('@yahoo.com') === true &&
        attempt.startedAt >= (pause?.at ?? 0) + 1 &&
        attempt.startedAt < (pause?.untilAt ?? 0),
    );
    expect(yahooDuringPause).toEqual([]);
    expect(report.categories.reputation?.count ?? 0).toBeGreaterThanOrEqual(2);
  });

  it('fails the Postmark outage over to SMTP, and never moves a message for a recipient failure', () => {
    const failedOver = [...messages.values()].filter((message) => message.failedOver > 0);
    expect(failedOver.length).toBe(report.failedOver);
    expect(failedOver.length).toBeGreaterThan(0);
    // Only Postmark failed as a provider in this scenario: every failover went Postmark → SMTP.
    for (const message of failedOver) {
      expect(message.firstProvider, message.id).toBe('postmark');
      expect(message.provider, message.id).toBe('smtp');
    }
    // Messages due during the maintenance window were refused by Postmark (or not even tried) and went out by SMTP.
    const outageFailures = attempts.filter(
      (attempt) => attempt.provider === 'postmark' && attempt.category === 'server-busy',
    );
    expect(outageFailures.length).toBeGreaterThan(0);
    for (const attempt of outageFailures) {
      if (attempt.startedAt >= postmarkOutage.from && attempt.startedAt < postmarkOutage.until) {
        expect(messages.get(attempt.messageId)?.provider).toBe('smtp');
      }
    }
    // A recipient failure is followed by no attempt on another provider.
    for (const [id] of messages) {
      const tries = attemptsOf(id);
      tries.forEach((attempt, index) => {
        if (attempt.category === null || !recipientCategories.has(attempt.category)) return;
        for (const later of tries.slice(index + 1))
          expect(later.provider, `${id} after ${attempt.category}`).toBe(attempt.provider);
      });
    }
    // Postmark's inactive recipients (406) stayed suppressed; none was retried through SMTP.
    const inactive = [...planned.values()].filter(
      (plan) => plan.kind === 'inactive' && plan.provider === 'postmark',
    );
    for (const plan of inactive) {
      const message = messages.get(plan.id);
      if (message?.provider === 'postmark') expect(message.state).toBe('suppressed');
    }
  });

  it('learns of late bounces by email: the relay answers 250, its DSN makes the message delivered or bounced', () => {
    // corp.example goes through our relay. Its 250 is not delivery: the message waits, accepted,
    // until the relay's RFC 3464 report arrives in the bounce mailbox and parseBounce reads it.
    const viaRelay = [...planned.values()].filter((plan) => {
      const message = messages.get(plan.id);
      return plan.destination === 'corp.example' && message?.provider === 'smtp' && message.attempts > 0;
    });
    const bounced = viaRelay.filter((plan) => plan.kind === 'unknown');
    const delivered = viaRelay.filter((plan) => plan.kind !== 'unknown');
    expect(bounced.length).toBeGreaterThan(0);
    expect(delivered.length).toBeGreaterThan(0);
    for (const plan of bounced) {
      const message = messages.get(plan.id);
      expect(message?.state, plan.id).toBe('bounced');
      expect(message?.category, plan.id).toBe('mailbox-unknown');
      // The relay took the one SMTP attempt (no SMTP-level refusal); the report ended it with the
      // next hop's own reply, which put the address on the suppression list.
      const last = attemptsOf(plan.id).at(-1);
      expect(last?.event, plan.id).toBe('bounced');
      expect(last?.reply, plan.id).toMatch(/^550 5\.1\.10 RESOLVER\.ADR\.RecipientNotFound/);
    }
    for (const plan of delivered) {
      expect(messages.get(plan.id)?.state, plan.id).toBe('delivered');
      expect(attemptsOf(plan.id).at(-1)?.event, plan.id).toBe('delivered');
    }
    expect(report.relayReports.reports).toBe(viaRelay.length);
    expect(report.relayReports.events).toEqual({ bounced: bounced.length, delivered: delivered.length });
    expect(report.relayReports.bouncedCategories).toEqual({ 'mailbox-unknown': bounced.length });
    expect(formatReport(report)).toContain(`bounced as mailbox-unknown ${bounced.length}`);
  });

  it('refuses a send to a suppressed address before it reaches any provider', () => {
    const refused = [...messages.values()].filter(
      (message) => message.state === 'suppressed' && message.attempts === 0,
    );
    expect(refused.length).toBe(report.refusedSuppressed);
    for (const message of refused) {
      // An earlier message to the same address is what put it on the list.
      const earlier = [...messages.values()].find(
        (other) => other.recipient === message.recipient && other.id < message.id && other.attempts > 0,
      );
      expect(earlier, message.id).toBeDefined();
    }
  });

  it('reports one line per category with an example reply and its explanation', () => {
    for (const category of [
      'delivered',
      'greylisted',
      'mailbox-unknown',
      'network',
      'reputation',
      'authentication',
    ]) {
      const line = report.categories[category];
      expect(line, category).toBeDefined();
      expect(line?.count).toBeGreaterThan(0);
      expect(line?.example.length).toBeGreaterThan(0);
      expect(line?.explanation.length).toBeGreaterThan(0);
      // core's explain: the full text (codes, causes, numbered steps) goes to the JSON.
      expect(line?.details, category).toContain('What to do:');
    }
    expect(report.categories.authentication?.explanation).toMatch(/SPF and DKIM alignment/);
    expect(report.categories.greylisted?.decision).toMatch(/greylisting/);
    expect(report.held.every((line) => line.fix.length > 0 && line.reason.length > 0)).toBe(true);
    // Held messages say what to fix in words, not only as a code.
    const dmarc = report.held.filter((line) => line.fix === 'dns-records');
    expect(dmarc.length).toBeGreaterThan(0);
    for (const line of dmarc) expect(line.fixDescription).toBe(retryFixes['dns-records']);
    expect(formatReport(report)).toContain(`to fix (dns-records): ${retryFixes['dns-records']}`);
    expect(senders.newsletter).toContain('@');
  });
});

describe('--seed', () => {
  it('replays the same run: same final state, provider, attempts and simulated time for every message', async () => {
    const runs: unknown[][] = [];
    for (let index = 0; index < 2; index++) {
      const dbPath = join(mkdtempSync(join(tmpdir(), 'retry-demo-seed-')), 'outbox.sqlite');
      await runDemo(
        parseFlags(['--messages', '60', '--seed', '3', '--db', dbPath, '--progress', 'off']),
        quiet,
      );
      const db = new Database(dbPath, { readonly: true });
      runs.push(db.prepare('SELECT id, state, provider, attempts, final_at FROM messages ORDER BY id').all());
      db.close();
    }
    expect(runs[0]).toHaveLength(60);
    expect(runs[1]).toEqual(runs[0]);
  }, 90_000);
});

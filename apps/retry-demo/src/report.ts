// The report: what happened to every message, counted from the app's database, and the two numbers
// that prove the delivery guarantees (`duplicates`, `lost`), counted from the fake servers' own logs.
import { type RetryFix, retryFixes, type Verdict } from '@mailverdict/core';
import type { StoredReport } from './bounce-mailbox';
import type { ExplainPort } from './ports';
import { formatElapsed } from './progress';
import { type FinalState, finalStates, type Store } from './store';

export interface CategoryLine {
  readonly count: number;
  /** A reply (or provider message) of this category, verbatim. */
  readonly example: string;
  /** core's `explain` of the example, compact: the category in plain words and the first step. */
  readonly explanation: string;
  /** The whole explanation (`formatExplanation`, text): codes, likely causes, steps, links. */
  readonly details: string;
  /** What the retry policy decided after the example (its `reason`), when it decided anything. */
  readonly decision: string;
}

export interface HeldLine {
  readonly message: string;
  readonly recipient: string;
  readonly category: string;
  readonly reason: string;
  /** The hold decision's `fix` code (`dns-records`), or the demo's own instruction for a delivery it cannot confirm. */
  readonly fix: string;
  /** What to fix, in words: core's `retryFixes[fix]` for a fix code, else the instruction itself. */
  readonly fixDescription: string;
  /** Held because an attempt's reply was lost and nobody could be asked (direct SMTP): by design. */
  readonly inDoubt: boolean;
}

/** Attempts whose reply was lost, by how each was resolved (see runner.ts, "Lost replies"). */
export interface InDoubtCounts {
  readonly total: number;
  /** The provider's message search had the message: not sent again. */
  readonly found: number;
  /** The search did not have it: sent again. */
  readonly absent: number;
  /** Nobody could be asked (direct SMTP): held for a person. */
  readonly held: number;
  /** Still waiting for the search (0 after a complete run). */
  readonly pending: number;
  /** Copies the fake servers kept while dropping their reply, from their own logs. */
  readonly swallowed: number;
}

export interface ThrottlePause {
  /** `smtp→yahoo`: the provider's throttle and the destination in it. */
  readonly destination: string;
  /** `pause`: no attempts until `untilAt`; `slow-down`: a maximum rate (`rate`, messages per second). */
  readonly action: 'pause' | 'slow-down';
  /** The shaping rule (or `retry-after`) that acted. */
  readonly rule: string;
  readonly rate?: number;
  /** Simulated epoch ms when the pause started. */
  readonly at: number;
  readonly untilAt: number;
  readonly reason: string;
}

export interface Report {
  readonly messages: number;
  readonly seed: number;
  /** Simulated epoch ms of the start of the run. */
  readonly startedAt: number;
  readonly final: Readonly<Record<FinalState, number>>;
  /** Messages that did not reach a final state (0 after a complete run). */
  readonly unfinished: number;
  readonly deferredThenDelivered: number;
  readonly failedOver: number;
  /** Extra copies delivered, from the fake servers' logs. */
  readonly duplicates: number;
  /** Messages neither delivered (per the fake servers' logs) nor in another final state. */
  readonly lost: number;
  readonly inDoubt: InDoubtCounts;
  /**
   * Messages held because a restart could not tell whether an attempt in flight at the crash reached
   * the provider ("delivery unknown"). "lost 0" does not see them; in-doubt holds are not counted here.
   */
  readonly abandoned: number;
  readonly attempts: number;
  /** Sends refused before reaching a provider because the address was already suppressed. */
  readonly refusedSuppressed: number;
  readonly suppressionList: number;
  readonly byProvider: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly byDestination: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Every outcome of every attempt, by verdict category. */
  readonly categories: Readonly<Record<string, CategoryLine>>;
  /** The same counts, flat: category → outcomes. */
  readonly categoryCounts: Readonly<Record<string, number>>;
  readonly held: readonly HeldLine[];
  readonly timeToDelivery: {
    readonly count: number;
    readonly medianMs: number;
    readonly p90Ms: number;
    readonly maxMs: number;
  };
  readonly throttlePauses: readonly ThrottlePause[];
  /** Simulated time from the first send to the last final state. */
  readonly simulatedMs: number;
  readonly realMs: number;
  /**
   * Our relay's delivery status notifications read from the bounce mailbox (bounce-mailbox.ts): how
   * many arrived, and what their outcomes turned "accepted by the relay" into (`delivered`, `bounced`,
   * `deferred`), with the bounces' categories.
   */
  readonly relayReports: {
    readonly reports: number;
    readonly events: Readonly<Record<string, number>>;
    readonly bouncedCategories: Readonly<Record<string, number>>;
  };
  /** What the fake servers' logs say, per provider: messages they accepted / delivered. */
  readonly providerLogs: Readonly<Record<string, { readonly accepted: number; readonly delivered: number }>>;
}

/** From the fake servers' logs: one entry per copy a provider accepted, keyed by outbox message id. */
export interface LogCopy {
  readonly provider: string;
  readonly outboxId: string;
  readonly attemptId: string;
  /** True when this copy reached the recipient's mailbox (SMTP: accepted by the MX; Postmark: not bounced). */
  readonly delivered: boolean;
  /** The provider kept this copy but its reply to us was lost (the fakes' `lostReply` / `dropReply`). */
  readonly replyDropped: boolean;
}

export interface ReportInput {
  readonly store: Store;
  readonly seed: number;
  readonly copies: readonly LogCopy[];
  readonly startedAt: number;
  readonly endedAt: number;
  readonly realMs: number;
  readonly throttlePauses: readonly ThrottlePause[];
  /** Explains a verdict (core's `explain`). */
  readonly explain: ExplainPort;
}

function isRetryFix(fix: string): fix is RetryFix {
  return Object.hasOwn(retryFixes, fix);
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

function increment(record: Record<string, Record<string, number>>, key: string, state: string): void {
  let inner = record[key];
  if (inner === undefined) {
    inner = {};
    record[key] = inner;
  }
  inner[state] = (inner[state] ?? 0) + 1;
}

export function buildReport(input: ReportInput): Report {
  const { store } = input;
  const messages = store.messages();
  const final = Object.fromEntries(finalStates.map((state) => [state, 0])) as Record<FinalState, number>;
  const byProvider: Record<string, Record<string, number>> = {};
  const byDestination: Record<string, Record<string, number>> = {};
  const held: HeldLine[] = [];
  const deliveryTimes: number[] = [];
  let unfinished = 0;
  let deferredThenDelivered = 0;
  let failedOver = 0;
  let lastFinal = input.startedAt;
  const delivered = new Map<string, number>();
  for (const copy of input.copies) {
    if (copy.delivered) delivered.set(copy.outboxId, (delivered.get(copy.outboxId) ?? 0) + 1);
  }
  const attempts = store.attempts();
  const heldInDoubt = new Set(
    attempts.filter((attempt) => attempt.inDoubt === 'held').map((attempt) => attempt.messageId),
  );
  let lost = 0;
  for (const message of messages) {
    increment(byProvider, message.provider, message.state);
    increment(byDestination, message.destination, message.state);
    if (message.failedOver > 0) failedOver++;
    const copies = delivered.get(message.id) ?? 0;
    if ((finalStates as readonly string[]).includes(message.state)) {
      final[message.state as FinalState]++;
      if (message.finalAt !== null) lastFinal = Math.max(lastFinal, message.finalAt);
    } else {
      unfinished++;
    }
    // Lost: the app believes it delivered the message but no provider log has a copy, or the
    // message never reached any final state.
    if (
      (message.state === 'delivered' && copies === 0) ||
      (copies === 0 && !finalStates.includes(message.state as FinalState))
    ) {
      lost++;
    }
    if (message.state === 'delivered') {
      if (message.deferred > 0) deferredThenDelivered++;
      if (message.finalAt !== null) deliveryTimes.push(message.finalAt - message.createdAt);
    }
    if (message.state === 'held') {
      held.push({
        message: message.id,
        recipient: message.recipient,
        category: message.category ?? 'unknown',
        reason: message.reason ?? '',
        fix: message.fix ?? '',
        fixDescription:
          message.fix === null ? '' : isRetryFix(message.fix) ? retryFixes[message.fix] : message.fix,
        inDoubt: heldInDoubt.has(message.id),
      });
    }
  }
  let duplicates = 0;
  for (const count of delivered.values()) duplicates += Math.max(0, count - 1);

  const categories: Record<string, CategoryLine> = {};
  for (const attempt of attempts) {
    if (attempt.category === null) continue;
    const line = categories[attempt.category];
    if (line === undefined) {
      const explained =
        attempt.verdict === null ? undefined : input.explain.explain(JSON.parse(attempt.verdict) as Verdict);
      categories[attempt.category] = {
        count: 1,
        example: attempt.reply ?? '',
        explanation: explained?.line ?? attempt.decision ?? '',
        details: explained?.details ?? '',
        decision: attempt.decision === null || attempt.decision === 'delivered' ? '' : attempt.decision,
      };
    } else {
      categories[attempt.category] = { ...line, count: line.count + 1 };
    }
  }
  const refusedSuppressed = (
    store.db
      .prepare(`SELECT COUNT(*) AS n FROM messages WHERE state = 'suppressed' AND attempts = 0`)
      .get() as {
      n: number;
    }
  ).n;

  const providerLogs: Record<string, { accepted: number; delivered: number }> = {};
  for (const copy of input.copies) {
    let entry = providerLogs[copy.provider];
    if (entry === undefined) {
      entry = { accepted: 0, delivered: 0 };
      providerLogs[copy.provider] = entry;
    }
    entry.accepted++;
    if (copy.delivered) entry.delivered++;
  }
  deliveryTimes.sort((a, b) => a - b);
  const resolved = (state: string) => attempts.filter((attempt) => attempt.inDoubt === state).length;
  const inDoubt: InDoubtCounts = {
    total: attempts.filter((attempt) => attempt.inDoubt !== null).length,
    found: resolved('found'),
    absent: resolved('absent'),
    held: resolved('held'),
    pending: resolved('pending'),
    swallowed: input.copies.filter((copy) => copy.replyDropped).length,
  };
  return {
    inDoubt,
    abandoned: countAbandoned(store),
    relayReports: relayReports(store),
    messages: messages.length,
    seed: input.seed,
    startedAt: input.startedAt,
    final,
    unfinished,
    deferredThenDelivered,
    failedOver,
    duplicates,
    lost,
    attempts: attempts.length,
    refusedSuppressed,
    suppressionList: store.suppressions().length,
    byProvider,
    byDestination,
    categories: Object.fromEntries(Object.entries(categories).sort(([a], [b]) => a.localeCompare(b))),
    categoryCounts: Object.fromEntries(
      Object.entries(categories)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([category, line]) => [category, line.count]),
    ),
    held,
    timeToDelivery: {
      count: deliveryTimes.length,
      medianMs: percentile(deliveryTimes, 0.5),
      p90Ms: percentile(deliveryTimes, 0.9),
      maxMs: percentile(deliveryTimes, 1),
    },
    throttlePauses: input.throttlePauses,
    simulatedMs: Math.max(0, lastFinal - input.startedAt),
    realMs: input.realMs,
    providerLogs,
  };
}

/** Held messages whose hold came from a restart that could not place an attempt in flight. */
export function countAbandoned(store: Store): number {
  const row = store.db
    .prepare(
      `SELECT COUNT(DISTINCT m.id) AS n FROM messages m JOIN attempts a ON a.message_id = m.id
         WHERE m.state = 'held' AND a.recovered = 1 AND a.decision = 'delivery unknown'`,
    )
    .get() as { n: number };
  return row.n;
}

function relayReports(store: Store): Report['relayReports'] {
  const rows = store.db
    .prepare(`SELECT payload FROM webhook_events WHERE id LIKE 'dsn:%' ORDER BY rowid`)
    .all() as Array<{ payload: string }>;
  const events: Record<string, number> = {};
  const bouncedCategories: Record<string, number> = {};
  for (const row of rows) {
    const { body } = JSON.parse(row.payload) as { body: StoredReport };
    for (const outcome of body.outcomes) {
      events[outcome.event] = (events[outcome.event] ?? 0) + 1;
      if (outcome.event === 'bounced') {
        const category = outcome.verdict.category;
        bouncedCategories[category] = (bouncedCategories[category] ?? 0) + 1;
      }
    }
  }
  return { reports: rows.length, events, bouncedCategories };
}

function clip(text: string, width: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= width ? line : `${line.slice(0, width - 1)}…`;
}

/** The report as a person reads it. */
export function formatReport(report: Report): string {
  const out: string[] = [];
  const f = report.final;
  out.push('');
  out.push(`mailverdict retry demo — ${report.messages} messages, seed ${report.seed}`);
  out.push(
    `played ${formatElapsed(report.simulatedMs)} of simulated time in ${(report.realMs / 1000).toFixed(1)} s, ${report.attempts} attempts`,
  );
  out.push('');
  out.push(
    `  delivered              ${f.delivered}   (deferred, then delivered: ${report.deferredThenDelivered})`,
  );
  out.push(`  bounced                ${f.bounced}`);
  out.push(
    `  suppressed             ${f.suppressed}   (refused before any provider: ${report.refusedSuppressed}; suppression list: ${report.suppressionList})`,
  );
  out.push(`  held for a human       ${f.held}`);
  out.push(`  expired (5-day limit)  ${f.expired}`);
  out.push(`  failed over            ${report.failedOver}`);
  out.push(`  unfinished             ${report.unfinished}`);
  const relay = report.relayReports;
  const bouncedBy = Object.entries(relay.bouncedCategories)
    .map(([category, n]) => `${category} ${n}`)
    .join(', ');
  out.push(
    `  relay reports by email ${relay.reports}   (accepted by the relay, then ${Object.entries(relay.events)
      .map(([event, n]) => `${event} ${n}`)
      .join(', ')}${bouncedBy === '' ? '' : `; bounced as ${bouncedBy}`})`,
  );
  const d = report.inDoubt;
  out.push(
    `  lost replies (in doubt) ${d.total}   (found by the provider's message search, not sent again: ${d.found}; held for a person: ${d.held}; not found, sent again: ${d.absent}${d.pending > 0 ? `; still asking: ${d.pending}` : ''})`,
  );
  out.push(
    `  duplicates ${report.duplicates}, lost ${report.lost} (from the fake servers' own logs, which kept ${d.swallowed} copies whose reply they dropped)`,
  );
  out.push(`  abandoned after a crash ${report.abandoned}`);
  const t = report.timeToDelivery;
  out.push(
    `  time to delivery       median ${formatElapsed(t.medianMs)}, p90 ${formatElapsed(t.p90Ms)}, max ${formatElapsed(t.maxMs)} (simulated)`,
  );
  out.push('');
  out.push('per provider (final state of each message, by the provider that carried it last):');
  for (const [provider, counts] of Object.entries(report.byProvider).sort()) {
    out.push(
      `  ${provider.padEnd(10)} ${Object.entries(counts)
        .map(([state, n]) => `${state} ${n}`)
        .join(', ')}`,
    );
  }
  out.push('per destination:');
  for (const [destination, counts] of Object.entries(report.byDestination).sort()) {
    out.push(
      `  ${destination.padEnd(22)} ${Object.entries(counts)
        .map(([state, n]) => `${state} ${n}`)
        .join(', ')}`,
    );
  }
  if (report.throttlePauses.length > 0) {
    out.push('destination throttle (shaping rules that fired):');
    for (const pause of report.throttlePauses) {
      const what =
        pause.action === 'pause'
          ? `paused for ${formatElapsed(pause.untilAt - pause.at)}`
          : `slowed to ${((pause.rate ?? 0) * 60).toFixed(1)}/min`;
      out.push(
        `  ${pause.destination} ${what} by ${pause.rule} at +${formatElapsed(pause.at - report.startedAt)}, after: ${clip(pause.reason, 60)}`,
      );
    }
  }
  const inDoubtHeld = report.held.filter((line) => line.inDoubt);
  if (inDoubtHeld.length > 0) {
    out.push(
      'held for a human because the reply was lost (the server may have the message; never resent blindly):',
    );
    for (const line of inDoubtHeld) out.push(`  ${line.message} ${line.recipient}: ${line.fixDescription}`);
  }
  const otherHeld = report.held.filter((line) => !line.inDoubt);
  if (otherHeld.length > 0) {
    out.push('held for a human (retrying will not help until this is fixed):');
    for (const line of otherHeld.slice(0, 10)) {
      const code = line.fixDescription === line.fix ? '' : ` (${line.fix})`;
      out.push(
        `  ${line.message} ${line.recipient} [${line.category}] to fix${code}: ${line.fixDescription}`,
      );
      out.push(`      ${clip(line.reason, 160)}`);
    }
    if (otherHeld.length > 10) out.push(`  … and ${otherHeld.length - 10} more (see --json)`);
  }
  out.push('');
  out.push('every outcome by category (count, an example reply, what it means):');
  for (const [category, line] of Object.entries(report.categories)) {
    out.push(`  ${category.padEnd(20)} ${String(line.count).padStart(4)}  ${clip(line.example, 80)}`);
    if (line.explanation !== '') out.push(`  ${''.padEnd(26)}→ ${clip(line.explanation, 160)}`);
  }
  out.push('');
  return out.join('\n');
}

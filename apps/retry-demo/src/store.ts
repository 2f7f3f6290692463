// The durable state of the demo: outbox, attempts, suppression list, throttle state and the
// simulated clock, in one SQLite file (better-sqlite3, synchronous, WAL). Every state transition is
// one transaction, so a SIGKILL leaves either the state before it or the state after it, never half.
import Database from 'better-sqlite3';

export type ProviderName = 'smtp' | 'postmark';

/**
 * `queued`: waits for `due_at`. `sending`: an attempt is in flight. `accepted`: the provider took it and
 * reports later (webhook). `in-doubt`: the attempt's reply was lost; the provider's message search is
 * asked at `due_at` whether it has the message.
 */
export type LiveState = 'queued' | 'sending' | 'accepted' | 'in-doubt';
export type FinalState = 'delivered' | 'bounced' | 'suppressed' | 'held' | 'expired';
export type MessageState = LiveState | FinalState;

export const finalStates: readonly FinalState[] = ['delivered', 'bounced', 'suppressed', 'held', 'expired'];
export const liveStates: readonly LiveState[] = ['queued', 'sending', 'accepted', 'in-doubt'];

/**
 * An attempt whose reply was lost (the provider may have the message): `pending` until the provider's
 * search answers, then `found` (it has it: never sent again), `absent` (it does not: sent again) or
 * `held` (nobody can be asked — direct SMTP — so a person decides).
 */
export type InDoubt = 'pending' | 'found' | 'absent' | 'held';

export interface MessageRow {
  readonly id: string;
  readonly recipient: string;
  /** Recipient domain. */
  readonly destination: string;
  readonly provider: ProviderName;
  readonly firstProvider: ProviderName;
  readonly state: MessageState;
  readonly attempts: number;
  readonly dueAt: number;
  readonly createdAt: number;
  readonly firstAttemptAt: number | null;
  readonly finalAt: number | null;
  /** Category of the last verdict. */
  readonly category: string | null;
  readonly reason: string | null;
  readonly fix: string | null;
  /** The last reply or provider message, verbatim. */
  readonly reply: string | null;
  readonly failedOver: number;
  /** 1 once any attempt was deferred (for "deferred, then delivered"). */
  readonly deferred: number;
  /** JSON array of the verdicts of earlier attempts (`decideRetry`'s `previous`). */
  readonly history: string;
  readonly providerMessageId: string | null;
  /** The attempt in flight or awaiting a webhook. */
  readonly currentAttempt: string | null;
}

export type AttemptState = 'in-flight' | 'done' | 'accepted' | 'reconciled-accepted' | 'reconciled-absent';

export interface AttemptRow {
  /** The attempt intent id, also the Message-ID header / Postmark metadata of this attempt. */
  readonly id: string;
  readonly messageId: string;
  readonly number: number;
  readonly provider: ProviderName;
  readonly state: AttemptState;
  readonly startedAt: number;
  readonly endedAt: number | null;
  readonly event: string | null;
  readonly category: string | null;
  readonly reply: string | null;
  readonly decision: string | null;
  /** 1 when the attempt was in flight at a crash and resolved at the provider on restart. */
  readonly recovered: number;
  /** The verdict of the outcome, as JSON. */
  readonly verdict: string | null;
  /** Set when the attempt's reply was lost: how that was resolved. */
  readonly inDoubt: InDoubt | null;
}

const schema = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY,
  recipient TEXT NOT NULL,
  destination TEXT NOT NULL,
  provider TEXT NOT NULL,
  first_provider TEXT NOT NULL,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  due_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  first_attempt_at INTEGER,
  final_at INTEGER,
  category TEXT,
  reason TEXT,
  fix TEXT,
  reply TEXT,
  failed_over INTEGER NOT NULL DEFAULT 0,
  deferred INTEGER NOT NULL DEFAULT 0,
  history TEXT NOT NULL DEFAULT '[]',
  provider_message_id TEXT,
  current_attempt TEXT
);
CREATE INDEX IF NOT EXISTS messages_due ON messages (state, due_at);
CREATE INDEX IF NOT EXISTS messages_provider_id ON messages (provider_message_id);
CREATE TABLE IF NOT EXISTS attempts (
  id TEXT PRIMARY KEY,
  message_id TEXT NOT NULL REFERENCES messages (id),
  number INTEGER NOT NULL,
  provider TEXT NOT NULL,
  state TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  ended_at INTEGER,
  event TEXT,
  category TEXT,
  reply TEXT,
  decision TEXT,
  recovered INTEGER NOT NULL DEFAULT 0,
  verdict TEXT,
  in_doubt TEXT
);
CREATE INDEX IF NOT EXISTS attempts_state ON attempts (state);
CREATE TABLE IF NOT EXISTS suppressions (
  address TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL,
  message_id TEXT
);
CREATE TABLE IF NOT EXISTS webhook_events (
  id TEXT PRIMARY KEY,
  message_id TEXT,
  received_at INTEGER NOT NULL,
  record_type TEXT NOT NULL,
  payload TEXT NOT NULL,
  applied INTEGER NOT NULL DEFAULT 0
);
`;

const columns = `id, recipient, destination, provider, first_provider AS firstProvider, state, attempts,
  due_at AS dueAt, created_at AS createdAt, first_attempt_at AS firstAttemptAt, final_at AS finalAt, category,
  reason, fix, reply, failed_over AS failedOver, deferred, history, provider_message_id AS providerMessageId,
  current_attempt AS currentAttempt`;

const attemptColumns = `id, message_id AS messageId, number, provider, state, started_at AS startedAt,
  ended_at AS endedAt, event, category, reply, decision, recovered, verdict, in_doubt AS inDoubt`;

export interface NewMessage {
  readonly id: string;
  readonly recipient: string;
  readonly destination: string;
  readonly provider: ProviderName;
  readonly createdAt: number;
}

/** Columns a transition may change, in camelCase. */
export type MessageChange = Partial<
  Pick<
    MessageRow,
    | 'provider'
    | 'state'
    | 'attempts'
    | 'dueAt'
    | 'firstAttemptAt'
    | 'finalAt'
    | 'category'
    | 'reason'
    | 'fix'
    | 'reply'
    | 'failedOver'
    | 'deferred'
    | 'history'
    | 'providerMessageId'
    | 'currentAttempt'
  >
>;

const columnOf: Record<keyof MessageChange, string> = {
  provider: 'provider',
  state: 'state',
  attempts: 'attempts',
  dueAt: 'due_at',
  firstAttemptAt: 'first_attempt_at',
  finalAt: 'final_at',
  category: 'category',
  reason: 'reason',
  fix: 'fix',
  reply: 'reply',
  failedOver: 'failed_over',
  deferred: 'deferred',
  history: 'history',
  providerMessageId: 'provider_message_id',
  currentAttempt: 'current_attempt',
};

export type AttemptChange = Partial<
  Pick<
    AttemptRow,
    'state' | 'endedAt' | 'event' | 'category' | 'reply' | 'decision' | 'recovered' | 'verdict' | 'inDoubt'
  >
>;

const attemptColumnOf: Record<keyof AttemptChange, string> = {
  state: 'state',
  endedAt: 'ended_at',
  event: 'event',
  category: 'category',
  reply: 'reply',
  decision: 'decision',
  recovered: 'recovered',
  verdict: 'verdict',
  inDoubt: 'in_doubt',
};

export interface Suppression {
  readonly address: string;
  readonly category: string;
  readonly reason: string;
  readonly at: number;
  readonly messageId: string | null;
}

export class Store {
  readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    // WAL: readers never block the writer, and a commit is one append to the log (sqlite.org/wal.html).
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction survives the process being killed at any moment
    // (the OS holds the written log); only a power cut can lose the last commits, never corrupt the
    // file (sqlite.org/pragma.html#pragma_synchronous). FULL adds an fsync per commit, which a real
    // service that must survive power loss should pay; this demo guarantees kill -9 safety.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(schema);
  }

  close(): void {
    this.db.close();
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** A prepared statement, compiled once per SQL text (preparing is most of a small query's cost). */
  sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (statement === undefined) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /** Runs `work` in one transaction: all of it is stored, or none of it. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  getMeta(key: string): string | undefined {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.sql(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
  }

  insertMessages(messages: readonly NewMessage[]): void {
    const insert = this.sql(
      `INSERT INTO messages (id, recipient, destination, provider, first_provider, state, due_at, created_at)
       VALUES (@id, @recipient, @destination, @provider, @provider, 'queued', @createdAt, @createdAt)`,
    );
    this.transaction(() => {
      for (const message of messages) insert.run(message);
    });
  }

  message(id: string): MessageRow | undefined {
    return this.sql(`SELECT ${columns} FROM messages WHERE id = ?`).get(id) as MessageRow | undefined;
  }

  messageByProviderId(providerMessageId: string): MessageRow | undefined {
    return this.sql(`SELECT ${columns} FROM messages WHERE provider_message_id = ?`).get(providerMessageId) as
      | MessageRow
      | undefined;
  }

  messages(): MessageRow[] {
    return this.sql(`SELECT ${columns} FROM messages ORDER BY id`).all() as MessageRow[];
  }

  /** Messages in `state` due at `now`, oldest first (ties by id, so the order never depends on the engine). */
  due(now: number, limit: number, state: 'queued' | 'in-doubt' = 'queued'): MessageRow[] {
    return this.sql(
      `SELECT ${columns} FROM messages WHERE state = ? AND due_at <= ? ORDER BY due_at, id LIMIT ?`,
    ).all(state, now, limit) as MessageRow[];
  }

  nextDueAt(): number | undefined {
    const row = this.sql(
      `SELECT MIN(due_at) AS at FROM messages WHERE state IN ('queued', 'in-doubt')`,
    ).get() as {
      at: number | null;
    };
    return row.at ?? undefined;
  }

  countByState(): Record<string, number> {
    const rows = this.sql('SELECT state, COUNT(*) AS n FROM messages GROUP BY state').all() as Array<{
      state: string;
      n: number;
    }>;
    return Object.fromEntries(rows.map((row) => [row.state, row.n]));
  }

  countLive(): number {
    const row = this.sql(
      `SELECT COUNT(*) AS n FROM messages WHERE state IN ('queued', 'sending', 'accepted', 'in-doubt')`,
    ).get() as { n: number };
    return row.n;
  }

  updateMessage(id: string, change: MessageChange): void {
    const keys = Object.keys(change) as Array<keyof MessageChange>;
    if (keys.length === 0) return;
    const assignments = keys.map((key) => `${columnOf[key]} = @${key}`).join(', ');
    const result = this.sql(`UPDATE messages SET ${assignments} WHERE id = @id`).run({ ...change, id });
    if (result.changes !== 1) throw new Error(`store: message ${id} does not exist`);
  }

  insertAttempt(attempt: Pick<AttemptRow, 'id' | 'messageId' | 'number' | 'provider' | 'startedAt'>): void {
    this.sql(
      `INSERT INTO attempts (id, message_id, number, provider, state, started_at)
         VALUES (@id, @messageId, @number, @provider, 'in-flight', @startedAt)`,
    ).run(attempt);
  }

  updateAttempt(id: string, change: AttemptChange): void {
    const keys = Object.keys(change) as Array<keyof AttemptChange>;
    if (keys.length === 0) return;
    const assignments = keys.map((key) => `${attemptColumnOf[key]} = @${key}`).join(', ');
    const result = this.sql(`UPDATE attempts SET ${assignments} WHERE id = @id`).run({ ...change, id });
    if (result.changes !== 1) throw new Error(`store: attempt ${id} does not exist`);
  }

  attempt(id: string): AttemptRow | undefined {
    return this.sql(`SELECT ${attemptColumns} FROM attempts WHERE id = ?`).get(id) as AttemptRow | undefined;
  }

  attemptsInState(state: AttemptState): AttemptRow[] {
    return this.sql(`SELECT ${attemptColumns} FROM attempts WHERE state = ? ORDER BY id`).all(
      state,
    ) as AttemptRow[];
  }

  attempts(): AttemptRow[] {
    return this.sql(
      `SELECT ${attemptColumns} FROM attempts ORDER BY message_id, number`,
    ).all() as AttemptRow[];
  }

  /** The finished attempts' verdicts for one recipient, across messages (decideSuppression's history). */
  recipientOutcomes(address: string): Array<{ at: number; verdict: string }> {
    return this.sql(
      `SELECT a.ended_at AS at, a.verdict AS verdict FROM attempts a JOIN messages m ON m.id = a.message_id
         WHERE lower(m.recipient) = ? AND a.ended_at IS NOT NULL AND a.verdict IS NOT NULL`,
    ).all(address.toLowerCase()) as Array<{ at: number; verdict: string }>;
  }

  suppression(address: string): Suppression | undefined {
    return this.sql(
      'SELECT address, category, reason, at, message_id AS messageId FROM suppressions WHERE address = ?',
    ).get(address.toLowerCase()) as Suppression | undefined;
  }

  suppress(entry: Suppression): void {
    // The first reason is kept: later bounces of an address already suppressed add nothing.
    this.sql(
      `INSERT INTO suppressions (address, category, reason, at, message_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (address) DO NOTHING`,
    ).run(entry.address.toLowerCase(), entry.category, entry.reason, entry.at, entry.messageId);
  }

  suppressions(): Suppression[] {
    return this.sql(
      'SELECT address, category, reason, at, message_id AS messageId FROM suppressions ORDER BY address',
    ).all() as Suppression[];
  }

  /** Webhook events stored but not applied yet, in arrival order. */
  pendingWebhooks(): Array<{ id: string; payload: string; receivedAt: number }> {
    return this.sql(
      'SELECT id, payload, received_at AS receivedAt FROM webhook_events WHERE applied = 0 ORDER BY rowid',
    ).all() as Array<{ id: string; payload: string; receivedAt: number }>;
  }

  markWebhookApplied(id: string): void {
    this.sql('UPDATE webhook_events SET applied = 1 WHERE id = ?').run(id);
  }

  /** Records a webhook event once; false when it was seen before (Postmark retries webhooks). */
  recordWebhook(event: {
    id: string;
    messageId: string | null;
    receivedAt: number;
    recordType: string;
    payload: string;
  }): boolean {
    const result = this.sql(
      `INSERT INTO webhook_events (id, message_id, received_at, record_type, payload)
         VALUES (@id, @messageId, @receivedAt, @recordType, @payload) ON CONFLICT (id) DO NOTHING`,
    ).run(event);
    return result.changes === 1;
  }
}

// The outbox runner: one loop, one retry policy, whatever provider carries the mail.
//
// Every outcome — a synchronous SMTP reply, a Postmark API error, a Postmark webhook — arrives here
// as a core `DeliveryOutcome` made by the provider's package, and goes through the same three
// steps: the destination throttle gets the verdict as feedback, the suppression list takes the
// address when the verdict says so, and `decideRetry` says what happens next. The only provider
// knowledge here is generic: a failure whose scope is the provider itself (an outage, an account
// limit, an account problem) moves the message to the other provider.
//
// Crash safety. A message moves queued → sending → (accepted →) final state, and every arrow is one
// SQLite transaction (store.ts). The attempt row, with a fresh attempt id, is committed together with
// the `sending` mark BEFORE the first byte goes to a provider; the outcome is committed AFTER, in one
// transaction with its consequences (suppression, throttle state, next due time). A SIGKILL lands:
//  1. before the "before" commit: nothing happened; the message is still queued and is sent normally.
//  2. between the two commits (an attempt in flight): we cannot know from our own state whether the
//     provider took the message — the kill may have come after the MX answered 250 to the end of
//     DATA, or after Postmark stored the message, but before we heard it (the RFC 1047 window). So on
//     restart every `in-flight` attempt is looked up AT THE PROVIDER by its attempt id, which we sent
//     with it (SMTP: the Message-ID header; Postmark: the Metadata). In the demo the fake servers'
//     own logs stand in for a provider's message search (Postmark has one: /messages/outbound with
//     metadata filters; for direct-to-MX SMTP a real sender has none, see README). Found → the
//     attempt counts as accepted and the message is never sent again. Absent → the provider did not
//     take it, and the message is queued again under a NEW attempt id. One race remains: when the
//     process dies, the kernel still sends what it had written and then closes the connection, so a
//     server may finish the dead process's transaction a moment later (read the final ".", answer 250
//     to nobody). The lookup therefore waits a grace period first (`reconcileGraceMs`, longer than
//     any fake's reply delay; a real provider's search index needs minutes), and a process that is
//     restarted faster than that would have to wait too. A new attempt id also means a receiver can
//     tell two copies apart, never merge them: it is the lookup, not the id, that prevents them.
//     When a provider cannot tell, the message is held for a human ("delivery unknown"): a duplicate
//     is not ours to risk silently.
//  3. after the "after" commit: nothing to do.
// Lost replies. A provider can take a message while its answer never reaches us, with no crash at
// all: the MX drops the connection after the final "." of DATA, or Postmark stores the message and
// the HTTP response is lost. The provider package marks such an outcome in doubt (`isInDoubt`); it is
// never treated as a transient failure and sent again. The attempt is stored as in doubt in the same
// transaction as its outcome would have been; then, where the provider has a message search
// (Postmark), the message waits in the `in-doubt` state until the search answers — found: it counts as
// accepted; absent: sent again under a new attempt id; the search failed: asked again later. That
// state is in SQLite, so a process killed before the answer asks again after the restart. Where
// nobody can be asked (direct SMTP), the message is held for a person at once, and the report lists it.
// Webhooks are stored on arrival (one transaction, deduplicated) and applied by this loop, so an event
// received just before a crash is applied after the restart.
import { type DeliveryOutcome, decideSuppression, type Verdict } from '@mailverdict/core';
import { isInDoubt } from '@mailverdict/core/adapter';
import type { OutgoingMail, PolicyPort, ProviderPort, RetryDecision, ThrottlePort } from './ports';
import type { SimClock } from './sim-clock';
import type { FinalState, MessageChange, MessageRow, ProviderName, Store } from './store';

export interface WebhookPort {
  /** The provider package's conversion of one webhook payload. */
  convert(payload: unknown): DeliveryOutcome[];
  /** Which attempt the payload is about (from the metadata we sent, or the provider's message id). */
  correlate(payload: unknown): { readonly attemptId?: string; readonly providerMessageId?: string };
}

export interface RunnerOptions {
  readonly store: Store;
  readonly clock: SimClock;
  readonly providers: Readonly<Record<ProviderName, ProviderPort>>;
  readonly webhooks: Partial<Record<ProviderName, WebhookPort>>;
  readonly policy: PolicyPort;
  readonly throttle: ThrottlePort;
  /** The mail for an outbox message (sender, subject, body); the runner adds the attempt id. */
  readonly mailFor: (message: MessageRow) => Omit<OutgoingMail, 'attemptId'>;
  readonly runId: string;
  /** Attempts sent at the same time. */
  readonly concurrency: number;
  /** Lets the providers deliver the events due by now (webhooks); resolves once they were stored. */
  readonly pumpEvents: () => Promise<void>;
  /** How long a provider may stay silent about a message it accepted before the message is held. */
  readonly silenceLimitMs?: number;
  readonly onProgress?: () => void;
  /** Real-time grace before in-flight attempts are looked up after a restart. */
  readonly reconcileGraceMs?: number;
  /** Called after a provider answered and before the outcome is stored (the crash test kills the process here). */
  readonly afterSend?: (attemptId: string) => void;
}

const otherProvider: Record<ProviderName, ProviderName> = { smtp: 'postmark', postmark: 'smtp' };

/** Failures that belong to the provider, not to the recipient, the message or the destination. */
export function isProviderFailure(outcome: DeliveryOutcome): boolean {
  if (outcome.event === 'accepted' || outcome.event === 'delivered' || outcome.event === 'complained')
    return false;
  return outcome.verdict.scope === 'provider' || outcome.origin === 'account';
}

function finalStateFor(
  decision: Extract<RetryDecision, { action: 'give-up' }>,
  verdict: Verdict,
): FinalState {
  if (decision.cause === 'expired' || decision.cause === 'max-attempts') return 'expired';
  return verdict.category === 'suppressed' ? 'suppressed' : 'bounced';
}

function replyText(outcome: DeliveryOutcome): string {
  if (outcome.reply !== undefined) return outcome.reply.raw;
  const detail = outcome.providerDetail;
  const message = typeof detail.message === 'string' ? detail.message : undefined;
  const code = detail.errorCode ?? detail.ErrorCode ?? detail.statusCode ?? detail.code;
  const parts = [code !== undefined ? String(code) : undefined, message ?? outcome.verdict.summary].filter(
    (part) => part !== undefined,
  );
  return parts.join(' ');
}

/** How long to wait before asking a message search again after it failed (simulated ms). */
const searchRetryMs = 5 * 60_000;

/** Earlier verdicts kept per message for `decideRetry` (it reads the last real cause from them). */
const historyLimit = 20;

/** A verdict without its parsed reply (the attempt row keeps the reply text): small enough to keep per message. */
function compactVerdict(verdict: Verdict): Verdict {
  const { reply: _reply, ...rest } = verdict;
  return rest;
}

export class OutboxRunner {
  private readonly options: RunnerOptions;
  private readonly downUntil: Partial<Record<ProviderName, number>> = {};

  constructor(options: RunnerOptions) {
    this.options = options;
    const saved = options.store.getMeta('providerDownUntil');
    if (saved !== undefined) Object.assign(this.downUntil, JSON.parse(saved) as Record<string, number>);
  }

  private get store(): Store {
    return this.options.store;
  }

  private now(): number {
    return this.options.clock.now();
  }

  /** Runs until every message is in a final state. */
  async run(): Promise<void> {
    await this.recover();
    for (;;) {
      await this.resolveInDoubt();
      this.applyWebhooks();
      const now = this.now();
      const due = this.store.due(now, this.options.concurrency * 4);
      if (due.length > 0) {
        await this.dispatch(due);
        this.options.onProgress?.();
        continue;
      }
      if (this.store.countLive() === 0) break;
      const awaiting = this.store.countByState().accepted ?? 0;
      if (awaiting > 0) {
        // Nothing to send now: let the providers report what is due by now (webhooks), then apply it.
        await this.options.pumpEvents();
        if (this.store.pendingWebhooks().length > 0) continue;
        this.holdSilent(now);
      }
      const next = this.store.nextDueAt();
      let at = next ?? Number.POSITIVE_INFINITY;
      // Webhooks come on the providers' clock, which is ours: step a minute at a time while we wait.
      if ((this.store.countByState().accepted ?? 0) > 0) at = Math.min(at, now + 60_000);
      if (!Number.isFinite(at)) throw new Error('runner: messages are live but nothing is due or awaited');
      await this.advance(at);
      this.options.onProgress?.();
    }
    this.options.onProgress?.();
  }

  /**
   * A provider that took a message but never reported on it (its webhooks were dropped) would keep
   * the message waiting forever: after `silenceLimitMs` it is held for a human to check.
   */
  private holdSilent(now: number): void {
    const limit = this.options.silenceLimitMs ?? 6 * 60 * 60_000;
    const rows = this.store.db
      .prepare(
        `SELECT m.id AS id, a.id AS attempt FROM messages m JOIN attempts a ON a.id = m.current_attempt
         WHERE m.state = 'accepted' AND a.started_at < ?`,
      )
      .all(now - limit) as Array<{ id: string; attempt: string }>;
    for (const row of rows) {
      this.store.transaction(() => {
        this.store.updateAttempt(row.attempt, {
          state: 'done',
          endedAt: now,
          decision: 'no report from the provider',
        });
        this.store.updateMessage(row.id, {
          state: 'held',
          finalAt: now,
          category: 'unknown',
          reason: 'The provider accepted the message but sent no delivery report.',
          fix: `Look the attempt ${row.attempt} up in the provider's activity log.`,
          currentAttempt: null,
        });
      });
    }
  }

  private async advance(at: number): Promise<void> {
    // Whole milliseconds: the throttle paces in fractions of one (1/3 s apart), and a resumed run
    // starts its clock from the stored time, which must be epoch milliseconds.
    const target = Math.ceil(Math.max(at, this.now()));
    // Stored first: after a crash we resume at this time and tell the fakes again at start-up, so
    // their clock never runs behind ours.
    this.store.setMeta('now', String(target));
    await this.options.clock.advanceTo(target);
  }

  /** Resolves attempts that were in flight when the previous process died (see the comment at the top). */
  async recover(): Promise<void> {
    const inFlight = this.store.attemptsInState('in-flight');
    if (inFlight.length === 0) return;
    const grace = this.options.reconcileGraceMs ?? 500;
    if (grace > 0) await new Promise((resolve) => setTimeout(resolve, grace));
    for (const attempt of inFlight) {
      const provider = this.options.providers[attempt.provider];
      const found = await provider.lookup(attempt.id);
      const now = this.now();
      this.store.transaction(() => {
        const message = this.store.message(attempt.messageId);
        if (message === undefined) return;
        if (found === 'accepted') {
          // The provider has it: SMTP acceptance by the MX is delivery; Postmark reports later by
          // webhook, our relay by email.
          const delivered = provider.acceptedIsDelivery(message.recipient);
          this.store.updateAttempt(attempt.id, {
            state: 'reconciled-accepted',
            recovered: 1,
            endedAt: now,
            event: delivered ? 'delivered' : 'accepted',
            ...(delivered
              ? { category: 'delivered', reply: 'accepted (found in the provider log after a restart)' }
              : {}),
          });
          this.store.updateMessage(
            message.id,
            delivered
              ? { state: 'delivered', finalAt: now, category: 'delivered', currentAttempt: null }
              : { state: 'accepted' },
          );
        } else if (found === 'absent') {
          this.store.updateAttempt(attempt.id, {
            state: 'reconciled-absent',
            recovered: 1,
            endedAt: now,
            decision: 'not accepted by the provider; sent again',
          });
          this.store.updateMessage(message.id, { state: 'queued', dueAt: now, currentAttempt: null });
        } else {
          this.store.updateAttempt(attempt.id, {
            state: 'done',
            recovered: 1,
            endedAt: now,
            decision: 'delivery unknown',
          });
          this.store.updateMessage(message.id, {
            state: 'held',
            finalAt: now,
            category: 'unknown',
            reason:
              'The process stopped during an attempt and the provider cannot say whether it accepted the message.',
            fix: `Check the provider's log for Message-ID ${attempt.id} before sending again.`,
            currentAttempt: null,
          });
        }
      });
    }
  }

  private async dispatch(due: readonly MessageRow[]): Promise<void> {
    const ready: Array<{ message: MessageRow; attemptId: string }> = [];
    for (const message of due) {
      if (ready.length >= this.options.concurrency) break;
      const attemptId = this.prepare(message);
      if (attemptId !== undefined)
        ready.push({ message: this.store.message(message.id) as MessageRow, attemptId });
    }
    await Promise.all(ready.map(({ message, attemptId }) => this.attempt(message, attemptId)));
  }

  /**
   * Everything decided before a provider is called: the suppression list, provider health (failover)
   * and the destination throttle. Returns the attempt id when the message should be sent now.
   */
  private prepare(message: MessageRow): string | undefined {
    const { store, throttle } = this.options;
    const now = this.now();
    const suppressed = store.suppression(message.recipient);
    if (suppressed !== undefined) {
      // Refused before it reaches any provider: the address is on our suppression list.
      store.updateMessage(message.id, {
        state: 'suppressed',
        finalAt: now,
        category: 'suppressed',
        reason: `Not sent: ${message.recipient} is on the suppression list (${suppressed.category}, since message ${suppressed.messageId ?? '?'}).`,
      });
      return undefined;
    }
    let provider = message.provider;
    const change: MessageChange = {};
    if ((this.downUntil[provider] ?? 0) > now && (this.downUntil[otherProvider[provider]] ?? 0) <= now) {
      // The provider is known to be down for the whole account: do not even try it.
      provider = otherProvider[provider];
      Object.assign(change, { provider, failedOver: message.failedOver + 1 });
    }
    const answer = throttle.acquire(provider, message.recipient, now);
    if (!answer.ok) {
      store.transaction(() => {
        store.updateMessage(message.id, { ...change, dueAt: Math.max(answer.at, now + 1) });
      });
      return undefined;
    }
    const number = message.attempts + 1;
    const attemptId = `${message.id}.${number}.${this.options.runId}@retry-demo.mailverdict.test`;
    // "Before": the attempt exists and the message is marked in flight, in one transaction.
    store.transaction(() => {
      store.insertAttempt({ id: attemptId, messageId: message.id, number, provider, startedAt: now });
      store.updateMessage(message.id, {
        ...change,
        state: 'sending',
        attempts: number,
        firstAttemptAt: message.firstAttemptAt ?? now,
        currentAttempt: attemptId,
      });
      store.setMeta('throttle', throttle.save());
    });
    return attemptId;
  }

  private async attempt(message: MessageRow, attemptId: string): Promise<void> {
    const provider = this.options.providers[message.provider];
    const outcomes = await provider.send({ ...this.options.mailFor(message), attemptId });
    this.options.afterSend?.(attemptId);
    const outcome =
      outcomes.find((candidate) => candidate.recipient?.toLowerCase() === message.recipient.toLowerCase()) ??
      outcomes[0];
    if (outcome === undefined) throw new Error(`${message.provider}: no outcome for ${message.recipient}`);
    if (isInDoubt(outcome)) this.markInDoubt(message, attemptId, outcome);
    else this.apply(message.id, attemptId, outcome);
  }

  /**
   * A lost reply (see the comment at the top): stored as in doubt, never sent again as it is. With a
   * message search the message waits in `in-doubt` for `resolveInDoubt`; without one it is held now.
   */
  private markInDoubt(message: MessageRow, attemptId: string, outcome: DeliveryOutcome): void {
    const { store, throttle } = this.options;
    const now = this.now();
    const reply = replyText(outcome);
    const searchable = this.options.providers[message.provider].search !== undefined;
    store.transaction(() => {
      // The attempt is over for the throttle (its slot is free), whatever the provider did with it.
      throttle.feedback(message.provider, message.recipient, outcome, now);
      store.updateAttempt(attemptId, {
        state: 'done',
        endedAt: now,
        event: outcome.event,
        category: outcome.verdict.category,
        reply,
        verdict: JSON.stringify(outcome.verdict),
        inDoubt: searchable ? 'pending' : 'held',
        decision: searchable
          ? "reply lost: asking the provider's message search"
          : 'reply lost after the message was sent: held for a person',
      });
      store.updateMessage(
        message.id,
        searchable
          ? { state: 'in-doubt', dueAt: now, reply }
          : {
              state: 'held',
              finalAt: now,
              category: 'unknown',
              reply,
              reason: `The connection was lost after the message was sent (${reply}): the server may have accepted it, and direct SMTP has no way to ask.`,
              fix: `Ask the recipient or the receiving server's postmaster whether Message-ID <${attemptId}> arrived; send again only if it did not.`,
              currentAttempt: null,
            },
      );
      store.setMeta('throttle', throttle.save());
    });
  }

  /**
   * Asks the provider's message search about each in-doubt message that is due. The demo asks at
   * once: the fake indexes a message when it stores it. Real Postmark indexes a little later, so a
   * production outbox would set `due_at` a few minutes after the attempt before trusting "absent".
   */
  private async resolveInDoubt(): Promise<void> {
    for (const message of this.store.due(this.now(), this.options.concurrency * 4, 'in-doubt')) {
      const attemptId = message.currentAttempt as string;
      const search = this.options.providers[message.provider].search;
      let answer: 'found' | 'absent' | 'failed' | 'none' = 'none';
      if (search !== undefined) {
        try {
          answer = (await search(attemptId, message.recipient)) ? 'found' : 'absent';
        } catch {
          answer = 'failed';
        }
      }
      const now = this.now();
      this.store.transaction(() => {
        if (answer === 'failed') {
          this.store.updateMessage(message.id, { dueAt: now + searchRetryMs });
        } else if (answer === 'found') {
          this.acceptFound(message, attemptId, "found by the provider's message search: not sent again");
        } else if (answer === 'absent') {
          this.store.updateAttempt(attemptId, {
            inDoubt: 'absent',
            decision: 'not at the provider: sent again',
          });
          this.store.updateMessage(message.id, { state: 'queued', dueAt: now, currentAttempt: null });
        } else {
          this.store.updateAttempt(attemptId, { inDoubt: 'held' });
          this.store.updateMessage(message.id, {
            state: 'held',
            finalAt: now,
            category: 'unknown',
            reason: 'The reply was lost and the provider has no message search.',
            fix: `Check the provider's log for Message-ID <${attemptId}> before sending again.`,
            currentAttempt: null,
          });
        }
      });
    }
  }

  /** An in-doubt attempt the provider has: accepted, and waits for its report like any other. */
  private acceptFound(message: MessageRow, attemptId: string, decision: string): void {
    this.store.updateAttempt(attemptId, {
      state: 'accepted',
      event: 'accepted',
      category: null,
      inDoubt: 'found',
      decision,
    });
    this.store.updateMessage(message.id, { state: 'accepted' });
  }

  private applyWebhooks(): void {
    for (const event of this.store.pendingWebhooks()) {
      const payload = JSON.parse(event.payload) as { provider: ProviderName; body: unknown };
      const port = this.options.webhooks[payload.provider];
      this.store.transaction(() => {
        this.store.markWebhookApplied(event.id);
        if (port === undefined) return;
        const { attemptId, providerMessageId } = port.correlate(payload.body);
        let message =
          attemptId !== undefined
            ? this.store.message(this.store.attempt(attemptId)?.messageId ?? '')
            : providerMessageId !== undefined
              ? this.store.messageByProviderId(providerMessageId)
              : undefined;
        if (message === undefined) return;
        if (message.state === 'in-doubt' && attemptId !== undefined && message.currentAttempt === attemptId) {
          // A report about the in-doubt attempt (its search failed so far) proves the provider has it.
          this.acceptFound(message, attemptId, 'reported by the provider: not sent again');
          message = this.store.message(message.id) as MessageRow;
        }
        const waiting =
          message.state === 'accepted' && (attemptId === undefined || message.currentAttempt === attemptId);
        if (!waiting) {
          // Only the attempt we are waiting for changes the message; an event about an older attempt
          // is kept, not applied — except a spam complaint, which arrives after delivery by nature.
          for (const outcome of port.convert(payload.body)) {
            if (outcome.event !== 'complained' || !outcome.verdict.suppressRecipient) continue;
            const now = this.now();
            this.store.suppress({
              address: message.recipient,
              category: outcome.verdict.category,
              reason: outcome.verdict.summary,
              at: now,
              messageId: message.id,
            });
          }
          return;
        }
        for (const outcome of port.convert(payload.body)) {
          this.apply(message.id, message.currentAttempt as string, outcome, 'webhook');
        }
      });
    }
  }

  /**
   * "After": one outcome and all its consequences, in one transaction. `from` says whether the outcome
   * ends the attempt just made (`send`) or arrives later about an attempt already over (`webhook`).
   */
  apply(
    messageId: string,
    attemptId: string,
    outcome: DeliveryOutcome,
    from: 'send' | 'webhook' = 'send',
  ): void {
    const { store, throttle, policy } = this.options;
    const now = this.now();
    store.transaction(() => {
      const message = store.message(messageId);
      if (message === undefined) throw new Error(`no message ${messageId}`);
      const verdict = outcome.verdict;
      const reply = replyText(outcome);
      throttle.feedback(message.provider, message.recipient, outcome, now, from === 'webhook');
      if (
        outcome.event === 'accepted' &&
        !this.options.providers[message.provider].acceptedIsDelivery(message.recipient)
      ) {
        // The provider took it and will report delivery or a bounce later (webhook, or a DSN by email).
        store.updateAttempt(attemptId, {
          state: 'accepted',
          event: outcome.event,
          category: null,
          reply,
          verdict: JSON.stringify(verdict),
        });
        store.updateMessage(messageId, { state: 'accepted', providerMessageId: outcome.messageId ?? null });
        store.setMeta('throttle', throttle.save());
        return;
      }
      const history = JSON.parse(message.history) as Verdict[];
      const change: MessageChange = {
        category: verdict.category,
        reply,
        history: JSON.stringify([...history, compactVerdict(verdict)].slice(-historyLimit)),
        currentAttempt: null,
      };
      let decisionText: string;
      // A complaint (the message was delivered) asks us to stop mailing the address.
      let suppress = outcome.event === 'complained' && verdict.suppressRecipient;
      if (outcome.event === 'accepted' || outcome.event === 'delivered' || outcome.event === 'complained') {
        Object.assign(change, { state: 'delivered', finalAt: now, reason: verdict.summary });
        decisionText = 'delivered';
      } else if (
        isProviderFailure(outcome) &&
        (this.downUntil[otherProvider[message.provider]] ?? 0) <= now
      ) {
        // Failover: the provider, not the recipient, failed. Keep it out of rotation for as long as
        // the retry policy would have waited, and send through the other provider now.
        const decision = policy.decide(outcome, { attempt: 1, firstAttemptAt: now, now, previous: [] });
        const until = decision.action === 'retry' ? decision.at : now + 15 * 60_000;
        this.downUntil[message.provider] = Math.max(this.downUntil[message.provider] ?? 0, until);
        store.setMeta('providerDownUntil', JSON.stringify(this.downUntil));
        const to = otherProvider[message.provider];
        Object.assign(change, {
          state: 'queued',
          dueAt: now,
          provider: to,
          failedOver: message.failedOver + 1,
        });
        decisionText = `The provider failed, not the recipient: failed over to ${to}.`;
      } else {
        const decision = policy.decide(outcome, {
          attempt: message.attempts,
          firstAttemptAt: message.firstAttemptAt ?? now,
          now,
          previous: history,
        });
        decisionText = decision.reason;
        switch (decision.action) {
          case 'retry':
            Object.assign(change, { state: 'queued', dueAt: Math.max(decision.at, now + 1), deferred: 1 });
            break;
          case 'retry-now':
            Object.assign(change, { state: 'queued', dueAt: now, deferred: 1 });
            break;
          case 'give-up':
            // decideRetry suppresses only a recipient's own permanent failure, never a sender-side one.
            suppress = decision.suppressRecipient;
            Object.assign(change, {
              state: finalStateFor(decision, verdict),
              finalAt: now,
              reason: decision.reason,
            });
            break;
          case 'hold':
            Object.assign(change, {
              state: 'held',
              finalAt: now,
              reason: decision.reason,
              fix: decision.fix,
            });
            break;
        }
      }
      // A full or disabled mailbox is a soft failure: one says little, the same answer at sends a
      // week apart means nobody reads the mailbox (decideSuppression; never sender-side failures).
      let reason = verdict.summary;
      if (!suppress && verdict.scope === 'recipient' && !verdict.suppressRecipient) {
        const earlier = store
          .recipientOutcomes(message.recipient)
          .map((row) => ({ at: row.at, verdict: JSON.parse(row.verdict) as Verdict }));
        const escalation = decideSuppression([...earlier, { at: now, verdict }]);
        if (escalation.suppress) {
          suppress = true;
          reason = `${escalation.softFailures} soft bounces (${verdict.category}) over ${Math.round(escalation.spanMs / 86_400_000)} days since the last delivery.`;
        }
      }
      if (suppress) {
        store.suppress({
          address: message.recipient,
          category: verdict.category,
          reason,
          at: now,
          messageId,
        });
      }
      store.updateAttempt(attemptId, {
        state: 'done',
        endedAt: now,
        event: outcome.event,
        category: verdict.category,
        reply,
        decision: decisionText,
        verdict: JSON.stringify(verdict),
      });
      store.updateMessage(messageId, change);
      store.setMeta('throttle', throttle.save());
    });
  }
}

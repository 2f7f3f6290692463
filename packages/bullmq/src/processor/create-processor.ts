import {
  type DeliveryOutcome,
  decideRetry,
  destinationOf,
  type RetryPolicy,
  type RetryPolicyOptions,
} from '@mailverdict/core';
import { DelayedError, type Job, UnrecoverableError } from 'bullmq';
import { isInDoubt, type LookupAnswer } from '../in-doubt/in-doubt';
import type { SharedThrottle, ThrottleLease } from '../throttle/shared-throttle';
import type { AttemptMark, MailJobData, MailJobProgress, MailJobResult, RecipientProgress } from './mail-job';

/** One attempt the application makes. */
export interface SendRequest<Message> {
  readonly job: Job<MailJobData<Message>>;
  readonly message: Message;
  /** Only the recipients due now: a job that partly succeeded retries only the failed ones. */
  readonly recipients: readonly string[];
  /** Unique per attempt: send it as the Message-ID, idempotency key or metadata, so a lookup can find it. */
  readonly attemptKey: string;
  readonly route: string;
}

/** A lookup for an attempt whose result was never seen. */
export interface LookupRequest<Message> {
  readonly job: Job<MailJobData<Message>>;
  readonly message: Message;
  readonly recipient: string;
  readonly attemptKey: string;
  readonly route: string;
}

export interface MailProcessorOptions<Message> {
  /** Makes one attempt; one outcome per recipient (an outcome without `recipient` counts for all). */
  readonly send: (request: SendRequest<Message>) => Promise<readonly DeliveryOutcome[]>;
  /** Asks the provider about an in-doubt attempt. Absent: every in-doubt attempt is held for a human. */
  readonly lookup?: (request: LookupRequest<Message>) => Promise<LookupAnswer>;
  /** Core's retry policy (or its options). */
  readonly policy?: RetryPolicy | RetryPolicyOptions;
  /** The shared per-destination throttle; absent: no throttling. */
  readonly throttle?: SharedThrottle;
  /**
   * How long after an attempt started a lookup may trust "absent": a killed worker's last bytes can
   * still reach the provider a moment later. Default 2,000 ms.
   */
  readonly inDoubtGraceMs?: number;
  /** A held job wakes after this long, finds itself still held and sleeps again. Default 30 days. */
  readonly holdWakeMs?: number;
  /**
   * The clock for decisions, marks and the throttle (epoch ms); default `Date.now`. With a clock of
   * its own, the throttle is given this time instead of reading the Redis server's.
   */
  readonly now?: () => number;
  /**
   * Simulations only: how many times faster `now` runs than real time. Delays handed to BullMQ (which
   * always waits in real time) are divided by it. Default 1.
   */
  readonly timeScale?: number;
}

/** Retry-now decisions answered in one run before the job goes back to the queue. */
const maxRoundsPerRun = 8;

function checkData(data: unknown): asserts data is MailJobData {
  if (typeof data !== 'object' || data === null)
    throw new UnrecoverableError('mailverdict: job data must be an object');
  const { recipients } = data as MailJobData;
  if (
    !Array.isArray(recipients) ||
    recipients.length === 0 ||
    !recipients.every((r) => typeof r === 'string' && r.includes('@'))
  ) {
    throw new UnrecoverableError('mailverdict: job data `recipients` must be a non-empty array of addresses');
  }
}

function startProgress(recipients: readonly string[], now: number): MailJobProgress {
  const unique = [...new Set(recipients)];
  return {
    version: 1,
    firstAttemptAt: now,
    attemptsStarted: 0,
    recipients: unique.map((address) => ({
      address,
      status: 'pending',
      attempts: 0,
      nextAt: 0,
      categories: [],
    })),
  };
}

/**
 * A BullMQ processor that runs `send` and maps core's `decideRetry` onto BullMQ: retry later →
 * `moveToDelayed` + `DelayedError` (no BullMQ attempt used; our per-recipient count drives the
 * schedule); give up → `UnrecoverableError`, the decision kept on the job; hold → a long delay with
 * `held` set, listed by `listHeld` and released by `releaseHeld`; retry now → another round in this run.
 */
export function createMailProcessor<Message>(
  options: MailProcessorOptions<Message>,
): (job: Job<MailJobData<Message>>, token?: string) => Promise<MailJobResult> {
  if (typeof options?.send !== 'function')
    throw new TypeError('createMailProcessor: `send` must be a function');
  const grace = options.inDoubtGraceMs ?? 2000;
  const holdWake = options.holdWakeMs ?? 30 * 86_400_000;
  const clock = options.now ?? Date.now;
  const throttle = options.throttle;
  const scale = options.timeScale ?? 1;
  if (typeof scale !== 'number' || !Number.isFinite(scale) || scale <= 0) {
    throw new TypeError('createMailProcessor: `timeScale` must be a finite number > 0');
  }
  const throttleClock = options.now === undefined ? () => undefined : clock;

  /** Sleeps the job until `at` (on `clock`) inside BullMQ — the delay survives restarts — without using an attempt. */
  async function delayUntil(job: Job, token: string | undefined, at: number): Promise<never> {
    await job.moveToDelayed(Math.ceil(Date.now() + Math.max(0, at - clock()) / scale), token);
    throw new DelayedError();
  }

  return async (job, token) => {
    checkData(job.data);
    const data = job.data;
    const route = data.route ?? 'default';
    const progress: MailJobProgress = data.mailverdict ?? startProgress(data.recipients, clock());
    const save = () => job.updateData({ ...data, mailverdict: progress });

    // Still held: a human has not released it yet.
    if (progress.held !== undefined) return delayUntil(job, token, clock() + holdWake);

    // A run that died (worker killed, lock lost) left its attempt mark: that attempt is in doubt.
    if (progress.attempt !== undefined) {
      const mark = progress.attempt;
      if (clock() < mark.startedAt + grace) return delayUntil(job, token, mark.startedAt + grace);
      if (!(await resolveInDoubt(mark.recipients, mark.key, 'the worker stopped during the attempt'))) {
        return delayUntil(job, token, clock() + grace);
      }
      progress.attempt = undefined;
      await save();
    }

    for (let round = 0; round < maxRoundsPerRun; round++) {
      const now = clock();
      const due = progress.recipients.filter((r) => r.status === 'pending' && r.nextAt <= now);
      if (due.length === 0) break;
      const { go, leases } = await admit(due, now);
      if (go.length === 0) break;
      progress.attemptsStarted += 1;
      const mark: AttemptMark = {
        key: `${job.id}.${progress.attemptsStarted}`,
        recipients: go.map((r) => r.address),
        startedAt: clock(),
      };
      for (const r of go) {
        r.attempts += 1;
        r.lastAttemptAt = mark.startedAt;
      }
      progress.attempt = mark;
      // Written before the first byte goes out: a crash from here on leaves an in-doubt attempt, never a silent resend.
      await save();
      let outcomes: readonly DeliveryOutcome[] | undefined;
      try {
        outcomes = await options.send({
          job,
          message: data.message,
          recipients: mark.recipients,
          attemptKey: mark.key,
          route,
        });
      } catch {
        // Whatever the send reached before it threw is unknown: the attempt is in doubt.
        outcomes = undefined;
      }
      if (!(await record(go, leases, mark, outcomes))) {
        // The provider could not be asked now: the mark stays, the next run asks again.
        await save();
        return delayUntil(job, token, clock() + grace);
      }
      progress.attempt = undefined;
      await save();
    }
    return finish();

    // Asks the throttle for each due recipient; those not allowed wait for their time (not an attempt).
    async function admit(due: RecipientProgress[], now: number) {
      const go: RecipientProgress[] = [];
      const leases = new Map<string, ThrottleLease>();
      for (const r of due) {
        if (throttle === undefined) {
          go.push(r);
          continue;
        }
        const at = throttleClock();
        const answer = await throttle.acquire(r.address, route, {
          recipient: r.address,
          ...(at === undefined ? {} : { now: at }),
        });
        if (answer.allowed) {
          go.push(r);
          leases.set(r.address, answer.lease);
        } else r.nextAt = Math.max(answer.retryAt, now + 1);
      }
      return { go, leases };
    }

    async function record(
      go: RecipientProgress[],
      leases: Map<string, ThrottleLease>,
      mark: AttemptMark,
      outcomes: readonly DeliveryOutcome[] | undefined,
    ) {
      const doubtful: string[] = [];
      for (const r of go) {
        const lease = leases.get(r.address);
        const outcome =
          outcomes?.find((o) => o.recipient?.toLowerCase() === r.address.toLowerCase()) ??
          outcomes?.find((o) => o.recipient === undefined);
        if (outcome === undefined || isInDoubt(outcome)) {
          // No answer for this recipient: the provider may have it. Its lease ends after the grace below.
          doubtful.push(r.address);
          continue;
        }
        if (throttle !== undefined && lease !== undefined)
          await throttle.feedback(lease, outcome, throttleClock());
        if (
          outcome.event === 'accepted' ||
          outcome.event === 'delivered' ||
          outcome.verdict.permanence === 'success'
        ) {
          r.status = 'delivered';
          r.deliveredBy = 'outcome';
          continue;
        }
        const now = clock();
        const decision = decideRetry(
          outcome,
          {
            attempt: r.attempts,
            firstAttemptAt: progress.firstAttemptAt,
            now,
            destination: destinationOf(r.address),
          },
          options.policy,
        );
        r.decision = decision;
        r.categories.push(outcome.verdict.category);
        if (decision.action === 'retry') r.nextAt = decision.at;
        else if (decision.action === 'retry-now') r.nextAt = now;
        else if (decision.action === 'give-up') r.status = 'failed';
        else r.status = 'held';
      }
      if (doubtful.length > 0) {
        const wait = mark.startedAt + grace - clock();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait / scale));
        // By now the provider has stored the message or never will: the attempt counts as sent, teaching nothing.
        for (const address of doubtful) {
          const lease = leases.get(address);
          if (throttle !== undefined && lease !== undefined) await throttle.sent(lease, throttleClock());
        }
        const resolved = await resolveInDoubt(doubtful, mark.key, 'no reply was seen for the attempt');
        // Only the unanswered recipients stay in doubt; the others' results are recorded above.
        if (!resolved) progress.attempt = { ...mark, recipients: doubtful };
        return resolved;
      }
      return true;
    }

    /** False when a lookup failed (the provider could not answer now): ask again on the next run. */
    async function resolveInDoubt(
      addresses: readonly string[],
      attemptKey: string,
      reason: string,
    ): Promise<boolean> {
      for (const address of addresses) {
        const r = progress.recipients.find((p) => p.address === address);
        if (r === undefined || r.status !== 'pending') continue;
        let answer: LookupAnswer = 'unknown';
        if (options.lookup !== undefined) {
          try {
            answer = await options.lookup({
              job,
              message: data.message,
              recipient: address,
              attemptKey,
              route,
            });
          } catch {
            return false;
          }
        }
        if (answer === 'delivered') {
          r.status = 'delivered';
          r.deliveredBy = 'lookup';
        } else if (answer === 'absent') {
          r.nextAt = 0;
        } else {
          r.status = 'held';
          r.inDoubt = {
            attemptKey,
            reason: `${reason}; the provider may have the message and cannot be asked`,
          };
        }
      }
      return true;
    }

    async function finish(): Promise<MailJobResult> {
      const pending = progress.recipients.filter((r) => r.status === 'pending');
      if (pending.length > 0) {
        await save();
        return delayUntil(job, token, Math.max(clock(), Math.min(...pending.map((r) => r.nextAt))));
      }
      const held = progress.recipients.filter((r) => r.status === 'held');
      if (held.length > 0) {
        const reason = held
          .map((r) => `${r.address}: ${r.inDoubt?.reason ?? r.decision?.reason ?? 'held'}`)
          .join('; ');
        progress.held = { at: clock(), reason };
        await save();
        return delayUntil(job, token, clock() + holdWake);
      }
      const delivered = progress.recipients.filter((r) => r.status === 'delivered').map((r) => r.address);
      const failed = progress.recipients.filter((r) => r.status === 'failed');
      await save();
      if (failed.length > 0) {
        // The decisions (cause, category, reason) stay on the job's data; the message names them too.
        throw new UnrecoverableError(
          `mailverdict: gave up on ${failed.map((r) => `${r.address} (${r.decision?.reason ?? 'failed'})`).join('; ')}`,
        );
      }
      return { delivered, failed: [] };
    }
  };
}

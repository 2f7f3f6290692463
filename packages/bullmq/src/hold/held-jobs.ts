import type { Job, Queue } from 'bullmq';
import type { MailJobData, RecipientProgress } from '../processor/mail-job';

/** A held job as a human sees it: why, and which recipients wait for them. */
export interface HeldJob {
  readonly id: string;
  readonly heldAt: number;
  readonly reason: string;
  readonly recipients: readonly RecipientProgress[];
}

const page = 500;

/**
 * Jobs held for a human (a `hold` decision, or an in-doubt attempt nobody could look up), oldest
 * first. They wait in BullMQ's delayed set with `held` set on their data; at most `limit` (default
 * 1,000) are read, `page` jobs per round-trip.
 */
export async function listHeld(queue: Queue, limit = 1000): Promise<HeldJob[]> {
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError('listHeld: `limit` must be an integer ≥ 1');
  const held: HeldJob[] = [];
  for (let start = 0; held.length < limit; start += page) {
    const jobs: Job<MailJobData>[] = await queue.getDelayed(start, start + page - 1);
    for (const job of jobs) {
      const progress = job.data?.mailverdict;
      if (progress?.held === undefined || job.id === undefined) continue;
      held.push({
        id: job.id,
        heldAt: progress.held.at,
        reason: progress.held.reason,
        recipients: progress.recipients.filter((r) => r.status === 'held'),
      });
      if (held.length >= limit) break;
    }
    if (jobs.length < page) break;
  }
  return held.sort((a, b) => a.heldAt - b.heldAt);
}

/** What a human decided for a held job. */
export interface ReleaseOptions {
  /**
   * `retry` (default): the cause is fixed, try the held recipients again now. `delivered`: the
   * provider or recipient confirmed an in-doubt message arrived. `give-up`: fail them for good.
   */
  readonly as?: 'retry' | 'delivered' | 'give-up';
}

/**
 * Releases a held job: its held recipients become pending (or delivered, or failed) and the job runs
 * now. Returns false when the job does not exist or is not held.
 */
export async function releaseHeld(queue: Queue, id: string, options: ReleaseOptions = {}): Promise<boolean> {
  const as = options.as ?? 'retry';
  if (as !== 'retry' && as !== 'delivered' && as !== 'give-up') {
    throw new TypeError('releaseHeld: `as` must be retry, delivered or give-up');
  }
  const job: Job<MailJobData> | undefined = await queue.getJob(id);
  const progress = job?.data?.mailverdict;
  if (job === undefined || progress?.held === undefined) return false;
  for (const r of progress.recipients) {
    if (r.status !== 'held') continue;
    r.inDoubt = undefined;
    if (as === 'retry') {
      r.status = 'pending';
      r.nextAt = 0;
    } else r.status = as === 'delivered' ? 'delivered' : 'failed';
  }
  progress.held = undefined;
  await job.updateData({ ...job.data, mailverdict: progress });
  if ((await job.getState()) === 'delayed') await job.promote();
  return true;
}

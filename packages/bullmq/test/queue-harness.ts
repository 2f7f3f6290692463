import { type Job, Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { createMailProcessor, type MailJobData, type MailProcessorOptions } from '../src/index';

let counter = 0;

/** A queue and one worker on a name no other test run uses. */
export async function startQueue<Message>(url: string, options: MailProcessorOptions<Message>) {
  const name = `mv-test-${process.pid}-${Date.now().toString(36)}-${++counter}`;
  const connection = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue<MailJobData<Message>>(name, { connection });
  const workerConnection = new Redis(url, { maxRetriesPerRequest: null });
  const worker = new Worker<MailJobData<Message>>(name, createMailProcessor(options), {
    connection: workerConnection,
    concurrency: 4,
  });
  return {
    name,
    queue,
    connection,
    worker,
    /** Polls until the job is completed, failed, or held; bounded by `timeoutMs`. */
    async settle(id: string, timeoutMs = 10_000): Promise<{ state: string; job: Job<MailJobData<Message>> }> {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        // The state first: a job read before it finished would lack what finishing wrote.
        const state = await queue.getJobState(id);
        const job = (await queue.getJob(id)) as Job<MailJobData<Message>>;
        if (state === 'completed' || state === 'failed') return { state, job };
        if (state === 'delayed' && job.data.mailverdict?.held !== undefined) return { state: 'held', job };
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`job ${id} did not settle within ${timeoutMs} ms`);
    },
    async close() {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      // Connections passed in stay open after close(): they are ours to end.
      connection.disconnect();
      workerConnection.disconnect();
    },
  };
}

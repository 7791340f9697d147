import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { DomainError } from '../errors.ts';
import { RETRY, isRetryable, type JobHandlers, type JobName, type JobPayloads, type JobQueue } from './queue.ts';

export const QUEUE_NAME = 'openpanel-jobs';
const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * Jobs on Redis with BullMQ: retries with exponential backoff, several workers (in this process
 * and others sharing the Redis), and nothing lost when a worker dies mid-job (stalled jobs are
 * picked up again; the deploy handler itself is idempotent).
 */
export class BullJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  readonly #producer: Redis;
  readonly #queue: Queue;
  #workers: Worker[] = [];
  #workerConnections: Redis[] = [];

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly opts: { concurrency?: number; workers?: number; prefix?: string } = {},
  ) {
    // Commands wait offline for a reconnect, but a request waits at most ENQUEUE_TIMEOUT_MS (below);
    // a job added while Redis was away still lands when it is back (the job id keeps it single).
    this.#producer = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false });
    this.#producer.on('error', () => {});
    this.#queue = new Queue(QUEUE_NAME, { connection: this.#producer, prefix: opts.prefix });
    this.#queue.on('error', () => {});
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: { jobId: string }): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      // BullMQ waits for a connection indefinitely; a request should not.
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
      });
      await Promise.race([
        this.#queue.add(name, payload, {
          jobId: opts.jobId,
          attempts: RETRY.attempts,
          backoff: { type: 'exponential', delay: RETRY.baseDelayMs },
          removeOnComplete: 1000,
          removeOnFail: 5000,
        }),
        timeout,
      ]);
    } catch (err) {
      throw new DomainError(
        'unavailable',
        `Redis is not reachable, so the job could not be queued (${(err as Error).message}).`,
        'It is kept and queued again when Redis is back.',
      );
    } finally {
      clearTimeout(timer);
    }
  }

  async start(handlers: JobHandlers): Promise<void> {
    const count = this.opts.workers ?? 1;
    for (let i = 0; i < count; i++) {
      // Workers block on Redis: BullMQ requires maxRetriesPerRequest: null on their connections.
      const connection = new Redis(this.url, { maxRetriesPerRequest: null });
      connection.on('error', () => {});
      this.#workerConnections.push(connection);
      const worker = new Worker(
        QUEUE_NAME,
        async (job: Job) => {
          const handler = handlers[job.name as JobName] as (
            p: unknown,
            info: { attempt: number; maxAttempts: number },
          ) => Promise<void>;
          if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
          try {
            await handler(job.data, { attempt: job.attemptsMade + 1, maxAttempts: RETRY.attempts });
          } catch (err) {
            if (isRetryable(err)) throw err;
            throw new UnrecoverableError((err as Error).message);
          }
        },
        { connection, concurrency: this.opts.concurrency ?? 2, prefix: this.opts.prefix },
      );
      worker.on('error', (err) => this.logger.warn({ err: err.message }, 'job worker error'));
      worker.on('failed', (job, err) =>
        this.logger.warn({ job: job?.name, jobId: job?.id, err: err.message }, 'job failed'),
      );
      this.#workers.push(worker);
    }
  }

  async close(): Promise<void> {
    // A worker whose Redis went away can wait forever on its blocking connection: bound it.
    const bounded = (p: Promise<unknown>) =>
      Promise.race([p.catch(() => {}), new Promise((r) => setTimeout(r, 5000).unref())]);
    await bounded(Promise.all(this.#workers.map((w) => w.close())));
    await bounded(this.#queue.close());
    this.#producer.disconnect();
    for (const c of this.#workerConnections) c.disconnect();
  }
}

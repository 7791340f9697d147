import type { Logger } from '../logger.ts';
import {
  RETRY,
  backoffMs,
  isRetryable,
  type JobHandlers,
  type JobName,
  type JobPayloads,
  type JobQueue,
} from './queue.ts';

type Pending = { name: JobName; payload: JobPayloads[JobName]; jobId: string; attempt: number };

/**
 * Runs jobs in this process with the same handlers, concurrency and retry rules as the BullMQ
 * queue, so the embedded default needs no Redis. Jobs live in memory: what was waiting when the
 * process stopped is found again by reconciliation (queued deployments are re-enqueued).
 */
export class InProcessJobQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  #handlers: JobHandlers | null = null;
  #waiting: Pending[] = [];
  #ids = new Set<string>();
  #running = 0;
  #timers = new Set<NodeJS.Timeout>();
  #closed = false;
  #idle: (() => void)[] = [];

  constructor(
    private readonly logger: Logger,
    private readonly concurrency = 2,
  ) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: { jobId: string }): Promise<void> {
    if (this.#closed || this.#ids.has(opts.jobId)) return;
    this.#ids.add(opts.jobId);
    this.#waiting.push({ name, payload, jobId: opts.jobId, attempt: 1 });
    this.#pump();
  }

  async start(handlers: JobHandlers): Promise<void> {
    this.#handlers = handlers;
    this.#pump();
  }

  /** Resolves when nothing is waiting, running or scheduled for retry (for tests and shutdown). */
  async drain(): Promise<void> {
    if (this.#ids.size === 0) return;
    await new Promise<void>((resolve) => this.#idle.push(resolve));
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#waiting = [];
    while (this.#running > 0) await new Promise((r) => setTimeout(r, 20));
  }

  #pump(): void {
    while (this.#handlers && !this.#closed && this.#running < this.concurrency && this.#waiting.length) {
      const job = this.#waiting.shift()!;
      this.#running++;
      void this.#run(job).finally(() => {
        this.#running--;
        this.#pump();
        if (this.#ids.size === 0) for (const resolve of this.#idle.splice(0)) resolve();
      });
    }
  }

  async #run(job: Pending): Promise<void> {
    const handler = this.#handlers![job.name] as (
      p: unknown,
      info: { attempt: number; maxAttempts: number },
    ) => Promise<void>;
    try {
      await handler(job.payload, { attempt: job.attempt, maxAttempts: RETRY.attempts });
      this.#ids.delete(job.jobId);
    } catch (err) {
      if (isRetryable(err) && job.attempt < RETRY.attempts && !this.#closed) {
        const delay = backoffMs(job.attempt);
        this.logger.warn(
          { job: job.name, jobId: job.jobId, attempt: job.attempt, delay, err: (err as Error).message },
          'job failed; retrying',
        );
        const timer = setTimeout(() => {
          this.#timers.delete(timer);
          this.#waiting.push({ ...job, attempt: job.attempt + 1 });
          this.#pump();
        }, delay);
        this.#timers.add(timer);
        return;
      }
      this.#ids.delete(job.jobId);
      this.logger.error(
        { job: job.name, jobId: job.jobId, attempt: job.attempt, err: (err as Error).message },
        'job failed',
      );
    }
  }
}

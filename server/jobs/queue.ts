import { DomainError } from '../errors.ts';

/** Every job the panel runs, with its typed payload. */
export interface JobPayloads {
  deploy: { deploymentId: string };
  /** Rebuild project context (server/knowledge): one app, or the panel scope without appId. */
  index: { appId?: string; reason: string };
  /** A backup (server/backups): a queued run (runId), or a config's scheduled run (configId). */
  backup: { configId?: string; appId?: string; kind?: string; trigger: 'manual' | 'schedule'; runId?: string };
}
export type JobName = keyof JobPayloads;

interface JobInfo {
  attempt: number;
  maxAttempts: number;
}

export type JobHandlers = { [N in JobName]: (payload: JobPayloads[N], info: JobInfo) => Promise<void> };

export interface JobQueue {
  readonly kind: 'in-process' | 'bullmq';
  /** `jobId` makes enqueueing idempotent: a job with the same id waiting or running is not added twice. */
  enqueue<N extends JobName>(name: N, payload: JobPayloads[N], opts: { jobId: string }): Promise<void>;
  start(handlers: JobHandlers): Promise<void>;
  close(): Promise<void>;
}

export const RETRY = { attempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** Only outages are worth retrying (the engine or a network is down); a failed build is final. */
export function isRetryable(err: unknown): boolean {
  return err instanceof DomainError && err.kind === 'unavailable';
}

export function backoffMs(attempt: number): number {
  return Math.min(RETRY.baseDelayMs * 2 ** (attempt - 1), RETRY.maxDelayMs);
}

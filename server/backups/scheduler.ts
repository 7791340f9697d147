import { Cron } from 'croner';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { isNotNull } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { backupConfigs, type BackupConfig } from '../db/schema/backups.ts';
import { QUEUE_NAME } from '../jobs/bullmq.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { failInterruptedRuns } from './run.ts';

/**
 * Turns configurations' cron schedules into `backup` jobs. With Redis: BullMQ job schedulers,
 * one per configuration (id `backup:<config id>`), stored in Redis so any number of panel
 * processes share them and each tick runs once. Without: croner timers in this process, which
 * enqueue on the in-process queue. Configuration changes call syncSchedule/dropSchedule.
 */
export interface BackupScheduler {
  readonly mode: 'in-process' | 'bullmq';
  sync(config: BackupConfig): Promise<void>;
  drop(configId: string): Promise<void>;
  stop(): Promise<void>;
}

const SCHEDULER_PREFIX = 'backup:';
const REDIS_TIMEOUT_MS = 5_000;
// Keyed by the job queue: tools get a copy of the context, but share its queue.
const running = new WeakMap<JobQueue, BackupScheduler>();

export async function syncSchedule(ctx: AppContext, config: BackupConfig): Promise<void> {
  await running.get(ctx.jobs)?.sync(config);
}

export async function dropSchedule(ctx: AppContext, configId: string): Promise<void> {
  await running.get(ctx.jobs)?.drop(configId);
}

/**
 * Starts scheduling every configuration that has a schedule. `prefix` must match the BullMQ
 * queue's (tests isolate themselves with one). Redis trouble is logged, never fatal: the
 * schedulers already in Redis keep firing, and the next change or restart syncs again.
 */
export async function startBackupScheduler(ctx: AppContext, opts: { prefix?: string } = {}): Promise<BackupScheduler> {
  await running.get(ctx.jobs)?.stop();
  const scheduler =
    ctx.jobs.kind === 'bullmq' && ctx.env.REDIS_URL
      ? bullScheduler(ctx, ctx.env.REDIS_URL, opts.prefix)
      : inProcessScheduler(ctx);
  if (scheduler.mode === 'in-process') {
    const failed = await failInterruptedRuns(ctx);
    if (failed) ctx.logger.warn({ failed }, 'backups: runs interrupted by the last stop were marked failed');
  }
  running.set(ctx.jobs, scheduler);
  const configs = await ctx.db.select().from(backupConfigs).where(isNotNull(backupConfigs.schedule));
  try {
    for (const config of configs) await scheduler.sync(config);
    if (scheduler.mode === 'bullmq')
      await (scheduler as ReturnType<typeof bullScheduler>).prune(new Set(configs.map((c) => c.id)));
    ctx.logger.info(
      { mode: scheduler.mode, schedules: configs.length },
      `backups: ${configs.length} schedule(s) active (${scheduler.mode})`,
    );
  } catch (err) {
    ctx.logger.warn(
      { err: (err as Error).message },
      'backups: could not sync schedules now; they are synced again on the next change or restart',
    );
  }
  return scheduler;
}

function inProcessScheduler(ctx: AppContext): BackupScheduler {
  const timers = new Map<string, Cron>();
  const drop = async (id: string) => {
    timers.get(id)?.stop();
    timers.delete(id);
  };
  return {
    mode: 'in-process',
    drop,
    async sync(config) {
      await drop(config.id);
      if (!config.schedule) return;
      const timer = new Cron(config.schedule, { timezone: 'UTC', protect: true }, async (self: Cron) => {
        const at = self.currentRun()?.getTime() ?? Date.now();
        await ctx.jobs
          .enqueue(
            'backup',
            { configId: config.id, appId: config.appId ?? undefined, kind: config.kind, trigger: 'schedule' },
            { jobId: `backup-${config.id}-${at}` },
          )
          .catch((err: Error) =>
            ctx.logger.warn({ configId: config.id, err: err.message }, 'backups: could not queue a scheduled backup'),
          );
      });
      timers.set(config.id, timer);
    },
    async stop() {
      for (const id of [...timers.keys()]) await drop(id);
      running.delete(ctx.jobs);
    },
  };
}

function bullScheduler(ctx: AppContext, url: string, prefix: string | undefined) {
  const connection = new Redis(url, { maxRetriesPerRequest: 1 });
  connection.on('error', () => {});
  const queue = new Queue(QUEUE_NAME, { connection, prefix });
  queue.on('error', () => {});
  const bounded = async <T>(what: string, run: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>(
      (_, reject) =>
        (timer = setTimeout(
          () => reject(new Error(`Redis did not answer ${what} within ${REDIS_TIMEOUT_MS} ms`)),
          REDIS_TIMEOUT_MS,
        )),
    );
    try {
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  const drop = async (id: string) => {
    await bounded('removing a schedule', queue.removeJobScheduler(`${SCHEDULER_PREFIX}${id}`));
  };
  return {
    mode: 'bullmq' as const,
    queue,
    drop,
    async sync(config: BackupConfig) {
      if (!config.schedule) return drop(config.id);
      await bounded(
        'saving a schedule',
        queue.upsertJobScheduler(
          `${SCHEDULER_PREFIX}${config.id}`,
          { pattern: config.schedule, tz: 'UTC' },
          {
            name: 'backup',
            data: { configId: config.id, appId: config.appId ?? undefined, kind: config.kind, trigger: 'schedule' },
            opts: { removeOnComplete: 100, removeOnFail: 500 },
          },
        ),
      );
    },
    /** Removes schedulers whose configuration no longer exists (deleted while this process was down). */
    async prune(keep: Set<string>) {
      const all = await bounded('listing schedules', queue.getJobSchedulers());
      for (const s of all) {
        const id = s.key.startsWith(SCHEDULER_PREFIX) ? s.key.slice(SCHEDULER_PREFIX.length) : null;
        if (id && !keep.has(id)) await drop(id);
      }
    },
    async stop() {
      running.delete(ctx.jobs);
      await Promise.race([queue.close().catch(() => {}), new Promise((r) => setTimeout(r, 5000).unref())]);
      connection.disconnect();
    },
  };
}

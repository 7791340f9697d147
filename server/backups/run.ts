import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { backupConfigs, backupRuns, type BackupConfig, type BackupKind, type BackupRun } from '../db/schema/backups.ts';
import { apps } from '../db/schema/apps.ts';
import type { JobPayloads } from '../jobs/queue.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { getAppRow } from '../services/apps.ts';
import { UUID_RE } from '../services/names.ts';
import { getBackupConfig, readSecrets, storageOf, subjectTarget } from './configs.ts';
import { writeArtifact } from './artifact.ts';
import { applyRetention } from './retention.ts';
import type { RunBackupInput } from './schemas.ts';
import type { BackupStorage } from './storage.ts';

export type BackupRunView = BackupRun & { appName: string | null };

/** A run's log: timestamped lines, saved with the run. */
export class RunLog {
  readonly lines: string[] = [];
  constructor(previous = '') {
    if (previous) this.lines.push(...previous.split('\n'));
  }
  add = (text: string) => {
    this.lines.push(`${new Date().toISOString()} ${text}`);
  };
  text = () => this.lines.join('\n');
}

/** Records a queued run and hands it to the job queue; the job does the work. */
export async function queueBackup(
  ctx: AppContext,
  caller: Caller,
  input: RunBackupInput,
): Promise<{ run: BackupRunView; notice?: string }> {
  const config = input.configId ? await getBackupConfig(ctx, input.configId) : null;
  const appRef = config ? config.appId : input.app;
  const app = appRef ? await getAppRow(ctx, appRef) : null;
  if (config && input.app && (await getAppRow(ctx, input.app)).id !== config.appId)
    throw new DomainError(
      'invalid',
      `Configuration ${config.name} backs up ${app ? `app ${app.name}` : 'the panel database'}, not ${input.app}.`,
    );
  const kind = (config?.kind ?? input.kind) as BackupKind;
  const target = config ? config.target : subjectTarget(app, { ...input, kind });
  const run = await audited(
    ctx.db,
    caller,
    { action: 'backup.create', target: app ? { type: 'app', id: app.id } : undefined, input: { ...input, kind } },
    async () => {
      const [row] = await ctx.db
        .insert(backupRuns)
        .values({
          configId: config?.id ?? null,
          appId: app?.id ?? null,
          kind,
          target,
          trigger: 'manual',
          status: 'queued',
          encrypted: config?.encrypt ?? input.encrypt ?? false,
        })
        .returning();
      return row!;
    },
  );
  let notice: string | undefined;
  try {
    await ctx.jobs.enqueue(
      'backup',
      { runId: run.id, configId: config?.id, appId: app?.id, kind, trigger: 'manual' },
      { jobId: `backup-${run.id}` },
    );
  } catch (err) {
    notice =
      err instanceof DomainError
        ? `${err.message} ${err.hint ?? ''}`.trim()
        : 'The job queue is unavailable right now.';
  }
  return { run: { ...run, appName: app?.name ?? null }, notice };
}

/**
 * The `backup` job: a queued run (runId), or a scheduled tick of a configuration (configId),
 * which records its own run. Never throws: a failure is recorded on the run with its log.
 */
export async function runBackupJob(ctx: AppContext, payload: JobPayloads['backup']): Promise<void> {
  let run: BackupRun | undefined;
  let config: BackupConfig | null = null;
  if (payload.runId) {
    [run] = await ctx.db
      .update(backupRuns)
      .set({ status: 'running', startedAt: new Date() })
      .where(and(eq(backupRuns.id, payload.runId), eq(backupRuns.status, 'queued')))
      .returning();
    if (!run) return; // already ran (a retried or duplicated job)
    if (run.configId)
      config = (await ctx.db.select().from(backupConfigs).where(eq(backupConfigs.id, run.configId)))[0] ?? null;
  } else if (payload.configId) {
    [config, run] = await startScheduledRun(ctx, payload.configId);
  }
  if (!run) return;
  const log = new RunLog();
  try {
    const app = run.appId ? await getAppRow(ctx, run.appId) : null;
    if (!app && run.kind !== 'panel') throw new DomainError('gone', 'The app was deleted.');
    log.add(
      `Backing up ${describeSubject(run.kind, app?.name ?? null, run.target)}${run.encrypted ? ', encrypted' : ''}`,
    );
    const secrets = config ? readSecrets(ctx, config) : {};
    const artifact = await writeArtifact(ctx, { run, app, password: secrets.dbPassword, log: log.add });
    const location = await storageOf(ctx, config).put(artifact.key, artifact.file, artifact.size);
    log.add(`Stored ${artifact.size} bytes at ${location} (sha256 ${artifact.sha256})`);
    await ctx.db
      .update(backupRuns)
      .set({
        status: 'succeeded',
        location,
        sizeBytes: artifact.size,
        sha256: artifact.sha256,
        target: artifact.target,
        finishedAt: new Date(),
        log: log.text(),
      })
      .where(eq(backupRuns.id, run.id));
  } catch (err) {
    const message =
      err instanceof DomainError ? `${err.message}${err.hint ? ` ${err.hint}` : ''}` : (err as Error).message;
    log.add(`Failed: ${message}`);
    await ctx.db
      .update(backupRuns)
      .set({ status: 'failed', error: message, finishedAt: new Date(), log: log.text() })
      .where(eq(backupRuns.id, run.id));
    ctx.logger.warn({ runId: run.id, err: message }, 'backup failed');
    return;
  }
  if (config) {
    try {
      const deleted = await applyRetention(ctx, config);
      if (deleted.length) {
        log.add(`Retention deleted ${deleted.length} older backup(s): ${deleted.join(', ')}`);
        await ctx.db.update(backupRuns).set({ log: log.text() }).where(eq(backupRuns.id, run.id));
      }
    } catch (err) {
      ctx.logger.warn(
        { configId: config.id, err: (err as Error).message },
        'backup retention failed; it runs again after the next backup',
      );
    }
  }
}

const STALE_AFTER_MS = 6 * 3_600_000;
const INTERRUPTED = 'Interrupted: the panel stopped while this backup was running. Run it again.';

/** In-process jobs die with the process, so at start-up its unfinished runs are failed, not left running. */
export async function failInterruptedRuns(ctx: AppContext): Promise<number> {
  const rows = await ctx.db
    .update(backupRuns)
    .set({ status: 'failed', error: INTERRUPTED, finishedAt: new Date() })
    .where(inArray(backupRuns.status, ['queued', 'running']))
    .returning({ id: backupRuns.id });
  return rows.length;
}

/**
 * A schedule tick records its run only if the schedule still exists and no earlier run of the
 * configuration is still going: a backup slower than its schedule skips ticks, never piles up.
 */
async function startScheduledRun(
  ctx: AppContext,
  configId: string,
): Promise<[BackupConfig | null, BackupRun | undefined]> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`backup:${configId}`}))`);
    const [config] = await tx.select().from(backupConfigs).where(eq(backupConfigs.id, configId));
    if (!config?.schedule) return [null, undefined]; // deleted or unscheduled since the tick
    // A run older than that was cut off by a crash (its worker is gone): it no longer blocks.
    const stale = new Date(Date.now() - STALE_AFTER_MS);
    await tx
      .update(backupRuns)
      .set({ status: 'failed', error: INTERRUPTED, finishedAt: new Date() })
      .where(
        and(
          eq(backupRuns.configId, configId),
          inArray(backupRuns.status, ['queued', 'running']),
          lt(backupRuns.startedAt, stale),
        ),
      );
    const [busy] = await tx
      .select({ id: backupRuns.id })
      .from(backupRuns)
      .where(and(eq(backupRuns.configId, configId), inArray(backupRuns.status, ['queued', 'running'])));
    if (busy) {
      ctx.logger.warn(
        { configId, running: busy.id },
        'backups: skipped a scheduled tick while the previous backup is still running',
      );
      return [null, undefined];
    }
    const [run] = await tx
      .insert(backupRuns)
      .values({
        configId,
        appId: config.appId,
        kind: config.kind,
        target: config.target,
        trigger: 'schedule',
        status: 'running',
        encrypted: config.encrypt,
      })
      .returning();
    return [config, run];
  });
}

export function describeSubject(kind: BackupKind, appName: string | null, target: Record<string, string>): string {
  if (kind === 'panel') return 'the panel database';
  if (kind === 'volume') return `volume ${target.volume} of ${appName ?? 'a deleted app'}`;
  return `the ${kind} database${target.database ? ` ${target.database}` : ''} of ${appName ?? 'a deleted app'}`;
}

export async function listBackups(
  ctx: AppContext,
  filter: { app?: string; configId?: string; limit?: number } = {},
): Promise<BackupRunView[]> {
  const where: SQL[] = [];
  if (filter.app) where.push(eq(backupRuns.appId, (await getAppRow(ctx, filter.app)).id));
  if (filter.configId) where.push(eq(backupRuns.configId, filter.configId));
  const rows = await ctx.db
    .select({ run: backupRuns, appName: apps.name })
    .from(backupRuns)
    .leftJoin(apps, eq(apps.id, backupRuns.appId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(backupRuns.startedAt))
    .limit(filter.limit ?? 50);
  return rows.map((r) => ({ ...r.run, appName: r.appName }));
}

export async function getBackup(ctx: AppContext, id: string): Promise<BackupRunView> {
  const [row] = UUID_RE.test(id)
    ? await ctx.db
        .select({ run: backupRuns, appName: apps.name })
        .from(backupRuns)
        .leftJoin(apps, eq(apps.id, backupRuns.appId))
        .where(eq(backupRuns.id, id))
    : [];
  if (!row) throw new DomainError('not_found', `No backup with id ${id}.`, 'List backups to see what exists.');
  return { ...row.run, appName: row.appName };
}

/** Deletes a backup's artifact and keeps the run, marked deleted, in the history. */
export async function deleteBackup(ctx: AppContext, caller: Caller, id: string): Promise<BackupRunView> {
  const run = await getBackup(ctx, id);
  if (run.status === 'queued' || run.status === 'running')
    throw new DomainError('conflict', `Backup ${id} is still ${run.status}.`, 'Wait for it to finish, then delete it.');
  if (run.status === 'deleted') return run;
  const storage = await storageOfRun(ctx, run);
  return audited(
    ctx.db,
    caller,
    { action: 'backup.delete', target: { type: 'backup', id }, input: { location: run.location } },
    async () => {
      if (run.location) await storage.remove(run.location);
      const log = new RunLog(run.log);
      log.add('Deleted');
      const [updated] = await ctx.db
        .update(backupRuns)
        .set({ status: 'deleted', log: log.text() })
        .where(eq(backupRuns.id, id))
        .returning();
      return { ...updated!, appName: run.appName };
    },
  );
}

/** Where a run's artifact is: its configuration's destination, else the local folder. */
export async function storageOfRun(ctx: AppContext, run: BackupRun): Promise<BackupStorage> {
  const config = run.configId ? await getBackupConfig(ctx, run.configId) : null;
  if (!config && run.location?.startsWith('s3://')) {
    throw new DomainError(
      'gone',
      `Backup ${run.id} is in S3, and the configuration that held its credentials was deleted.`,
      'The object is still in the bucket; fetch it with your own S3 tools.',
    );
  }
  return storageOf(ctx, config);
}

import { and, desc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { backupRuns, type BackupConfig } from '../db/schema/backups.ts';
import { storageOf } from './configs.ts';

const DAY_MS = 86_400_000;

/**
 * Applies a configuration's retention to its successful backups. A backup is kept when any rule
 * keeps it: it is among the newest `retentionCount`, or younger than `retentionDays`. The newest
 * one is always kept, so retention never leaves a configuration with nothing to restore. Deleted
 * backups lose their artifact and stay in the history, marked deleted. Returns their ids.
 */
export async function applyRetention(ctx: AppContext, config: BackupConfig, now = new Date()): Promise<string[]> {
  if (config.retentionCount === null && config.retentionDays === null) return [];
  const runs = await ctx.db
    .select()
    .from(backupRuns)
    .where(and(eq(backupRuns.configId, config.id), eq(backupRuns.status, 'succeeded')))
    .orderBy(desc(backupRuns.startedAt));
  const cutoff = config.retentionDays === null ? null : now.getTime() - config.retentionDays * DAY_MS;
  const expired = runs.filter((run, i) => {
    if (i === 0) return false;
    const keptByCount = config.retentionCount !== null && i < config.retentionCount;
    const keptByAge = cutoff !== null && run.startedAt.getTime() >= cutoff;
    return !keptByCount && !keptByAge;
  });
  if (!expired.length) return [];
  const storage = storageOf(ctx, config);
  const deleted: string[] = [];
  for (const run of expired) {
    if (run.location) await storage.remove(run.location);
    const note = `${now.toISOString()} Deleted by retention (${[config.retentionCount !== null && `keep last ${config.retentionCount}`, config.retentionDays !== null && `keep ${config.retentionDays} days`].filter(Boolean).join(', ')})`;
    await ctx.db
      .update(backupRuns)
      .set({ status: 'deleted', log: run.log ? `${run.log}\n${note}` : note })
      .where(eq(backupRuns.id, run.id));
    deleted.push(run.id);
  }
  ctx.logger.info({ configId: config.id, deleted: deleted.length }, 'backup retention applied');
  return deleted;
}

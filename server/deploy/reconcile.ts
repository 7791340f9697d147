import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { deployments } from '../db/schema/deployments.ts';
import { apps } from '../db/schema/apps.ts';
import { listManagedContainers, removeContainer } from '../engine/index.ts';
import { enqueueDeployment } from '../services/deployments.ts';
import { DeploymentLogWriter, statusEvent } from './log-writer.ts';

export interface ReconcileReport {
  interrupted: string[];
  requeued: string[];
  removedContainers: string[];
  missingContainers: string[];
  engine: 'ok' | string;
}

/**
 * Brings the database and the engine into agreement:
 * - a building/starting deployment whose worker stopped sending heartbeats (a crash, a restart)
 *   is marked failed with a clear reason, never left "building" forever;
 * - queued deployments are queued again (idempotent: the job id is the deployment id);
 * - containers of deployments that are finished but not live are removed;
 * - live deployments whose container vanished are reported.
 * Containers of deployments this database does not know are left alone: another panel may own them.
 */
export async function reconcile(ctx: AppContext, opts: { staleAfterMs: number }): Promise<ReconcileReport> {
  const report: ReconcileReport = {
    interrupted: [],
    requeued: [],
    removedContainers: [],
    missingContainers: [],
    engine: 'ok',
  };
  const staleBefore = new Date(Date.now() - opts.staleAfterMs);

  const stale = await ctx.db
    .update(deployments)
    .set({
      status: 'failed',
      finishedAt: new Date(),
      error: 'Interrupted: the panel stopped while this deployment was running. Deploy again.',
    })
    .where(
      and(
        inArray(deployments.status, ['building', 'starting']),
        or(isNull(deployments.heartbeatAt), lt(deployments.heartbeatAt, staleBefore)),
      ),
    )
    .returning();
  for (const d of stale) {
    report.interrupted.push(d.id);
    const log = await DeploymentLogWriter.open(ctx, d.id);
    log.line('stderr', 'Interrupted: the panel stopped while this deployment was running. Deploy again.');
    await log.flush();
    ctx.events.emit(statusEvent(d.id));
  }

  const queued = await ctx.db.select().from(deployments).where(eq(deployments.status, 'queued'));
  for (const d of queued) {
    if (!(await enqueueDeployment(ctx, d))) report.requeued.push(d.id);
  }

  try {
    const containers = await listManagedContainers(ctx.docker);
    const byDeployment = new Map(containers.map((c) => [c.labels['dev.openpanel.deployment'], c]));
    const known = byDeployment.size
      ? await ctx.db
          .select()
          .from(deployments)
          .where(
            inArray(
              deployments.id,
              [...byDeployment.keys()].filter((k): k is string => !!k),
            ),
          )
      : [];
    const live = new Set((await ctx.db.select({ id: apps.currentDeploymentId }).from(apps)).map((a) => a.id));
    for (const d of known) {
      const container = byDeployment.get(d.id);
      if (!container || live.has(d.id) || ['queued', 'building', 'starting'].includes(d.status)) continue;
      await removeContainer(ctx.docker, container.id, { force: true });
      report.removedContainers.push(container.name);
    }
    const liveRows = await ctx.db
      .select()
      .from(deployments)
      .where(
        inArray(
          deployments.id,
          [...live].filter((x): x is string => !!x).concat('00000000-0000-0000-0000-000000000000'),
        ),
      );
    for (const d of liveRows) if (!byDeployment.has(d.id)) report.missingContainers.push(d.id);
  } catch (err) {
    report.engine = (err as Error).message;
  }
  if (report.interrupted.length || report.removedContainers.length || report.missingContainers.length) {
    ctx.logger.warn(report, 'reconciliation changed or found something');
  }
  return report;
}

/** Reconciles at start (everything running is stale when jobs run in-process) and then periodically. */
export function startReconciler(ctx: AppContext, everyMs = 30_000): { stop(): void; first: Promise<ReconcileReport> } {
  const staleAfterMs = 60_000;
  const first = reconcile(ctx, { staleAfterMs: ctx.jobs.kind === 'in-process' ? 0 : staleAfterMs });
  const timer = setInterval(
    () =>
      void reconcile(ctx, { staleAfterMs }).catch((err) =>
        ctx.logger.warn({ err: (err as Error).message }, 'reconciliation failed'),
      ),
    everyMs,
  );
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}

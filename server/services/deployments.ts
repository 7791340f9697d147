import { and, desc, eq, inArray, lt, max, ne, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import {
  deployments,
  type Deployment,
  type DeploymentSettings,
  type DeploymentStatus,
} from '../db/schema/deployments.ts';
import { apps, type AppRow } from '../db/schema/apps.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { actorLabel } from '../auth/permissions.ts';
import { getAppRow } from './apps.ts';
import { statusEvent } from '../deploy/log-writer.ts';

/** Deployments that reached `running` at some point: the ones a rollback may return to. */
export const SUCCEEDED: DeploymentStatus[] = ['running', 'superseded', 'rolled_back'];

export interface QueuedDeployment {
  deployment: Deployment;
  /** Set when the job could not be queued right now (Redis down); it starts when it is back. */
  notice?: string;
}

export function settingsOf(app: AppRow): DeploymentSettings {
  const { port, command, healthCheck, healthTimeoutSeconds, restartPolicy, cpus, memoryMb, volumes } = app;
  return { port, command, healthCheck, healthTimeoutSeconds, restartPolicy, cpus, memoryMb, volumes };
}

async function insertDeployment(
  ctx: AppContext,
  appId: string,
  values: Partial<Deployment> & { createdBy: string; settings: DeploymentSettings },
): Promise<Deployment> {
  return ctx.db.transaction(async (tx) => {
    // Serialises numbering per app; the unique index is the backstop.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${appId}))`);
    const [row] = await tx
      .select({ n: max(deployments.number) })
      .from(deployments)
      .where(eq(deployments.appId, appId));
    const [created] = await tx
      .insert(deployments)
      .values({ ...values, appId, number: (row?.n ?? 0) + 1, status: 'queued' })
      .returning();
    return created!;
  });
}

export async function enqueueDeployment(ctx: AppContext, deployment: Deployment): Promise<string | undefined> {
  try {
    await ctx.jobs.enqueue('deploy', { deploymentId: deployment.id }, { jobId: `deploy-${deployment.id}` });
    return undefined;
  } catch (err) {
    ctx.logger.warn(
      { deploymentId: deployment.id, err: (err as Error).message },
      'could not queue deployment; reconciliation will retry',
    );
    return err instanceof DomainError
      ? `${err.message} ${err.hint ?? ''}`.trim()
      : 'The job queue is unavailable; the deployment starts when it is back.';
  }
}

export async function deployApp(ctx: AppContext, caller: Caller, appRef: string): Promise<QueuedDeployment> {
  const app = await getAppRow(ctx, appRef);
  const deployment = await audited(
    ctx.db,
    caller,
    { action: 'deploy.create', target: { type: 'app', id: app.id }, input: { app: app.name } },
    () =>
      insertDeployment(ctx, app.id, {
        trigger: 'deploy',
        settings: settingsOf(app),
        createdBy: actorLabel(caller.actor),
      }),
  );
  const notice = await enqueueDeployment(ctx, deployment);
  return { deployment, notice };
}

/** Rolls back to `deploymentId`, or to the newest earlier successful deployment. */
export async function rollbackApp(
  ctx: AppContext,
  caller: Caller,
  appRef: string,
  deploymentId?: string,
): Promise<QueuedDeployment> {
  const app = await getAppRow(ctx, appRef);
  let target: Deployment | undefined;
  if (deploymentId) {
    [target] = await ctx.db
      .select()
      .from(deployments)
      .where(and(eq(deployments.id, deploymentId), eq(deployments.appId, app.id)));
    if (!target) throw new DomainError('not_found', `App ${app.name} has no deployment ${deploymentId}.`);
    if (!SUCCEEDED.includes(target.status))
      throw new DomainError(
        'invalid',
        `Deployment #${target.number} never ran successfully (${target.status}), so there is nothing to roll back to.`,
        'Pick a deployment that was running.',
      );
    if (target.id === app.currentDeploymentId)
      throw new DomainError('invalid', `Deployment #${target.number} is already the live one.`);
  } else {
    [target] = await ctx.db
      .select()
      .from(deployments)
      .where(
        and(
          eq(deployments.appId, app.id),
          inArray(deployments.status, SUCCEEDED),
          app.currentDeploymentId ? ne(deployments.id, app.currentDeploymentId) : undefined,
          eq(deployments.imagePruned, false),
        ),
      )
      .orderBy(desc(deployments.number))
      .limit(1);
    if (!target)
      throw new DomainError('invalid', `App ${app.name} has no earlier successful deployment to roll back to.`);
  }
  if (target.imagePruned || !target.imageTag) {
    throw new DomainError(
      'gone',
      `The image of deployment #${target.number} was pruned, so it cannot be restored.`,
      'Raise OPENPANEL_IMAGE_RETENTION to keep more images.',
    );
  }
  const chosen = target;
  const deployment = await audited(
    ctx.db,
    caller,
    {
      action: 'deploy.rollback',
      target: { type: 'app', id: app.id },
      input: { app: app.name, to: chosen.id, number: chosen.number },
    },
    () =>
      insertDeployment(ctx, app.id, {
        trigger: 'rollback',
        rollbackOf: chosen.id,
        imageTag: chosen.imageTag,
        imageId: chosen.imageId,
        commit: chosen.commit,
        settings: chosen.settings,
        createdBy: actorLabel(caller.actor),
      }),
  );
  const notice = await enqueueDeployment(ctx, deployment);
  return { deployment, notice };
}

export async function listDeployments(
  ctx: AppContext,
  appRef: string,
  opts: { limit?: number; beforeNumber?: number } = {},
): Promise<Deployment[]> {
  const app = await getAppRow(ctx, appRef);
  // Keyset on the app's deployment number: a page costs the same however long the history is.
  const before = opts.beforeNumber !== undefined ? lt(deployments.number, opts.beforeNumber) : undefined;
  return ctx.db
    .select()
    .from(deployments)
    .where(and(eq(deployments.appId, app.id), before))
    .orderBy(desc(deployments.number))
    .limit(opts.limit ?? 50);
}

export async function getDeployment(ctx: AppContext, id: string): Promise<Deployment> {
  const [row] = await ctx.db.select().from(deployments).where(eq(deployments.id, id));
  if (!row) throw new DomainError('not_found', `No deployment with id ${id}.`);
  return row;
}

/**
 * A queued deployment is cancelled at once; a building or starting one is flagged and its
 * worker stops it within a second (the flag is in the database, so any worker process sees it).
 */
export async function cancelDeployment(ctx: AppContext, caller: Caller, id: string): Promise<Deployment> {
  const existing = await getDeployment(ctx, id);
  return audited(ctx.db, caller, { action: 'deploy.cancel', target: { type: 'deployment', id } }, async () => {
    const [queued] = await ctx.db
      .update(deployments)
      .set({
        status: 'cancelled',
        cancelRequested: true,
        finishedAt: new Date(),
        error: 'Cancelled before it started.',
      })
      .where(and(eq(deployments.id, id), eq(deployments.status, 'queued')))
      .returning();
    if (queued) {
      ctx.events.emit(statusEvent(id));
      return queued;
    }
    const [flagged] = await ctx.db
      .update(deployments)
      .set({ cancelRequested: true })
      .where(and(eq(deployments.id, id), inArray(deployments.status, ['building', 'starting'])))
      .returning();
    if (flagged) return flagged;
    throw new DomainError(
      'conflict',
      `Deployment #${existing.number} is already ${existing.status}; only queued, building or starting deployments can be cancelled.`,
    );
  });
}

export async function currentDeployment(ctx: AppContext, appId: string): Promise<Deployment | undefined> {
  const [row] = await ctx.db
    .select({ d: deployments })
    .from(apps)
    .innerJoin(deployments, eq(deployments.id, apps.currentDeploymentId))
    .where(eq(apps.id, appId));
  return row?.d;
}

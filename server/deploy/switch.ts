import { and, eq, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { deployments, type Deployment } from '../db/schema/deployments.ts';
import { apps, type AppRow } from '../db/schema/apps.ts';
import { removeContainer, stopContainer } from '../engine/index.ts';
import { engineCall } from '../engine/errors.ts';
import { statusEvent } from './log-writer.ts';

export const APP_SWITCHED = 'app-switched';
export interface AppSwitchedEvent {
  appId: string;
  deploymentId: string;
  containerName: string;
  network: string;
}

/**
 * Makes `deployment` the live one, in one transaction: it becomes `running`, the previous one
 * `superseded` (or `rolled_back` when this is a rollback), and the app points at it. Returns
 * false when it may not go live any more (cancelled meanwhile, or a newer deployment won).
 * Only then does the old container stop: until this commits, the old one keeps serving.
 */
export async function switchTraffic(
  ctx: AppContext,
  args: { app: AppRow; deployment: Deployment; containerId: string; network: string },
): Promise<boolean> {
  const { app, deployment, containerId, network } = args;
  // The app's own name resolves to the new container too from here on. This happens before the
  // switch commits, so a client that sees `running` never sees the container mid-reconnect; for a
  // moment both healthy containers answer to the name.
  const net = ctx.docker.getNetwork(network);
  await engineCall(ctx.docker, async () => {
    await net.disconnect({ Container: containerId });
    await net.connect({
      Container: containerId,
      EndpointConfig: { Aliases: [app.name, `${app.name}-d${deployment.number}`] },
    });
  }).catch((err) => ctx.logger.warn({ err: (err as Error).message, app: app.name }, 'could not move the app alias'));

  const previous = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${app.id}))`);
    const [fresh] = await tx.select().from(apps).where(eq(apps.id, app.id));
    const [current] = fresh?.currentDeploymentId
      ? await tx.select().from(deployments).where(eq(deployments.id, fresh.currentDeploymentId))
      : [];
    if (!fresh || (current && current.number > deployment.number && current.status === 'running')) return null;
    const [live] = await tx
      .update(deployments)
      .set({ status: 'running', finishedAt: new Date(), error: null })
      .where(
        and(
          eq(deployments.id, deployment.id),
          eq(deployments.status, 'starting'),
          eq(deployments.cancelRequested, false),
        ),
      )
      .returning();
    if (!live) return null;
    if (current && current.id !== deployment.id) {
      await tx
        .update(deployments)
        .set({ status: deployment.trigger === 'rollback' ? 'rolled_back' : 'superseded' })
        .where(and(eq(deployments.id, current.id), eq(deployments.status, 'running')));
    }
    await tx.update(apps).set({ currentDeploymentId: deployment.id, updatedAt: new Date() }).where(eq(apps.id, app.id));
    return { current: current ?? null };
  });
  if (!previous) return false;

  const event: AppSwitchedEvent = {
    appId: app.id,
    deploymentId: deployment.id,
    containerName: `op-${app.name}-d${deployment.number}`,
    network,
  };
  ctx.events.emit(APP_SWITCHED, event);
  ctx.events.emit(statusEvent(deployment.id));

  const old = previous.current;
  if (old?.containerId && old.id !== deployment.id) {
    await stopContainer(ctx.docker, old.containerId).catch(() => {});
    await removeContainer(ctx.docker, old.containerId, { force: true }).catch(() => {});
    ctx.events.emit(statusEvent(old.id));
  }
  return true;
}

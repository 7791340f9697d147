import { serve, type ServerType } from '@hono/node-server';
import type { Env } from './env.ts';
import { createContext, closeContext, type AppContext } from './context.ts';
import { createApp } from './app.ts';
import { describeDockerHost } from './docker.ts';
import { jobHandlers } from './jobs/handlers.ts';
import { startReconciler } from './deploy/reconcile.ts';
import { startBackupScheduler } from './backups/scheduler.ts';
import { startDomainSync } from './proxy/sync.ts';
import { expireActions, recoverInterruptedActions } from './approvals/store.ts';

export interface RunningPanel {
  ctx: AppContext;
  server: ServerType;
  url: string;
  stop(): Promise<void>;
}

/** Says plainly what works and what does not, so a fresh install is never a mystery. */
async function reportDependencies(ctx: AppContext): Promise<void> {
  const { env, logger } = ctx;
  logger.info(
    { driver: ctx.database.driver, location: ctx.database.location },
    `database: ${ctx.database.driver === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'} at ${ctx.database.location}`,
  );
  try {
    await ctx.docker.ping();
    logger.info(`docker: engine reachable at ${describeDockerHost(env.DOCKER_HOST)}`);
  } catch (err) {
    logger.warn(
      `docker: UNAVAILABLE at ${describeDockerHost(env.DOCKER_HOST)} (${(err as Error).message}) — builds and deploys fail until the engine is reachable; everything else works`,
    );
  }
  if (!ctx.redis) {
    logger.info('redis: not configured (REDIS_URL unset) — jobs run in-process');
  } else {
    try {
      await ctx.redis.connect();
      await ctx.redis.ping();
      logger.info('redis: connected — jobs run on BullMQ workers');
    } catch (err) {
      logger.warn(`redis: UNAVAILABLE (${(err as Error).message}) — queued jobs wait until it is back`);
    }
  }
}

export async function startPanel(env: Env): Promise<RunningPanel> {
  const ctx = await createContext(env);
  await ctx.database.migrate();
  await reportDependencies(ctx);
  // Actions caught mid-run by a crash are reported, never silently re-run.
  const staleActionMs = ctx.jobs.kind === 'in-process' ? 0 : 30 * 60_000;
  await recoverInterruptedActions(ctx, { staleAfterMs: staleActionMs });
  const expirer = setInterval(() => {
    void expireActions(ctx).catch(() => {});
    if (staleActionMs) void recoverInterruptedActions(ctx, { staleAfterMs: staleActionMs }).catch(() => {});
  }, 30_000);
  expirer.unref();
  await ctx.jobs.start(jobHandlers(ctx));
  const reconciler = startReconciler(ctx);
  reconciler.first.catch((err) => ctx.logger.warn({ err: (err as Error).message }, 'start-up reconciliation failed'));
  // Cron schedules of backup configurations: BullMQ job schedulers with Redis, timers without.
  const backupScheduler = startBackupScheduler(ctx).catch((err) => {
    ctx.logger.warn({ err: (err as Error).message }, 'backup scheduler did not start');
    return null;
  });
  // Routes follow apps across deployments and rollbacks; stored domains are re-applied now.
  const domainSync = startDomainSync(ctx);
  const app = createApp(ctx);
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  const url = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${port}`;
  ctx.logger.info({ url }, `OpenPanel is listening on ${url}`);
  return {
    ctx,
    server,
    url,
    stop: async () => {
      reconciler.stop();
      await (await backupScheduler)?.stop();
      domainSync.stop();
      clearInterval(expirer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeContext(ctx);
    },
  };
}

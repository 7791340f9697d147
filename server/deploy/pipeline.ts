import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { deployments, type Deployment, type DeploymentSettings } from '../db/schema/deployments.ts';
import { apps, type AppRow } from '../db/schema/apps.ts';
import { projects } from '../db/schema/projects.ts';
import { DomainError } from '../errors.ts';
import { readDeployKey } from '../services/apps.ts';
import { resolveEnv } from '../services/env-vars.ts';
import {
  attachContainer,
  buildImage,
  containerAddress,
  createAndStartContainer,
  ensureNetwork,
  imageExists,
  listManagedContainers,
  readLogs,
  removeContainer,
  tagImage,
  waitHealthy,
  LABELS,
} from '../engine/index.ts';
import { fetchSource } from '../source/fetch.ts';
import { packBuildContext } from '../source/context.ts';
import { fsRepoReader, generateDockerfile } from '../dockerfile/index.ts';
import { DeploymentLogWriter, statusEvent } from './log-writer.ts';
import { uploadPath } from './uploads.ts';
import { switchTraffic } from './switch.ts';
import { pruneImages } from './prune.ts';
import { enqueueIndex } from '../knowledge/enqueue.ts';

const HEARTBEAT_MS = 5_000;
const CANCEL_POLL_MS = 500;

const imageRepo = (app: AppRow) => `openpanel/${app.name}`;
const containerName = (app: AppRow, d: Deployment) => `op-${app.name}-d${d.number}`;
export const networkName = (projectName: string) => `openpanel-${projectName}`;

class Cancelled extends Error {}

/**
 * Runs one deployment: fetch → build → start → wait healthy → switch traffic → stop the old one.
 * Safe to call again for the same deployment (a retried job): finished deployments are left
 * alone, and leftovers of an interrupted attempt are removed first.
 */
export async function runDeployment(ctx: AppContext, deploymentId: string): Promise<void> {
  const [claimed] = await ctx.db
    .update(deployments)
    .set({ status: 'building', startedAt: new Date(), heartbeatAt: new Date(), error: null })
    .where(
      and(
        eq(deployments.id, deploymentId),
        inArray(deployments.status, ['queued', 'building', 'starting']),
        eq(deployments.cancelRequested, false),
      ),
    )
    .returning();
  if (!claimed) return finishCancelledIfRequested(ctx, deploymentId);
  await ctx.db
    .update(deployments)
    .set({ attempts: claimed.attempts + 1 })
    .where(eq(deployments.id, deploymentId));
  ctx.events.emit(statusEvent(deploymentId));

  const log = await DeploymentLogWriter.open(ctx, deploymentId);
  const abort = new AbortController();
  const watcher = watchDeployment(ctx, deploymentId, abort);
  let cleanupSource: (() => Promise<void>) | undefined;
  let newContainerId: string | undefined;
  try {
    const [row] = await ctx.db
      .select({ app: apps, projectName: projects.name })
      .from(apps)
      .innerJoin(projects, eq(projects.id, apps.projectId))
      .where(eq(apps.id, claimed.appId));
    if (!row) throw new DomainError('gone', 'The app was deleted.');
    const { app, projectName } = row;
    const settings = claimed.settings;
    log.system(
      `Deployment #${claimed.number} of ${app.name}${claimed.trigger === 'rollback' ? ' (rollback)' : ''}, attempt ${claimed.attempts + 1}`,
    );
    // Only a retried attempt can have left containers behind; a first attempt skips the engine call.
    if (claimed.attempts > 0) await removeLeftovers(ctx, deploymentId);
    const env = await resolveEnv(ctx.db, ctx.secrets, app.id);

    // 1. The image: reuse (rollback), tag (prebuilt image) or build (git, tarball).
    const tag = `${imageRepo(app)}:d${claimed.number}`;
    let commit: string | undefined;
    if (claimed.trigger === 'rollback') {
      if (!claimed.imageTag || !(await imageExists(ctx.docker, claimed.imageTag)))
        throw new DomainError(
          'gone',
          `The image ${claimed.imageTag} is no longer on this engine.`,
          'Deploy again instead.',
        );
      log.system(`Reusing image ${claimed.imageTag}`);
    } else if (app.source.type === 'image') {
      if (!(await imageExists(ctx.docker, app.source.image))) {
        throw new DomainError(
          'invalid',
          `The image ${app.source.image} is not on this Docker engine and no registry is reachable.`,
          'Load or build it on the host first, or deploy from source.',
        );
      }
      const [repo, version] = splitTag(tag);
      await tagImage(ctx.docker, app.source.image, repo, version);
      log.system(`Using image ${app.source.image}`);
    } else {
      const workDir = path.join(ctx.env.dataDir, 'builds');
      fs.mkdirSync(workDir, { recursive: true });
      const spec =
        app.source.type === 'git'
          ? {
              type: 'git' as const,
              url: app.source.url,
              ref: app.source.ref,
              subdir: app.source.subdir,
              deployKey: readDeployKey(ctx, app),
            }
          : { type: 'tarball' as const, path: uploadPath(ctx, app.source.uploadId), subdir: app.source.subdir };
      const fetched = await fetchSource(spec, { workDir, signal: abort.signal, onLine: (t) => log.system(t) });
      cleanupSource = fetched.cleanup;
      commit = fetched.commit;
      if (commit) log.system(`Source at commit ${commit}`);
      let context: NodeJS.ReadableStream;
      let dockerfile = app.source.dockerfilePath;
      if (app.source.generateDockerfile) {
        const generated = await generateDockerfile(fsRepoReader(fetched.dir), { port: settings.port ?? undefined });
        for (const line of generated.explanation) log.system(line);
        context = await packBuildContext(fetched.dir, {
          dockerfile: { path: 'Dockerfile.openpanel', content: generated.dockerfile },
          dockerignore: generated.dockerignore,
        });
        dockerfile = 'Dockerfile.openpanel';
      } else {
        context = await packBuildContext(fetched.dir);
      }
      log.system(`Building ${tag}`);
      await buildImage(ctx.docker, {
        tag,
        context,
        dockerfile,
        buildArgs: { ...app.buildArgs, ...env.build },
        // The classic builder turns each build label into its own LABEL step (a container and a
        // commit, ~100 ms each), so the image gets only the managed label; its tag names the app
        // and deployment, and the container carries the full set.
        labels: { [LABELS.managed]: 'true' },
        signal: abort.signal,
        onLine: (l) => log.line(l.stream, l.text),
      });
    }
    const imageTag = claimed.trigger === 'rollback' ? claimed.imageTag! : tag;
    await setStatus(ctx, deploymentId, 'starting', { imageTag, commit: commit ?? claimed.commit });

    // 2. Start the new container next to the old one.
    const network = networkName(projectName);
    await ensureNetwork(ctx.docker, network, { [LABELS.managed]: 'true', [LABELS.project]: app.projectId });
    // In docker-compose the panel is itself a container: it reaches apps (health checks) on their network.
    if (ctx.env.OPENPANEL_SELF_CONTAINER) await attachContainer(ctx.docker, ctx.env.OPENPANEL_SELF_CONTAINER, network);
    const name = containerName(app, claimed);
    const container = await createAndStartContainer(ctx.docker, {
      name,
      image: imageTag,
      env: { ...env.runtime, ...(settings.port ? { PORT: String(settings.port) } : {}) },
      labels: {
        [LABELS.managed]: 'true',
        [LABELS.app]: app.id,
        [LABELS.deployment]: claimed.id,
        [LABELS.project]: app.projectId,
      },
      network,
      networkAliases: [`${app.name}-d${claimed.number}`],
      port: settings.port ?? undefined,
      cmd: settings.command ?? undefined,
      restartPolicy: settings.restartPolicy,
      cpus: settings.cpus ?? undefined,
      memoryMb: settings.memoryMb ?? undefined,
      volumes: settings.volumes,
    });
    newContainerId = container.id;
    await ctx.db
      .update(deployments)
      .set({ containerId: container.id, containerName: name })
      .where(eq(deployments.id, deploymentId));
    log.system(`Started container ${name}; waiting for it to be healthy (${describeCheck(settings)})`);

    // 3. Health: the old container keeps serving until the new one is ready.
    const address = (await containerAddress(ctx.docker, container.id, network)) ?? {
      host: '127.0.0.1',
      port: settings.port ?? 0,
    };
    const health = await waitHealthy(ctx.docker, container.id, {
      check: settings.healthCheck,
      address,
      timeoutMs: settings.healthTimeoutSeconds * 1000,
      signal: abort.signal,
    });
    if (!health.healthy) {
      for (const line of await readLogs(ctx.docker, container.id, { tail: 30 }).catch(() => []))
        log.line(line.stream, `[container] ${line.text}`);
      throw new DomainError(
        'invalid',
        `The new container did not become healthy: ${health.reason}`,
        'The previous version is still serving.',
      );
    }
    if (abort.signal.aborted) throw new Cancelled();

    // 4. Switch traffic, then retire the old container.
    const switched = await switchTraffic(ctx, { app, deployment: claimed, containerId: container.id, network });
    if (!switched) throw new Cancelled();
    newContainerId = undefined; // it is live now: never remove it from here on
    log.system(`Deployment #${claimed.number} is live`);
    await pruneImages(ctx, app, (t) => log.system(t)).catch((err) =>
      log.system(`Image pruning skipped: ${(err as Error).message}`),
    );
  } catch (err) {
    if (newContainerId) await removeContainer(ctx.docker, newContainerId, { force: true }).catch(() => {});
    const cancelled = err instanceof Cancelled || abort.signal.aborted;
    if (cancelled) {
      log.system('Cancelled');
      await setStatus(ctx, deploymentId, 'cancelled', { error: 'Cancelled by request.', finishedAt: new Date() });
    } else if (err instanceof DomainError && err.kind === 'unavailable') {
      // An outage: back to queued; the job layer retries with backoff.
      log.system(`Waiting to retry: ${err.message}`);
      await setStatus(ctx, deploymentId, 'queued', { error: err.message });
      throw err;
    } else {
      const message =
        err instanceof DomainError
          ? `${err.message}${err.hint ? ` ${err.hint}` : ''}`
          : `Unexpected error: ${(err as Error).message}`;
      if (!(err instanceof DomainError)) ctx.logger.error({ err, deploymentId }, 'deployment crashed');
      log.line('stderr', message);
      await setStatus(ctx, deploymentId, 'failed', { error: message, finishedAt: new Date() });
    }
  } finally {
    watcher.stop();
    await log.flush();
    await cleanupSource?.().catch(() => {});
    // Every way out of an attempt passes here, after the log is flushed: the outcome and a
    // failure's log become project context. enqueueIndex never throws.
    await enqueueIndex(
      ctx,
      { appId: claimed.appId, reason: 'deployment finished' },
      `${deploymentId}-${claimed.attempts + 1}`,
    );
  }
}

function splitTag(ref: string): [string, string] {
  const i = ref.lastIndexOf(':');
  return [ref.slice(0, i), ref.slice(i + 1)];
}

function describeCheck(settings: DeploymentSettings): string {
  const c = settings.healthCheck;
  return c.type === 'http'
    ? `HTTP GET ${c.path} on port ${settings.port}`
    : c.type === 'tcp'
      ? `TCP port ${settings.port}`
      : 'still running after a second';
}

async function setStatus(
  ctx: AppContext,
  id: string,
  status: Deployment['status'],
  extra: Partial<Deployment> = {},
): Promise<void> {
  await ctx.db
    .update(deployments)
    .set({ status, ...extra })
    .where(eq(deployments.id, id));
  ctx.events.emit(statusEvent(id));
}

async function finishCancelledIfRequested(ctx: AppContext, id: string): Promise<void> {
  await ctx.db
    .update(deployments)
    .set({ status: 'cancelled', finishedAt: new Date(), error: 'Cancelled before it started.' })
    .where(
      and(
        eq(deployments.id, id),
        eq(deployments.cancelRequested, true),
        inArray(deployments.status, ['queued', 'building', 'starting']),
      ),
    );
  ctx.events.emit(statusEvent(id));
}

/** Containers an earlier, interrupted attempt of this deployment left behind. */
async function removeLeftovers(ctx: AppContext, deploymentId: string): Promise<void> {
  for (const c of await listManagedContainers(ctx.docker, { deployment: deploymentId }))
    await removeContainer(ctx.docker, c.id, { force: true });
}

/** Heartbeat for reconciliation, and the cancel flag polled from the database (any process may set it). */
function watchDeployment(ctx: AppContext, id: string, abort: AbortController) {
  let lastBeat = Date.now();
  const timer = setInterval(() => {
    void (async () => {
      const [row] = await ctx.db
        .select({ cancel: deployments.cancelRequested })
        .from(deployments)
        .where(eq(deployments.id, id));
      if (row?.cancel && !abort.signal.aborted) abort.abort();
      if (Date.now() - lastBeat >= HEARTBEAT_MS) {
        lastBeat = Date.now();
        await ctx.db.update(deployments).set({ heartbeatAt: new Date() }).where(eq(deployments.id, id));
      }
    })().catch(() => {});
  }, CANCEL_POLL_MS);
  return { stop: () => clearInterval(timer) };
}

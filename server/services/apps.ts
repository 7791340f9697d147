import { and, asc, eq, gt } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { apps, type AppRow, type AppSource } from '../db/schema/apps.ts';
import { projects } from '../db/schema/projects.ts';
import { deployments } from '../db/schema/deployments.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { DEFAULT_PROJECT, ensureProject, getProject } from './projects.ts';
import { UUID_RE } from './names.ts';
import { bumpVersion } from './versions.ts';
import type { CreateApp, UpdateApp } from './app-schemas.ts';
import {
  inspectContainer,
  listManagedContainers,
  removeContainer,
  removeImage,
  type ContainerInfo,
} from '../engine/index.ts';

export interface AppView extends Omit<AppRow, 'deployKeyEncrypted'> {
  projectName: string;
  hasDeployKey: boolean;
}

export const deployKeyContext = (appId: string) => `app:${appId}:deploy_key`;

function toView(row: AppRow, projectName: string): AppView {
  const { deployKeyEncrypted, ...rest } = row;
  return { ...rest, projectName, hasDeployKey: deployKeyEncrypted !== null };
}

/** Splits the deploy key off the source: it is stored encrypted in its own column, never in JSON. */
function storedSource(source: CreateApp['source']): { source: AppSource; deployKey?: string } {
  if (source.type === 'git') {
    const { deployKey, ...rest } = source;
    return { source: rest, deployKey };
  }
  return { source };
}

/**
 * Apps by name, at most `limit` of them after `afterName` (keyset on the unique name, so the cost
 * is one page's, however many apps there are).
 */
export async function listApps(
  ctx: AppContext,
  filter: { project?: string; limit?: number; afterName?: string } = {},
): Promise<AppView[]> {
  const project = filter.project ? await getProject(ctx.db, filter.project) : undefined;
  const query = ctx.db
    .select({ app: apps, projectName: projects.name })
    .from(apps)
    .innerJoin(projects, eq(projects.id, apps.projectId))
    .where(
      and(
        project ? eq(apps.projectId, project.id) : undefined,
        filter.afterName !== undefined ? gt(apps.name, filter.afterName) : undefined,
      ),
    )
    .orderBy(asc(apps.name));
  const rows = await (filter.limit !== undefined ? query.limit(filter.limit) : query);
  return rows.map((r) => toView(r.app, r.projectName));
}

export async function findAppRow(ctx: AppContext, ref: string): Promise<AppRow | undefined> {
  const [row] = await ctx.db
    .select()
    .from(apps)
    .where(UUID_RE.test(ref) ? eq(apps.id, ref) : eq(apps.name, ref));
  return row;
}

/** By id or name; a clear not-found error otherwise. */
export async function getAppRow(ctx: AppContext, ref: string): Promise<AppRow> {
  const row = await findAppRow(ctx, ref);
  if (!row) throw new DomainError('not_found', `No app named or with id "${ref}".`, 'List apps to see what exists.');
  return row;
}

export async function getApp(ctx: AppContext, ref: string): Promise<AppView> {
  const row = await getAppRow(ctx, ref);
  const [project] = await ctx.db.select().from(projects).where(eq(projects.id, row.projectId));
  return toView(row, project?.name ?? '');
}

export type RuntimeState = 'not_deployed' | 'running' | 'stopped' | 'restarting' | 'missing' | 'unknown';

/** The app as the engine sees it now: state of the current deployment's container. */
export async function getAppRuntime(
  ctx: AppContext,
  app: AppRow,
): Promise<{ state: RuntimeState; container: ContainerInfo | null; detail?: string }> {
  if (!app.currentDeploymentId) return { state: 'not_deployed', container: null };
  const [current] = await ctx.db.select().from(deployments).where(eq(deployments.id, app.currentDeploymentId));
  if (!current?.containerId) return { state: 'missing', container: null };
  try {
    const info = await inspectContainer(ctx.docker, current.containerId);
    if (!info)
      return {
        state: 'missing',
        container: null,
        detail: 'The container was removed outside the panel. Redeploy to recreate it.',
      };
    const state: RuntimeState = info.running ? 'running' : info.state === 'restarting' ? 'restarting' : 'stopped';
    return { state, container: info };
  } catch (err) {
    return { state: 'unknown', container: null, detail: err instanceof Error ? err.message : String(err) };
  }
}

export async function createApp(ctx: AppContext, caller: Caller, input: CreateApp): Promise<AppView> {
  if (await findAppRow(ctx, input.name))
    throw new DomainError(
      'conflict',
      `An app named "${input.name}" already exists.`,
      'Pick another name or update the existing app.',
    );
  const project = await ensureProject(ctx.db, caller, input.project ?? DEFAULT_PROJECT);
  const { source, deployKey } = storedSource(input.source);
  const healthCheck = input.healthCheck ?? (input.port ? { type: 'tcp' as const } : { type: 'none' as const });
  const row = await audited(
    ctx.db,
    caller,
    { action: 'app.create', input: { ...input, source }, targetOf: (a: AppRow) => ({ type: 'app', id: a.id }) },
    async () =>
      ctx.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(apps)
          .values({
            projectId: project.id,
            name: input.name,
            source,
            port: input.port ?? null,
            command: input.command ?? null,
            healthCheck,
            healthTimeoutSeconds: input.healthTimeoutSeconds,
            restartPolicy: input.restartPolicy,
            cpus: input.cpus ?? null,
            memoryMb: input.memoryMb ?? null,
            volumes: input.volumes,
            buildArgs: input.buildArgs,
          })
          .returning();
        if (deployKey) {
          const [withKey] = await tx
            .update(apps)
            .set({ deployKeyEncrypted: ctx.secrets.encrypt(deployKey, deployKeyContext(created!.id)) })
            .where(eq(apps.id, created!.id))
            .returning();
          return withKey!;
        }
        return created!;
      }),
  );
  return toView(row, project.name);
}

export async function updateApp(ctx: AppContext, caller: Caller, ref: string, patch: UpdateApp): Promise<AppView> {
  const app = await getAppRow(ctx, ref);
  const { source: newSource, ...settings } = patch;
  const split = newSource ? storedSource(newSource) : undefined;
  const row = await audited(
    ctx.db,
    caller,
    { action: 'app.update', target: { type: 'app', id: app.id }, input: { ...patch, source: split?.source } },
    async () => {
      const [updated] = await ctx.db
        .update(apps)
        .set({
          ...settings,
          ...(split ? { source: split.source } : {}),
          ...(split?.deployKey
            ? { deployKeyEncrypted: ctx.secrets.encrypt(split.deployKey, deployKeyContext(app.id)) }
            : {}),
          // A source that is no longer git cannot keep a deploy key.
          ...(split && split.source.type !== 'git' ? { deployKeyEncrypted: null } : {}),
          updatedAt: new Date(),
        })
        .where(eq(apps.id, app.id))
        .returning();
      return updated!;
    },
  );
  return getApp(ctx, row.id);
}

/** For the pipeline only. */
export function readDeployKey(ctx: AppContext, app: AppRow): string | undefined {
  return app.deployKeyEncrypted ? ctx.secrets.decrypt(app.deployKeyEncrypted, deployKeyContext(app.id)) : undefined;
}

/**
 * Removes the app's containers and images from the engine first, then its rows; if the engine
 * is unreachable nothing is deleted, so no container is orphaned.
 */
export async function deleteApp(
  ctx: AppContext,
  caller: Caller,
  ref: string,
): Promise<{ removedContainers: number; removedImages: number }> {
  const app = await getAppRow(ctx, ref);
  return audited(
    ctx.db,
    caller,
    { action: 'app.delete', target: { type: 'app', id: app.id }, input: { name: app.name } },
    async () => {
      const containers = await listManagedContainers(ctx.docker, { app: app.id });
      for (const c of containers) await removeContainer(ctx.docker, c.id, { force: true });
      const rows = await ctx.db
        .select({ imageTag: deployments.imageTag })
        .from(deployments)
        .where(eq(deployments.appId, app.id));
      const tags = [
        ...new Set(rows.map((r) => r.imageTag).filter((t): t is string => !!t && t.startsWith('openpanel/'))),
      ];
      let removedImages = 0;
      for (const tag of tags) if (await removeImage(ctx.docker, tag, { force: true })) removedImages++;
      await ctx.db.transaction(async (tx) => {
        // The app's env vars go with it (cascade): other processes stop scrubbing their values.
        await tx.delete(apps).where(eq(apps.id, app.id));
        await bumpVersion(tx, 'secrets');
      });
      return { removedContainers: containers.length, removedImages };
    },
  );
}

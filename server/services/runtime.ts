import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import {
  followLogs,
  followStats,
  lineMatcher,
  inspectContainer,
  readLogs,
  readStats,
  restartContainer,
  startContainer,
  stopContainer,
  type ContainerInfo,
  type ContainerStats,
  type LogLine,
} from '../engine/index.ts';
import { collectSecretValues, liveSecrets, scrubText } from '../crypto/scrub.ts';
import { getAppRow } from './apps.ts';
import { currentDeployment } from './deployments.ts';

/** The live container of an app, or a clear error saying why there is none. */
async function liveContainer(
  ctx: AppContext,
  appRef: string,
): Promise<{ appId: string; appName: string; containerId: string }> {
  const app = await getAppRow(ctx, appRef);
  const current = await currentDeployment(ctx, app.id);
  if (!current?.containerId)
    throw new DomainError('invalid', `App ${app.name} has not been deployed yet.`, 'Deploy it first.');
  return { appId: app.id, appName: app.name, containerId: current.containerId };
}

async function lifecycle(
  ctx: AppContext,
  caller: Caller,
  appRef: string,
  action: 'start' | 'stop' | 'restart',
): Promise<ContainerInfo> {
  const live = await liveContainer(ctx, appRef);
  return audited(ctx.db, caller, { action: `app.${action}`, target: { type: 'app', id: live.appId } }, async () => {
    if (action === 'start') await startContainer(ctx.docker, live.containerId);
    else if (action === 'stop') await stopContainer(ctx.docker, live.containerId);
    else await restartContainer(ctx.docker, live.containerId);
    const info = await inspectContainer(ctx.docker, live.containerId);
    if (!info)
      throw new DomainError(
        'gone',
        `The container of ${live.appName} was removed outside the panel.`,
        'Deploy again to recreate it.',
      );
    return info;
  });
}

export const startApp = (ctx: AppContext, caller: Caller, appRef: string) => lifecycle(ctx, caller, appRef, 'start');
export const stopApp = (ctx: AppContext, caller: Caller, appRef: string) => lifecycle(ctx, caller, appRef, 'stop');
export const restartApp = (ctx: AppContext, caller: Caller, appRef: string) =>
  lifecycle(ctx, caller, appRef, 'restart');

export interface RuntimeLogQuery {
  tail?: number;
  since?: Date;
  filter?: string;
  stream?: 'stdout' | 'stderr';
}

export async function getAppLogs(ctx: AppContext, appRef: string, q: RuntimeLogQuery): Promise<LogLine[]> {
  const live = await liveContainer(ctx, appRef);
  const secrets = await collectSecretValues(ctx);
  // Scrubbed before the filter: a filter on part of a secret must not tell which lines hold it.
  return readLogs(ctx.docker, live.containerId, {
    tail: q.tail ?? 100,
    since: q.since,
    filter: q.filter,
    stream: q.stream,
    rewrite: (text) => scrubText(text, secrets),
  });
}

export async function followAppLogs(
  ctx: AppContext,
  appRef: string,
  q: RuntimeLogQuery,
  signal: AbortSignal,
): Promise<AsyncIterable<LogLine>> {
  const live = await liveContainer(ctx, appRef);
  // The filter is applied here, after scrubbing, for the same reason as in getAppLogs.
  const lines = followLogs(ctx.docker, live.containerId, {
    tail: q.tail ?? 100,
    since: q.since,
    stream: q.stream,
    signal,
  });
  const matches = lineMatcher({ filter: q.filter });
  const secrets = liveSecrets(ctx);
  return (async function* () {
    for await (const line of lines) {
      const text = scrubText(line.text, await secrets());
      const scrubbed = text === line.text ? line : { ...line, text };
      if (matches(scrubbed)) yield scrubbed;
    }
  })();
}

export async function getAppStats(ctx: AppContext, appRef: string): Promise<ContainerStats> {
  const live = await liveContainer(ctx, appRef);
  const info = await inspectContainer(ctx.docker, live.containerId);
  if (!info?.running)
    throw new DomainError('invalid', `App ${live.appName} is not running, so it has no live stats.`, 'Start it first.');
  return readStats(ctx.docker, live.containerId);
}

export async function followAppStats(
  ctx: AppContext,
  appRef: string,
  signal: AbortSignal,
): Promise<AsyncIterable<ContainerStats>> {
  const live = await liveContainer(ctx, appRef);
  return followStats(ctx.docker, live.containerId, signal);
}

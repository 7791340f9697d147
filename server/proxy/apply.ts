import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { apps } from '../db/schema/apps.ts';
import { projects } from '../db/schema/projects.ts';
import { deployments } from '../db/schema/deployments.ts';
import { domains } from '../db/schema/domains.ts';
import { DomainError } from '../errors.ts';
import { attachContainer, inspectContainer } from '../engine/index.ts';
import { networkName } from '../deploy/pipeline.ts';
import type { AppRoutes, ProxyKind, RouteSpec } from './driver.ts';
import { tlsMode } from './hosts.ts';
import { domainRuntime, withAppLock } from './runtime.ts';

/** What happened at the proxy, said plainly: it is shown with every domain change. */
export interface ProxyOutcome {
  proxy: ProxyKind;
  /** applied: routes are live · not_routed: domains wait for a running container · removed: nothing left to route · not_applied: no proxy · failed: the proxy refused or is down. */
  status: 'applied' | 'not_routed' | 'removed' | 'not_applied' | 'failed';
  /** Where the proxy sends traffic, e.g. 172.18.0.5:8080 or web:8080. */
  upstream?: string;
  note?: string;
}

export const NO_PROXY_NOTE =
  'No proxy is configured (OPENPANEL_PROXY=none): the domain is stored, but nothing routes it. Set OPENPANEL_PROXY=caddy or traefik and restart the panel; stored domains are applied at start-up.';

interface Plan {
  routes: AppRoutes;
  network?: string;
  outcome: Omit<ProxyOutcome, 'proxy'>;
}

/** The app's desired routes: its domains pointed at its live container, or none with a reason. */
async function planAppRoutes(ctx: AppContext, appId: string): Promise<Plan> {
  const { settings } = domainRuntime(ctx);
  const [row] = await ctx.db
    .select({ app: apps, projectName: projects.name })
    .from(apps)
    .innerJoin(projects, eq(projects.id, apps.projectId))
    .where(eq(apps.id, appId));
  if (!row)
    return {
      routes: { appId, appName: '', routes: [] },
      outcome: { status: 'removed', note: 'The app no longer exists; its routes were removed.' },
    };
  const { app, projectName } = row;
  const none = (status: 'removed' | 'not_routed', note: string): Plan => ({
    routes: { appId, appName: app.name, routes: [] },
    outcome: { status, note },
  });
  const rows = await ctx.db.select().from(domains).where(eq(domains.appId, appId)).orderBy(asc(domains.createdAt));
  if (!rows.length) return none('removed', `${app.name} has no domains; nothing is routed to it.`);

  const [current] = app.currentDeploymentId
    ? await ctx.db.select().from(deployments).where(eq(deployments.id, app.currentDeploymentId))
    : [];
  const waiting = `${app.name} has no running container, so its ${rows.length === 1 ? 'domain is' : `${rows.length} domains are`} not routed yet; routing starts by itself when it is deployed or started.`;
  if (!current?.containerId) return none('not_routed', waiting);
  const network = networkName(projectName);
  const info = await inspectContainer(ctx.docker, current.containerId, network);
  if (!info?.running) return none('not_routed', waiting);
  const host = settings.upstream === 'dns' ? app.name : info.ip;
  if (!host) return none('not_routed', `${info.name} has no address on the network ${network}; redeploy ${app.name}.`);

  const skipped: string[] = [];
  const routes: RouteSpec[] = [];
  for (const d of rows) {
    const port = d.targetPort ?? info.port ?? app.port;
    if (!port) {
      skipped.push(d.host);
      continue;
    }
    routes.push({
      domainId: d.id,
      host: d.host,
      pathPrefix: d.pathPrefix,
      https: d.https,
      redirectHttp: d.redirectHttp,
      tls: tlsMode(d.host, d.tls),
      upstream: { host, port },
    });
  }
  const upstream = [...new Set(routes.map((r) => `${r.upstream.host}:${r.upstream.port}`))].join(', ');
  const note = skipped.length
    ? `Not routed (no port known): ${skipped.join(', ')}. Set the app's port or the domain's targetPort.`
    : undefined;
  return {
    routes: { appId, appName: app.name, routes },
    network,
    outcome: { status: routes.length ? 'applied' : 'not_routed', upstream: upstream || undefined, note },
  };
}

/**
 * Brings the proxy in line with the app's domains and live container. Never throws for proxy
 * trouble: the outcome says what happened, so a stored domain is not lost to a proxy outage.
 */
export async function applyAppRoutes(ctx: AppContext, appId: string): Promise<ProxyOutcome> {
  const runtime = domainRuntime(ctx);
  const { driver, settings } = runtime;
  if (!driver) return { proxy: 'none', status: 'not_applied', note: NO_PROXY_NOTE };
  return withAppLock(runtime, appId, async () => {
    try {
      const plan = await planAppRoutes(ctx, appId);
      if (plan.network && plan.routes.routes.length && settings.upstream === 'dns' && settings.proxyContainer)
        await attachContainer(ctx.docker, settings.proxyContainer, plan.network);
      await driver.applyApp(plan.routes);
      return { proxy: driver.kind, ...plan.outcome };
    } catch (err) {
      const message =
        err instanceof DomainError ? [err.message, err.hint].filter(Boolean).join(' ') : (err as Error).message;
      ctx.logger.warn({ appId, err: message }, 'could not apply domain routes');
      return { proxy: driver.kind, status: 'failed', note: `${driver.describe()} was not updated: ${message}` };
    }
  });
}

/** Start-up reconciliation: every app with domains is applied; routes of apps that are gone are removed. */
export async function applyAllRoutes(
  ctx: AppContext,
): Promise<{ applied: Record<string, ProxyOutcome>; pruned: string[] }> {
  const { driver } = domainRuntime(ctx);
  if (!driver) return { applied: {}, pruned: [] };
  const appsWithDomains = async () =>
    new Set((await ctx.db.select({ appId: domains.appId }).from(domains)).map((r) => r.appId));
  const applied: Record<string, ProxyOutcome> = {};
  for (const appId of await appsWithDomains()) applied[appId] = await applyAppRoutes(ctx, appId);
  // Read again: a domain added meanwhile must not be pruned.
  const pruned = await driver.prune(await appsWithDomains());
  return { applied, pruned };
}

/** One sentence about the proxy, for tool output and people. */
export function describeOutcome(outcome: ProxyOutcome): string {
  const where = outcome.proxy === 'none' ? '' : ` (${outcome.proxy})`;
  switch (outcome.status) {
    case 'applied':
      return `Routed${where} to ${outcome.upstream}.${outcome.note ? ` ${outcome.note}` : ''}`;
    case 'removed':
      return `The proxy${where} no longer routes it.${outcome.note ? ` ${outcome.note}` : ''}`;
    default:
      return outcome.note ?? `Proxy status: ${outcome.status}.`;
  }
}

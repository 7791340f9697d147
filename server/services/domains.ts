import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { domains, type DomainRow } from '../db/schema/domains.ts';
import type { AppRow } from '../db/schema/apps.ts';
import { apps } from '../db/schema/apps.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { getAppRow } from './apps.ts';
import { UUID_RE } from './names.ts';
import { normalizeHost, normalizePathPrefix, tlsMode } from '../proxy/hosts.ts';
import { checkDns, type DnsCheck } from '../proxy/dns-check.ts';
import { applyAppRoutes, NO_PROXY_NOTE, type ProxyOutcome } from '../proxy/apply.ts';
import { domainRuntime } from '../proxy/runtime.ts';
import type { ProxyKind } from '../proxy/driver.ts';

/** Shared by the REST route and the add_domain tool: bad names fail before anyone approves anything. */
export const AddDomainInput = z.object({
  host: z
    .string()
    .min(1)
    .max(300)
    .superRefine((h, check) => {
      const result = normalizeHost(h);
      if ('error' in result) check.addIssue({ code: 'custom', message: result.error });
    })
    .describe('Host name to route, e.g. "app.example.com" or "api.localhost" (no scheme, port or path)'),
  pathPrefix: z
    .string()
    .max(200)
    .superRefine((p, check) => {
      const result = normalizePathPrefix(p);
      if ('error' in result) check.addIssue({ code: 'custom', message: result.error });
    })
    .optional()
    .describe('Only requests whose path starts with this go to the app, e.g. "/api"; default "/" (everything)'),
  targetPort: z
    .number()
    .int()
    .min(1)
    .max(65_535)
    .optional()
    .describe("Container port to send traffic to; default the app's port"),
  https: z.boolean().optional().describe('Serve over HTTPS with an automatic certificate; default true'),
  redirectHttp: z
    .boolean()
    .optional()
    .describe('Redirect plain HTTP to HTTPS; default true (ignored when https is false)'),
  tls: z
    .enum(['auto', 'acme', 'internal'])
    .optional()
    .describe(
      'Certificate source: auto (default; a local CA for localhost/.test/.local/.internal names and IPs, ACME for public names), acme or internal',
    ),
});
export type AddDomain = z.infer<typeof AddDomainInput>;

export interface DomainView {
  id: string;
  appId: string;
  host: string;
  pathPrefix: string;
  /** As stored; null means the app's port. */
  targetPort: number | null;
  https: boolean;
  redirectHttp: boolean;
  tls: 'auto' | 'acme' | 'internal';
  /** Where the certificate comes from for this name. */
  certificate: 'acme' | 'internal' | 'none';
  url: string;
  createdAt: Date;
}

export interface ProxyInfo {
  kind: ProxyKind;
  note?: string;
}

function toDomainView(row: DomainRow): DomainView {
  return {
    id: row.id,
    appId: row.appId,
    host: row.host,
    pathPrefix: row.pathPrefix,
    targetPort: row.targetPort,
    https: row.https,
    redirectHttp: row.redirectHttp,
    tls: row.tls,
    certificate: row.https ? tlsMode(row.host, row.tls) : 'none',
    url: `${row.https ? 'https' : 'http'}://${row.host}${row.pathPrefix}`,
    createdAt: row.createdAt,
  };
}

function proxyInfo(ctx: AppContext): ProxyInfo {
  const { driver } = domainRuntime(ctx);
  return driver ? { kind: driver.kind } : { kind: 'none', note: NO_PROXY_NOTE };
}

function checkDomainDns(ctx: AppContext, host: string): Promise<DnsCheck> {
  const runtime = domainRuntime(ctx);
  return checkDns(host, { resolver: runtime.resolver, serverAddresses: runtime.serverAddresses });
}

export async function listDomains(
  ctx: AppContext,
  appRef: string,
): Promise<{ app: AppRow; domains: (DomainView & { dns: DnsCheck })[]; proxy: ProxyInfo }> {
  const app = await getAppRow(ctx, appRef);
  const rows = await ctx.db
    .select()
    .from(domains)
    .where(eq(domains.appId, app.id))
    .orderBy(asc(domains.host), asc(domains.pathPrefix));
  const views = await Promise.all(
    rows.map(async (row) => ({ ...toDomainView(row), dns: await checkDomainDns(ctx, row.host) })),
  );
  return { app, domains: views, proxy: proxyInfo(ctx) };
}

function isUniqueViolation(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === '23505') return true;
  }
  return false;
}

export async function addDomain(
  ctx: AppContext,
  caller: Caller,
  appRef: string,
  input: AddDomain,
): Promise<{ domain: DomainView; dns: DnsCheck; proxy: ProxyOutcome }> {
  const app = await getAppRow(ctx, appRef);
  const normalized = normalizeHost(input.host);
  if ('error' in normalized) throw new DomainError('invalid', normalized.error);
  const prefix = normalizePathPrefix(input.pathPrefix ?? '/');
  if ('error' in prefix) throw new DomainError('invalid', prefix.error);
  const { host } = normalized;
  const pathPrefix = prefix.path;
  const https = input.https ?? true;
  const tls = input.tls ?? 'auto';
  if (input.targetPort === undefined && !app.port) {
    throw new DomainError(
      'invalid',
      `App ${app.name} has no port, so the proxy would not know where to send traffic.`,
      "Pass targetPort (the port the app listens on inside its container), or set the app's port with update_app.",
    );
  }

  const sameHost = await ctx.db
    .select({ domain: domains, appName: apps.name })
    .from(domains)
    .innerJoin(apps, eq(apps.id, domains.appId))
    .where(eq(domains.host, host));
  const taken = sameHost.find((r) => r.domain.pathPrefix === pathPrefix);
  if (taken) {
    throw new DomainError(
      'conflict',
      `${host}${pathPrefix === '/' ? '' : pathPrefix} is already routed to app ${taken.appName}.`,
      taken.appName === app.name
        ? 'It is already set up; list_domains shows it.'
        : `Remove it from ${taken.appName} first, or use another name or path prefix.`,
    );
  }
  // One certificate per name: every path of a host must agree on where it comes from.
  const clash = sameHost.find((r) => r.domain.https && https && tlsMode(host, r.domain.tls) !== tlsMode(host, tls));
  if (clash)
    throw new DomainError(
      'conflict',
      `${host} already gets its certificate from ${tlsMode(host, clash.domain.tls)} (path ${clash.domain.pathPrefix} of app ${clash.appName}).`,
      `Use tls "${tlsMode(host, clash.domain.tls)}" for this path too.`,
    );

  const values = {
    appId: app.id,
    host,
    pathPrefix,
    targetPort: input.targetPort ?? null,
    https,
    redirectHttp: input.redirectHttp ?? true,
    tls,
  };
  const row = await audited(
    ctx.db,
    caller,
    { action: 'domain.add', target: { type: 'app', id: app.id }, input: values },
    async () => {
      try {
        const [created] = await ctx.db.insert(domains).values(values).returning();
        return created!;
      } catch (err) {
        if (isUniqueViolation(err))
          throw new DomainError(
            'conflict',
            `${host}${pathPrefix === '/' ? '' : pathPrefix} was just added by someone else.`,
            'List the domains to see it.',
          );
        throw err;
      }
    },
  );
  const [dns, proxy] = await Promise.all([checkDomainDns(ctx, host), applyAppRoutes(ctx, app.id)]);
  return { domain: toDomainView(row), dns, proxy };
}

/** By id, or by host (and path prefix, default "/"), within the app. */
async function findDomain(ctx: AppContext, app: AppRow, ref: string, pathPrefix?: string): Promise<DomainRow> {
  if (UUID_RE.test(ref)) {
    const [row] = await ctx.db
      .select()
      .from(domains)
      .where(and(eq(domains.id, ref), eq(domains.appId, app.id)));
    if (!row)
      throw new DomainError(
        'not_found',
        `App ${app.name} has no domain with id ${ref}.`,
        'List its domains to see the ids.',
      );
    return row;
  }
  const host = normalizeHost(ref);
  const rows =
    'error' in host
      ? []
      : await ctx.db
          .select()
          .from(domains)
          .where(and(eq(domains.appId, app.id), eq(domains.host, host.host)));
  const wanted = pathPrefix === undefined ? undefined : normalizePathPrefix(pathPrefix);
  const path = wanted && 'path' in wanted ? wanted.path : undefined;
  const row =
    path !== undefined
      ? rows.find((r) => r.pathPrefix === path)
      : rows.length === 1
        ? rows[0]
        : rows.find((r) => r.pathPrefix === '/');
  if (!row) {
    const hint = rows.length
      ? `It has ${rows.map((r) => `${r.host}${r.pathPrefix}`).join(', ')}; give the path prefix too.`
      : 'List its domains to see what exists.';
    throw new DomainError(
      'not_found',
      `App ${app.name} has no domain ${ref}${path && path !== '/' ? path : ''}.`,
      hint,
    );
  }
  return row;
}

export async function removeDomain(
  ctx: AppContext,
  caller: Caller,
  appRef: string,
  ref: string,
  pathPrefix?: string,
): Promise<{ domain: DomainView; proxy: ProxyOutcome }> {
  const app = await getAppRow(ctx, appRef);
  const row = await findDomain(ctx, app, ref, pathPrefix);
  await audited(
    ctx.db,
    caller,
    {
      action: 'domain.remove',
      target: { type: 'app', id: app.id },
      input: { id: row.id, host: row.host, pathPrefix: row.pathPrefix },
    },
    async () => {
      await ctx.db.delete(domains).where(eq(domains.id, row.id));
    },
  );
  return { domain: toDomainView(row), proxy: await applyAppRoutes(ctx, app.id) };
}

import { canonicalJson } from '../approvals/canonical.ts';
import type { AppRoutes, ProxyDriver, RouteSpec } from './driver.ts';
import { CaddyAdmin } from './caddy-admin.ts';

/**
 * Caddy through its admin API. OpenPanel owns two servers in Caddy's http app: `openpanel` (TLS,
 * on Caddy's https_port) and `openpanel_http` (plain, on http_port: redirects to HTTPS, or serves
 * domains that opted out of HTTPS). Every route and TLS policy carries an `@id`, so an apply
 * patches or deletes exactly its own objects through `/id/<id>` and re-applying changes nothing.
 * Other servers in the same Caddy must not listen on those two ports.
 */

const HTTPS_SERVER = 'openpanel';
const HTTP_SERVER = 'openpanel_http';
const ROUTE_ID = /^openpanel-(https|http)-([0-9a-f-]{36})-([0-9a-f-]{36})$/;
const TLS_PREFIX = 'openpanel-tls-';

type CaddyRoute = {
  '@id'?: string;
  match?: { host?: string[]; path?: string[] }[];
  handle: Record<string, unknown>[];
  terminal?: boolean;
};
type CaddyServer = {
  listen?: string[];
  routes?: CaddyRoute[];
  automatic_https?: { disable_redirects?: boolean };
  tls_connection_policies?: object[];
};
type HttpApp = { http_port?: number; https_port?: number; servers?: Record<string, CaddyServer> };
type TlsPolicy = { '@id'?: string; subjects?: string[]; issuers?: { module: string }[] };

const routeId = (kind: 'https' | 'http', appId: string, domainId: string) => `openpanel-${kind}-${appId}-${domainId}`;
const tlsId = (host: string) => `${TLS_PREFIX}${host}`;

function fallback(server: string): CaddyRoute {
  return {
    '@id': `openpanel-fallback-${server}`,
    handle: [{ handler: 'static_response', status_code: 404, body: 'No app is routed at this address (OpenPanel).\n' }],
    terminal: true,
  };
}

function match(r: RouteSpec): CaddyRoute['match'] {
  return [{ host: [r.host], ...(r.pathPrefix === '/' ? {} : { path: [`${r.pathPrefix}*`] }) }];
}

const proxyTo = (r: RouteSpec) => ({
  handler: 'reverse_proxy',
  upstreams: [{ dial: `${r.upstream.host}:${r.upstream.port}` }],
});

/** The routes one app wants, per server. */
function caddyRoutes(app: AppRoutes, httpsPort: number): Record<string, CaddyRoute[]> {
  const port = httpsPort === 443 ? '' : `:${httpsPort}`;
  const https: CaddyRoute[] = [];
  const http: CaddyRoute[] = [];
  for (const r of app.routes) {
    if (r.https)
      https.push({
        '@id': routeId('https', app.appId, r.domainId),
        match: match(r),
        handle: [proxyTo(r)],
        terminal: true,
      });
    const redirect = {
      handler: 'static_response',
      status_code: 308,
      headers: { Location: [`https://{http.request.host}${port}{http.request.uri}`] },
    };
    http.push({
      '@id': routeId('http', app.appId, r.domainId),
      match: match(r),
      handle: [r.https && r.redirectHttp ? redirect : proxyTo(r)],
      terminal: true,
    });
  }
  return { [HTTPS_SERVER]: https, [HTTP_SERVER]: http };
}

/** Longer path prefixes must come first: Caddy runs the first matching terminal route. */
function specificity(route: CaddyRoute): number {
  if (route['@id']?.startsWith('openpanel-fallback')) return -1;
  return (route.match?.[0]?.path?.[0]?.length ?? 0) - (route.match?.[0]?.path ? 1 : 0);
}

export function createCaddyDriver(opts: { adminUrl: string; timeoutMs?: number }): ProxyDriver {
  const admin = new CaddyAdmin(opts.adminUrl, opts.timeoutMs);
  let chain: Promise<unknown> = Promise.resolve();
  // One change at a time: each apply reads, then writes, Caddy's current routes.
  const serialized = <T>(run: () => Promise<T>): Promise<T> => {
    const next = chain.then(run, run);
    chain = next.catch(() => undefined);
    return next;
  };

  async function ensureServers(): Promise<{ http: HttpApp; httpsPort: number }> {
    const http = (await admin.get<HttpApp>('/config/apps/http')) ?? {};
    const httpsPort = http.https_port ?? 443;
    const httpPort = http.http_port ?? 80;
    const wanted: Record<string, CaddyServer> = {
      [HTTPS_SERVER]: {
        listen: [`:${httpsPort}`],
        routes: [fallback(HTTPS_SERVER)],
        automatic_https: { disable_redirects: true },
        tls_connection_policies: [{}],
      },
      [HTTP_SERVER]: { listen: [`:${httpPort}`], routes: [fallback(HTTP_SERVER)] },
    };
    http.servers ??= {};
    const servers = http.servers;
    for (const [name, server] of Object.entries(wanted)) {
      if (!servers[name]) {
        await admin.put(`/config/apps/http/servers/${name}`, server);
        servers[name] = server;
      } else if (!servers[name].routes) {
        await admin.put(`/config/apps/http/servers/${name}/routes`, server.routes);
        servers[name].routes = server.routes;
      }
    }
    return { http, httpsPort };
  }

  /** Deletes stale routes of the app, patches changed ones, inserts new ones in order. */
  async function syncServer(
    name: string,
    current: CaddyRoute[],
    appId: string,
    desired: CaddyRoute[],
  ): Promise<CaddyRoute[]> {
    const list = [...current];
    const wantedIds = new Set(desired.map((r) => r['@id']));
    for (const route of current) {
      const id = route['@id'];
      if (id && ROUTE_ID.exec(id)?.[2] === appId && !wantedIds.has(id)) {
        await admin.delete(`/id/${id}`);
        list.splice(list.indexOf(route), 1);
      }
    }
    for (const route of desired) {
      const at = list.findIndex((r) => r['@id'] === route['@id']);
      if (at >= 0) {
        if (canonicalJson(list[at]) !== canonicalJson(route)) await admin.patch(`/id/${route['@id']}`, route);
        list[at] = route;
        continue;
      }
      const before = list.findIndex((r) => specificity(r) < specificity(route));
      const index = before < 0 ? list.length : before;
      await admin.put(`/config/apps/http/servers/${name}/routes/${index}`, route);
      list.splice(index, 0, route);
    }
    return list;
  }

  /** One automation policy per host (Caddy refuses a host in two policies), only for hosts still routed. */
  async function syncTls(httpsRoutes: CaddyRoute[], specs: RouteSpec[]): Promise<void> {
    const policies = (await admin.get<TlsPolicy[]>('/config/apps/tls/automation/policies')) ?? [];
    const routed = new Set(
      httpsRoutes.filter((r) => r['@id'] && ROUTE_ID.test(r['@id'])).flatMap((r) => r.match?.[0]?.host ?? []),
    );
    for (const p of policies) {
      const id = p['@id'];
      if (id?.startsWith(TLS_PREFIX) && !routed.has(id.slice(TLS_PREFIX.length))) await admin.delete(`/id/${id}`);
    }
    const modes = new Map(specs.filter((s) => s.https).map((s) => [s.host, s.tls]));
    for (const [host, mode] of modes) {
      const policy: TlsPolicy = {
        '@id': tlsId(host),
        subjects: [host],
        issuers: [{ module: mode === 'internal' ? 'internal' : 'acme' }],
      };
      const existing = policies.find((p) => p['@id'] === policy['@id']);
      if (existing && canonicalJson(existing) === canonicalJson(policy)) continue;
      if (existing) await admin.patch(`/id/${policy['@id']}`, policy);
      // First in the list: a catch-all policy (no subjects) must stay last.
      else if (policies.length) await admin.put('/config/apps/tls/automation/policies/0', policy);
      else await admin.put('/config/apps/tls/automation/policies', [policy]);
      if (!existing) policies.unshift(policy);
    }
  }

  return {
    kind: 'caddy',
    describe: () => `Caddy at ${opts.adminUrl}`,
    applyApp: (app) =>
      serialized(async () => {
        const { http, httpsPort } = await ensureServers();
        const desired = caddyRoutes(app, httpsPort);
        let httpsRoutes: CaddyRoute[] = [];
        for (const name of [HTTPS_SERVER, HTTP_SERVER]) {
          const result = await syncServer(name, http.servers![name]!.routes ?? [], app.appId, desired[name]!);
          if (name === HTTPS_SERVER) httpsRoutes = result;
        }
        await syncTls(httpsRoutes, app.routes);
      }),
    prune: (keep) =>
      serialized(async () => {
        const { http } = await ensureServers();
        const removed: string[] = [];
        let httpsRoutes: CaddyRoute[] = [];
        for (const name of [HTTPS_SERVER, HTTP_SERVER]) {
          const routes = [...(http.servers![name]!.routes ?? [])];
          for (const route of [...routes]) {
            const appId = route['@id'] ? ROUTE_ID.exec(route['@id'])?.[2] : undefined;
            if (appId && !keep.has(appId)) {
              await admin.delete(`/id/${route['@id']}`);
              routes.splice(routes.indexOf(route), 1);
              removed.push(route['@id']!);
            }
          }
          if (name === HTTPS_SERVER) httpsRoutes = routes;
        }
        await syncTls(httpsRoutes, []);
        return removed;
      }),
  };
}

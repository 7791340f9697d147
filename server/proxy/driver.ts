import type { Env } from '../env.ts';
import { createCaddyDriver } from './caddy.ts';
import { createTraefikDriver } from './traefik.ts';

/**
 * How the panel tells a reverse proxy where an app's domains go. A driver owns only what it
 * created (Caddy routes and TLS policies with OpenPanel ids, Traefik files with OpenPanel names)
 * and every call states the whole desired state of one app, so applying twice changes nothing.
 */

export type ProxyKind = 'none' | 'caddy' | 'traefik';
type UpstreamMode = 'ip' | 'dns';

/** One domain as the proxy routes it. */
export interface RouteSpec {
  domainId: string;
  host: string;
  /** "/" or a prefix without trailing slash, matched as a string prefix. */
  pathPrefix: string;
  https: boolean;
  redirectHttp: boolean;
  tls: 'acme' | 'internal';
  /** Where the live container answers: an IP or a Docker DNS name, and the container port. */
  upstream: { host: string; port: number };
}

export interface AppRoutes {
  appId: string;
  appName: string;
  /** Empty removes everything the proxy has for this app. */
  routes: RouteSpec[];
}

export interface ProxyDriver {
  readonly kind: Exclude<ProxyKind, 'none'>;
  /** Makes the proxy route exactly `app.routes` for this app. */
  applyApp(app: AppRoutes): Promise<void>;
  /** Removes what this driver applied for apps not in `keep` (deleted apps, start-up reconciliation). */
  prune(keep: ReadonlySet<string>): Promise<string[]>;
  /** Where the configuration goes, for messages ("Caddy at http://127.0.0.1:2019"). */
  describe(): string;
}

export interface ProxySettings {
  kind: ProxyKind;
  upstream: UpstreamMode;
  /** A proxy container to attach to project networks (dns upstreams), e.g. the compose traefik. */
  proxyContainer?: string;
}

/**
 * ip (Caddy's default): the panel and Caddy run on the host, where Docker's embedded DNS does not
 * answer, so the proxy dials the container's address on the project network. dns (Traefik's
 * default): the proxy runs in Docker on that network, so it dials the app's network alias, which
 * moves to the new container before a deployment goes live and survives container restarts.
 */
export function proxySettings(env: Env): ProxySettings {
  const kind = env.OPENPANEL_PROXY;
  const upstream = env.OPENPANEL_PROXY_UPSTREAM ?? (kind === 'traefik' ? 'dns' : 'ip');
  return { kind, upstream, proxyContainer: env.OPENPANEL_PROXY_CONTAINER };
}

export function createProxyDriver(env: Env): ProxyDriver | null {
  switch (env.OPENPANEL_PROXY) {
    case 'caddy':
      return createCaddyDriver({ adminUrl: env.OPENPANEL_CADDY_ADMIN_URL });
    case 'traefik':
      return createTraefikDriver({
        dir: env.OPENPANEL_TRAEFIK_DYNAMIC_DIR ?? `${env.dataDir}/traefik`,
        certResolver: env.OPENPANEL_TRAEFIK_CERT_RESOLVER,
      });
    default:
      return null;
  }
}

import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { AppRoutes, ProxyDriver, RouteSpec } from './driver.ts';
import { toYaml, type YamlValue } from './yaml.ts';

/**
 * Traefik through its file provider: one YAML file per app in the watched folder
 * (`--providers.file.directory=… --providers.file.watch=true`). A file is written to a temporary
 * name whose extension Traefik ignores, then renamed, so Traefik never reads half a file.
 * Entry points are the conventional `web` (:80) and `websecure` (:443). Local names get
 * `tls: {}` (Traefik's default certificate): Traefik has no internal CA; public names get the
 * configured ACME certificate resolver, which is defined in Traefik's static configuration.
 */

const FILE = /^openpanel-app-([0-9a-f-]{36})\.yml$/;
export const traefikFile = (appId: string) => `openpanel-app-${appId}.yml`;

export interface TraefikConfig {
  http: {
    routers: Record<
      string,
      { rule: string; entryPoints: string[]; service: string; middlewares?: string[]; tls?: { certResolver?: string } }
    >;
    services: Record<string, { loadBalancer: { servers: { url: string }[] } }>;
    middlewares?: Record<string, { redirectScheme: { scheme: 'https'; permanent: boolean } }>;
  };
}

function rule(r: RouteSpec): string {
  const host = `Host(\`${r.host}\`)`;
  return r.pathPrefix === '/' ? host : `${host} && PathPrefix(\`${r.pathPrefix}\`)`;
}

/** The dynamic configuration for one app; names are prefixed with the app's (unique) name. */
export function traefikConfig(app: AppRoutes, certResolver: string): TraefikConfig {
  const routers: TraefikConfig['http']['routers'] = {};
  const services: TraefikConfig['http']['services'] = {};
  const redirect = `${app.appName}-redirect-https`;
  let redirects = false;
  for (const r of app.routes) {
    const service = `${app.appName}-${r.upstream.port}`;
    services[service] = { loadBalancer: { servers: [{ url: `http://${r.upstream.host}:${r.upstream.port}` }] } };
    const name = `${app.appName}-${r.domainId.slice(0, 8)}`;
    if (r.https)
      routers[name] = {
        rule: rule(r),
        entryPoints: ['websecure'],
        service,
        tls: r.tls === 'acme' ? { certResolver } : {},
      };
    const redirecting = r.https && r.redirectHttp;
    redirects ||= redirecting;
    routers[`${name}-http`] = {
      rule: rule(r),
      entryPoints: ['web'],
      ...(redirecting ? { middlewares: [redirect] } : {}),
      service,
    };
  }
  return {
    http: {
      routers,
      services,
      ...(redirects ? { middlewares: { [redirect]: { redirectScheme: { scheme: 'https', permanent: true } } } } : {}),
    },
  };
}

export function traefikYaml(app: AppRoutes, certResolver: string): string {
  const header = `# Managed by OpenPanel for app "${app.appName}" (${app.appId}); rewritten on every deploy, do not edit.\n`;
  return header + toYaml(traefikConfig(app, certResolver) as unknown as YamlValue);
}

/** Writes next to the target and renames over it: readers see the old file or the new one. */
async function writeAtomically(file: string, content: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, content, { mode: 0o644 });
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

export function createTraefikDriver(opts: { dir: string; certResolver: string }): ProxyDriver {
  const dir = path.resolve(opts.dir);
  return {
    kind: 'traefik',
    describe: () => `Traefik file provider in ${dir}`,
    async applyApp(app) {
      const file = path.join(dir, traefikFile(app.appId));
      if (!app.routes.length) return fs.rm(file, { force: true });
      await fs.mkdir(dir, { recursive: true });
      const content = traefikYaml(app, opts.certResolver);
      const current = await fs.readFile(file, 'utf8').catch(() => null);
      if (current !== content) await writeAtomically(file, content);
    },
    async prune(keep) {
      const names = await fs.readdir(dir).catch(() => [] as string[]);
      const removed: string[] = [];
      for (const name of names) {
        const appId = FILE.exec(name)?.[1];
        // Temporary files left by a crash mid-write are ours too.
        const leftover = /^\.openpanel-app-.*\.tmp$/.test(name);
        if ((appId && !keep.has(appId)) || leftover) {
          await fs.rm(path.join(dir, name), { force: true });
          removed.push(name);
        }
      }
      return removed;
    },
  };
}

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parse } from 'yaml';
import type { AppRoutes } from './driver.ts';
import { createTraefikDriver, traefikConfig, traefikFile, traefikYaml } from './traefik.ts';

/**
 * No Traefik binary here, so the generated files are checked against Traefik v3's documented
 * file-provider format (routing/routers, services, middlewares/http/redirectscheme), written
 * strictly: a misspelt key such as `entrypoints` or `certresolver` fails.
 */
const Name = z.string().regex(/^[A-Za-z0-9_-]+$/, 'Traefik object names: no dots or @ (those mean a provider)');
const Rule = z.string().regex(/^Host\(`[a-z0-9.-]+`\)( && PathPrefix\(`\/[^`]*`\))?$/);
const TraefikDynamic = z.strictObject({
  http: z.strictObject({
    routers: z.record(
      Name,
      z.strictObject({
        rule: Rule,
        entryPoints: z.array(z.enum(['web', 'websecure'])).min(1),
        service: Name,
        middlewares: z.array(Name).optional(),
        priority: z.number().int().optional(),
        tls: z.strictObject({ certResolver: z.string().optional(), options: z.string().optional() }).optional(),
      }),
    ),
    services: z.record(
      Name,
      z.strictObject({
        loadBalancer: z.strictObject({
          servers: z.array(z.strictObject({ url: z.url({ protocol: /^https?$/ }) })).min(1),
          passHostHeader: z.boolean().optional(),
        }),
      }),
    ),
    middlewares: z
      .record(
        Name,
        z.strictObject({
          redirectScheme: z.strictObject({
            scheme: z.enum(['http', 'https']),
            port: z.string().optional(),
            permanent: z.boolean().optional(),
          }),
        }),
      )
      .optional(),
  }),
});

function validate(config: unknown): z.infer<typeof TraefikDynamic> {
  const parsed = TraefikDynamic.parse(config);
  for (const [name, router] of Object.entries(parsed.http.routers)) {
    expect(parsed.http.services[router.service], `router ${name} uses a service that is not defined`).toBeDefined();
    for (const m of router.middlewares ?? [])
      expect(parsed.http.middlewares?.[m], `router ${name} uses middleware ${m}`).toBeDefined();
  }
  return parsed;
}

const APP_ID = '0d2f6c1e-9a3b-4c5d-8e7f-112233445566';
const sample: AppRoutes = {
  appId: APP_ID,
  appName: 'web',
  routes: [
    {
      domainId: 'aaaa1111-0000-4000-8000-000000000001',
      host: 'web.example.com',
      pathPrefix: '/',
      https: true,
      redirectHttp: true,
      tls: 'acme',
      upstream: { host: 'web', port: 8080 },
    },
    {
      domainId: 'bbbb2222-0000-4000-8000-000000000002',
      host: 'web.localhost',
      pathPrefix: '/api',
      https: true,
      redirectHttp: false,
      tls: 'internal',
      upstream: { host: 'web', port: 9000 },
    },
    {
      domainId: 'cccc3333-0000-4000-8000-000000000003',
      host: 'plain.example.com',
      pathPrefix: '/',
      https: false,
      redirectHttp: true,
      tls: 'acme',
      upstream: { host: 'web', port: 8080 },
    },
  ],
};

const EXPECTED = `# Managed by OpenPanel for app "web" (${APP_ID}); rewritten on every deploy, do not edit.
http:
  routers:
    web-aaaa1111:
      rule: "Host(\`web.example.com\`)"
      entryPoints:
        - websecure
      service: web-8080
      tls:
        certResolver: letsencrypt
    web-aaaa1111-http:
      rule: "Host(\`web.example.com\`)"
      entryPoints:
        - web
      middlewares:
        - web-redirect-https
      service: web-8080
    web-bbbb2222:
      rule: "Host(\`web.localhost\`) && PathPrefix(\`/api\`)"
      entryPoints:
        - websecure
      service: web-9000
      tls: {}
    web-bbbb2222-http:
      rule: "Host(\`web.localhost\`) && PathPrefix(\`/api\`)"
      entryPoints:
        - web
      service: web-9000
    web-cccc3333-http:
      rule: "Host(\`plain.example.com\`)"
      entryPoints:
        - web
      service: web-8080
  services:
    web-8080:
      loadBalancer:
        servers:
          - url: "http://web:8080"
    web-9000:
      loadBalancer:
        servers:
          - url: "http://web:9000"
  middlewares:
    web-redirect-https:
      redirectScheme:
        scheme: https
        permanent: true
`;

describe('the Traefik file-provider configuration', () => {
  it('is exactly the expected YAML for a sample app', () => {
    expect(traefikYaml(sample, 'letsencrypt')).toBe(EXPECTED);
  });

  it('parses back to the same structure and fits Traefik’s documented format', () => {
    const parsed = parse(traefikYaml(sample, 'letsencrypt'));
    expect(parsed).toEqual(traefikConfig(sample, 'letsencrypt'));
    const config = validate(parsed);
    expect(config.http.routers['web-aaaa1111']!.tls).toEqual({ certResolver: 'letsencrypt' });
  });

  it('rejects what Traefik would not understand (the schema is not a rubber stamp)', () => {
    const good = traefikConfig(sample, 'le') as unknown as {
      http: { routers: Record<string, Record<string, unknown>> };
    };
    const bad = structuredClone(good);
    const router = bad.http.routers['web-aaaa1111']!;
    router.entrypoints = router.entryPoints;
    delete router.entryPoints;
    expect(() => validate(bad)).toThrow();
    expect(() =>
      validate({
        http: { routers: { x: { rule: 'Host(`a.b`)', entryPoints: ['web'], service: 'missing' } }, services: {} },
      }),
    ).toThrow(/service that is not defined/);
  });
});

describe('the Traefik driver', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-traefik-'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes one file per app atomically: a temp file Traefik ignores, renamed over the target', async () => {
    const driver = createTraefikDriver({ dir: path.join(dir, 'dynamic'), certResolver: 'letsencrypt' });
    const rename = vi.spyOn(fsp, 'rename');
    const writeFile = vi.spyOn(fsp, 'writeFile');
    await driver.applyApp(sample);
    const target = path.join(dir, 'dynamic', traefikFile(APP_ID));
    expect(fs.readFileSync(target, 'utf8')).toBe(EXPECTED);
    expect(writeFile).toHaveBeenCalledTimes(1);
    const tmp = String(writeFile.mock.calls[0]![0]);
    expect(tmp).not.toBe(target);
    expect(path.dirname(tmp)).toBe(path.dirname(target));
    expect(path.extname(tmp)).not.toMatch(/^\.(ya?ml|toml)$/);
    expect(rename).toHaveBeenCalledWith(tmp, target);
    expect(fs.readdirSync(path.join(dir, 'dynamic'))).toEqual([traefikFile(APP_ID)]);

    // The same state again writes nothing.
    await driver.applyApp(sample);
    expect(writeFile).toHaveBeenCalledTimes(1);
  });

  it('never shows a reader half a file while it rewrites', async () => {
    const driver = createTraefikDriver({ dir, certResolver: 'le' });
    const big = (n: number): AppRoutes => ({
      ...sample,
      routes: Array.from({ length: n }, (_, i) => ({
        ...sample.routes[0]!,
        domainId: `${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
        host: `h${i}.example.com`,
      })),
    });
    const versions = [traefikYaml(big(300), 'le'), traefikYaml(big(5), 'le')];
    await driver.applyApp(big(300));
    let writing = true;
    const reads: string[] = [];
    const reader = (async () => {
      while (writing) {
        reads.push(fs.readFileSync(path.join(dir, traefikFile(APP_ID)), 'utf8'));
        await new Promise((r) => setImmediate(r));
      }
    })();
    for (let i = 0; i < 40; i++) await driver.applyApp(big(i % 2 ? 300 : 5));
    writing = false;
    await reader;
    expect(reads.length).toBeGreaterThan(0);
    for (const content of reads) expect(versions).toContain(content);
  });

  it('removes an app’s file when it has no routes, and prunes files of apps that are gone', async () => {
    const driver = createTraefikDriver({ dir, certResolver: 'le' });
    const other = '99999999-9999-4999-8999-999999999999';
    await driver.applyApp(sample);
    await driver.applyApp({ ...sample, appId: other, appName: 'other' });
    fs.writeFileSync(path.join(dir, `.${traefikFile(other)}.dead.tmp`), 'half');
    fs.writeFileSync(path.join(dir, 'hand-written.yml'), 'http: {}\n');
    expect(await driver.prune(new Set([APP_ID]))).toEqual(
      expect.arrayContaining([traefikFile(other), `.${traefikFile(other)}.dead.tmp`]),
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['hand-written.yml', traefikFile(APP_ID)].sort());
    await driver.applyApp({ ...sample, routes: [] });
    expect(fs.readdirSync(dir)).toEqual(['hand-written.yml']);
  });
});

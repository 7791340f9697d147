import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';
import { BUSYBOX, cleanupEngine, deployAndWait, waitForDeployment } from '../test/deploy-helpers.ts';
import { inspectContainer } from '../engine/index.ts';
import { startDomainSync, type DomainSync } from './sync.ts';
import { applyAppRoutes } from './apply.ts';
import { configureDomains } from './runtime.ts';
import { CaddyAdmin } from './caddy-admin.ts';
import { eventually, httpGet, httpsGet, startTestCaddy, type TestCaddy } from './test-caddy.ts';

/**
 * The Caddy driver end to end: a real Caddy (admin API, internal CA), the real Docker engine, the
 * panel's REST API. App names carry a prefix: container names are global on the shared engine.
 */
let caddy: TestCaddy;
let panel: TestPanel;
let owner: Client;
let sync: DomainSync;
let ca: string;
const HOST = 'domweb.openpanel.test';
const timings: Record<string, number> = {};

const busyboxHttpd = (body: string) => [
  'sh',
  '-c',
  `mkdir -p /srv/api && echo "${body}" > /srv/index.html && echo "${body} api" > /srv/api/index.html && httpd -f -p 8080 -h /srv`,
];
// Fresh connections, like the driver: Caddy restarts its admin listener on every change.
const config = (path: string) => new CaddyAdmin(caddy.adminUrl).get<any>(`/config/${path}`);
const ourRoutes = async (server: string) =>
  ((await config(`apps/http/servers/${server}/routes`)) ?? [])
    .map((r: { '@id': string }) => r['@id'])
    .filter((id: string) => !id.startsWith('openpanel-fallback'));
const served = (path = '/') => httpsGet(caddy.httpsPort, HOST, path, ca);

async function containerIp(app: string): Promise<string> {
  const view = await (await owner.get(`/api/apps/${app}`)).json();
  return (await inspectContainer(panel.ctx.docker, view.runtime.container.id, 'openpanel-default'))!.ip!;
}

beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
  caddy = await startTestCaddy();
  panel = await createTestPanel(
    {
      OPENPANEL_PROXY: 'caddy',
      OPENPANEL_CADDY_ADMIN_URL: caddy.adminUrl,
      OPENPANEL_LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent',
    },
    { jobs: true },
  );
  sync = startDomainSync(panel.ctx);
  await sync.first;
  owner = await setupOwner(panel);
  ca = await caddy.rootCa();
});
afterAll(async () => {
  sync?.stop();
  if (panel) {
    await cleanupEngine(panel);
    await panel.close();
  }
  await caddy?.stop();
  if (Object.keys(timings).length) console.info('domain routing timings (ms):', timings);
});

describe('domains through a real Caddy', () => {
  it('routes a domain over HTTPS with the internal CA and redirects HTTP to HTTPS', async () => {
    await owner.post('/api/apps', {
      name: 'domweb',
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      command: busyboxHttpd('v1'),
      healthCheck: { type: 'http', path: '/' },
    });
    await deployAndWait(owner, 'domweb');

    const started = Date.now();
    const res = await owner.post('/api/apps/domweb/domains', { host: 'DomWeb.OpenPanel.test' });
    timings.addDomainRequest = Date.now() - started;
    expect(res.status, await res.clone().text()).toBe(201);
    const added = await res.json();
    expect(added.domain).toMatchObject({
      host: HOST,
      pathPrefix: '/',
      https: true,
      redirectHttp: true,
      certificate: 'internal',
      url: `https://${HOST}/`,
    });
    expect(added.dns).toEqual({ status: 'local', addresses: [] });
    expect(added.proxy).toEqual({ proxy: 'caddy', status: 'applied', upstream: `${await containerIp('domweb')}:8080` });

    const first = await eventually(
      () => served(),
      (r) => r.status === 200,
    );
    timings.firstHttpsResponse = first.ms;
    expect(first.value.body).toBe('v1\n');
    // Really TLS from Caddy's local CA: without that root the certificate is not trusted.
    await expect(httpsGet(caddy.httpsPort, HOST, '/', undefined)).rejects.toThrow(/certificate|self.signed|issuer/i);

    const plain = await httpGet(caddy.httpPort, HOST, '/some/page?x=1');
    expect(plain.status).toBe(308);
    expect(plain.headers.location).toBe(`https://${HOST}:${caddy.httpsPort}/some/page?x=1`);

    const policies = await config('apps/tls/automation/policies');
    expect(policies).toContainEqual({
      '@id': `openpanel-tls-${HOST}`,
      subjects: [HOST],
      issuers: [{ module: 'internal' }],
    });
  });

  it('is idempotent: applying the same state again leaves Caddy’s configuration untouched', async () => {
    const appId = (await (await owner.get('/api/apps/domweb')).json()).app.id;
    const before = await config('');
    const outcome = await applyAppRoutes(panel.ctx, appId);
    expect(outcome.status).toBe('applied');
    expect(await config('')).toEqual(before);
  });

  it('follows the app to the new container after a redeploy and after a rollback', async () => {
    await owner.patch('/api/apps/domweb', { command: busyboxHttpd('v2') });
    const v2 = await deployAndWait(owner, 'domweb');
    const afterDeploy = await eventually(
      () => served(),
      (r) => r.body === 'v2\n',
    );
    timings.switchAfterRedeploy = afterDeploy.ms;
    expect((await config('apps/http/servers/openpanel/routes'))[0].handle[0].upstreams).toEqual([
      { dial: `${await containerIp('domweb')}:8080` },
    ]);

    const back = await owner.post('/api/apps/domweb/rollback', {});
    expect(back.status).toBe(202);
    const rolled = await waitForDeployment(owner, (await back.json()).deployment.id, ['running']);
    expect(rolled.trigger).toBe('rollback');
    const afterRollback = await eventually(
      () => served(),
      (r) => r.body === 'v1\n',
    );
    timings.switchAfterRollback = afterRollback.ms;
    expect(v2.status).toBe('running');
  });

  it('with dns upstreams, dials the app by its network alias and attaches the proxy container to the project network', async () => {
    const name = `domproxy-${process.pid}`;
    const proxy = await panel.ctx.docker.createContainer({ name, Image: BUSYBOX, Cmd: ['sleep', '300'] });
    try {
      await proxy.start();
      configureDomains(panel.ctx, { settings: { upstream: 'dns', proxyContainer: name } });
      const appId = (await (await owner.get('/api/apps/domweb')).json()).app.id;
      expect(await applyAppRoutes(panel.ctx, appId)).toEqual({
        proxy: 'caddy',
        status: 'applied',
        upstream: 'domweb:8080',
      });
      expect((await config('apps/http/servers/openpanel/routes'))[0].handle[0].upstreams).toEqual([
        { dial: 'domweb:8080' },
      ]);
      expect(Object.keys((await proxy.inspect()).NetworkSettings.Networks)).toContain('openpanel-default');
      // Attaching again is a no-op, not an engine error.
      expect((await applyAppRoutes(panel.ctx, appId)).status).toBe('applied');
    } finally {
      configureDomains(panel.ctx);
      await proxy.remove({ force: true });
    }
    expect(
      (await applyAppRoutes(panel.ctx, (await (await owner.get('/api/apps/domweb')).json()).app.id)).upstream,
    ).toBe(`${await containerIp('domweb')}:8080`);
    expect((await served()).body).toBe('v1\n');
  });

  it('sends a longer path prefix of the same host to another app, and back when it is removed', async () => {
    await owner.post('/api/apps', {
      name: 'domapi',
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      command: busyboxHttpd('other'),
      healthCheck: { type: 'http', path: '/' },
    });
    await deployAndWait(owner, 'domapi');
    const res = await owner.post('/api/apps/domapi/domains', { host: HOST, pathPrefix: '/api/' });
    expect(res.status, await res.clone().text()).toBe(201);
    const { domain } = await res.json();
    expect(domain.pathPrefix).toBe('/api');
    expect(
      (
        await eventually(
          () => served('/api/'),
          (r) => r.status === 200,
        )
      ).value.body,
    ).toBe('other api\n');
    expect((await served('/')).body).toBe('v1\n');

    const removed = await owner.delete(`/api/apps/domapi/domains/${domain.id}`);
    expect(removed.status).toBe(200);
    expect((await removed.json()).proxy).toMatchObject({ proxy: 'caddy', status: 'removed' });
    expect((await served('/api/')).body).toBe('v1 api\n');
  });

  it('serves plain HTTP when a domain opts out of HTTPS, with no certificate policy for it', async () => {
    const res = await owner.post('/api/apps/domapi/domains', { host: 'plain.openpanel.test', https: false });
    expect(res.status, await res.clone().text()).toBe(201);
    expect((await res.json()).domain).toMatchObject({ certificate: 'none', url: 'http://plain.openpanel.test/' });
    expect(await httpGet(caddy.httpPort, 'plain.openpanel.test', '/')).toMatchObject({ status: 200, body: 'other\n' });
    const policies = (await config('apps/tls/automation/policies')).map((p: { '@id': string }) => p['@id']);
    expect(policies).not.toContain('openpanel-tls-plain.openpanel.test');
  });

  it('removes the routes of a deleted app (engine events), and restores lost routes at start-up', async () => {
    const apiId = (await (await owner.get('/api/apps/domapi')).json()).app.id;
    await owner.post('/api/apps/domapi/domains', { host: 'domapi.openpanel.test' });
    await eventually(
      () => ourRoutes('openpanel'),
      (ids: string[]) => ids.some((id) => id.includes(apiId)),
    );
    expect((await owner.delete('/api/apps/domapi')).status).toBe(200);
    const gone = await eventually(
      () => ourRoutes('openpanel'),
      (ids: string[]) => !ids.some((id) => id.includes(apiId)),
    );
    timings.routesGoneAfterAppDelete = gone.ms;
    // The certificate policy goes in the same apply, right after the routes: wait for it too.
    const policyIds = async () =>
      (await config('apps/tls/automation/policies')).map((p: { '@id': string }) => p['@id']);
    const policies = await eventually(policyIds, (ids: string[]) => ids.length === 1);
    expect(policies.value).toEqual([`openpanel-tls-${HOST}`]);

    // Caddy restarted without its config: the panel's start-up reconciliation puts the routes back.
    for (const server of ['openpanel', 'openpanel_http'])
      for (const id of await ourRoutes(server)) await new CaddyAdmin(caddy.adminUrl).delete(`/id/${id}`);
    expect((await httpGet(caddy.httpPort, HOST, '/')).status).toBe(404);
    sync.stop();
    sync = startDomainSync(panel.ctx);
    const { applied } = await sync.first;
    expect(Object.values(applied).map((o) => o.status)).toEqual(['applied']);
    expect((await httpGet(caddy.httpPort, HOST, '/')).status).toBe(308);
    expect(
      (
        await eventually(
          () => served(),
          (r) => r.status === 200,
        )
      ).value.body,
    ).toBe('v1\n');
  });

  it('stops serving a removed domain: HTTP and HTTPS answer 404 from the fallback', async () => {
    const { domains } = await (await owner.get('/api/apps/domweb/domains')).json();
    expect(domains).toHaveLength(1);
    const res = await owner.delete(`/api/apps/domweb/domains/${domains[0].id}`);
    expect(res.status).toBe(200);
    expect(await ourRoutes('openpanel')).toEqual([]);
    expect(await ourRoutes('openpanel_http')).toEqual([]);
    const plain = await httpGet(caddy.httpPort, HOST, '/');
    expect(plain).toMatchObject({ status: 404, body: 'No app is routed at this address (OpenPanel).\n' });
    // Caddy no longer manages a certificate for the name, so the TLS handshake itself fails.
    const secure = await httpsGet(caddy.httpsPort, HOST, '/', ca).then(
      (r) => `${r.status} ${r.body}`,
      (err: Error) => `tls error: ${err.message}`,
    );
    expect(secure).toMatch(/^tls error: .*alert internal error/);
    expect(await config('apps/tls/automation/policies')).toEqual([]);
  });
});

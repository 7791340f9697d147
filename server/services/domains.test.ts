import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPanel, createToken, setupOwner, userWithRole, Client, type TestPanel } from '../test/harness.ts';
import { findTool } from '../../tools/registry.ts';
import type { ToolContext } from '../../tools/define.ts';
import { startDomainSync, type DomainSync } from '../proxy/sync.ts';
import { configureDomains } from '../proxy/runtime.ts';
import { createTraefikDriver, traefikFile } from '../proxy/traefik.ts';
import { createCaddyDriver } from '../proxy/caddy.ts';
import type { DnsResolver } from '../proxy/dns-check.ts';

/** Domains through REST and the tools with no proxy (the default) and a Traefik folder; no engine needed. */
let panel: TestPanel;
let owner: Client;
let sync: DomainSync;
const HERE = '198.51.100.7';
const resolver: DnsResolver = {
  resolve4: async (h) => {
    const table: Record<string, string[]> = { 'here.example.com': [HERE], 'away.example.com': ['203.0.113.9'] };
    if (table[h]) return table[h];
    throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  },
  resolve6: async () => {
    throw Object.assign(new Error('ENODATA'), { code: 'ENODATA' });
  },
};

beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(async () => {
  sync?.stop();
  await panel?.close();
});
beforeEach(async () => {
  sync?.stop();
  await panel.reset();
  sync = startDomainSync(panel.ctx, { resolver, serverAddresses: [HERE] });
  owner = await setupOwner(panel);
  const res = await owner.post('/api/apps', {
    name: 'shop',
    source: { type: 'image', image: 'nginx:1.27' },
    port: 8080,
  });
  expect(res.status).toBe(201);
});

const add = (body: unknown, app = 'shop', client = owner) => client.post(`/api/apps/${app}/domains`, body);
const errorOf = async (res: Response) => ((await res.json()) as { error: { type: string; message: string } }).error;

describe('domains over REST with no proxy configured', () => {
  it('stores the domain, says plainly that nothing routes it, and warns when DNS points elsewhere', async () => {
    const res = await add({ host: 'Away.Example.com', pathPrefix: '/shop/' });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.domain).toMatchObject({
      host: 'away.example.com',
      pathPrefix: '/shop',
      targetPort: null,
      https: true,
      redirectHttp: true,
      tls: 'auto',
      certificate: 'acme',
      url: 'https://away.example.com/shop',
    });
    expect(body.proxy).toEqual({
      proxy: 'none',
      status: 'not_applied',
      note: expect.stringMatching(/OPENPANEL_PROXY=none\): the domain is stored, but nothing routes it/),
    });
    expect(body.dns).toMatchObject({
      status: 'elsewhere',
      addresses: ['203.0.113.9'],
      warning: expect.stringMatching(/not to this server \(198\.51\.100\.7\)/),
    });

    const here = await (await add({ host: 'here.example.com' })).json();
    expect(here.dns).toEqual({ status: 'ok', addresses: [HERE] });

    const list = await (await owner.get('/api/apps/shop/domains')).json();
    expect(list.proxy).toEqual({ kind: 'none', note: expect.stringMatching(/OPENPANEL_PROXY=none/) });
    expect(
      list.domains.map((d: { host: string; dns: { status: string; warning?: string } }) => [
        d.host,
        d.dns.status,
        !!d.dns.warning,
      ]),
    ).toEqual([
      ['away.example.com', 'elsewhere', true],
      ['here.example.com', 'ok', false],
    ]);
  });

  it('refuses bad input with a clear 4xx', async () => {
    const badHost = await add({ host: 'https://shop.example.com/' });
    expect(badHost.status).toBe(422);
    expect((await errorOf(badHost)).message).toMatch(/not a bare host name/);
    expect((await add({ host: 'shop..example.com' })).status).toBe(422);
    expect((await errorOf(await add({ host: 'shop.example.com', pathPrefix: 'shop' }))).message).toMatch(
      /starting with "\/"|must start with "\/"/,
    );
    expect((await add({ host: 'shop.example.com', targetPort: 70_000 })).status).toBe(422);

    expect((await add({ host: 'shop.example.com' })).status).toBe(201);
    const dup = await add({ host: 'SHOP.example.com' });
    expect(dup.status).toBe(409);
    expect((await errorOf(dup)).message).toMatch(/shop\.example\.com is already routed to app shop/);
    await owner.post('/api/apps', { name: 'other', source: { type: 'image', image: 'nginx:1.27' }, port: 80 });
    const elsewhere = await add({ host: 'shop.example.com' }, 'other');
    expect(elsewhere.status).toBe(409);
    expect((await errorOf(elsewhere)).message).toMatch(/Remove it from shop first/);
    const tlsClash = await add({ host: 'shop.example.com', pathPrefix: '/api', tls: 'internal' }, 'other');
    expect(tlsClash.status).toBe(409);
    expect((await errorOf(tlsClash)).message).toMatch(/already gets its certificate from acme/);

    const unknownApp = await add({ host: 'x.example.com' }, 'nope');
    expect(unknownApp.status).toBe(404);
    expect((await errorOf(unknownApp)).message).toMatch(/no app "nope"/i);
    expect((await owner.delete('/api/apps/shop/domains/3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f')).status).toBe(404);
    // remove_domain takes an id or a host name: an unknown one is simply not there.
    expect((await owner.delete('/api/apps/shop/domains/not-an-id')).status).toBe(404);

    await owner.post('/api/apps', { name: 'portless', source: { type: 'image', image: 'nginx:1.27' } });
    const noPort = await add({ host: 'portless.example.com' }, 'portless');
    expect(noPort.status).toBe(422);
    expect((await errorOf(noPort)).message).toMatch(/has no port.*Pass targetPort/);
    expect((await add({ host: 'portless.example.com', targetPort: 80 }, 'portless')).status).toBe(201);
  });

  it('lets viewers read, not write; agent tokens go through approvals instead; every change is audited', async () => {
    const viewer = await userWithRole(panel, owner, 'viewer');
    expect((await viewer.get('/api/apps/shop/domains')).status).toBe(200);
    expect((await add({ host: 'v.example.com' }, 'shop', viewer)).status).toBe(403);
    const agent = Client.withToken(panel, await createToken(owner, { kind: 'agent', scopes: ['read', 'write'] }));
    const asked = await add({ host: 'a.example.com' }, 'shop', agent);
    expect(asked.status).toBe(202);
    expect((await asked.json()).status).toBe('pending');

    const { domain } = await (await add({ host: 'audit.example.com' })).json();
    expect((await owner.delete(`/api/apps/shop/domains/${domain.id}`)).status).toBe(200);
    expect((await (await owner.get('/api/apps/shop/domains')).json()).domains).toEqual([]);
    const { entries } = await (await owner.get('/api/audit?action=domain.')).json();
    expect(
      entries.map((e: { action: string; targetId: string; result: string }) => [e.action, e.targetId, e.result]),
    ).toEqual([
      ['domain.remove', domain.appId, 'ok'],
      ['domain.add', domain.appId, 'ok'],
    ]);
  });
});

describe('the domain tools', () => {
  it('add, list and remove by host, with the DNS warning and the proxy note in the text a model reads', async () => {
    const { user } = (await (await owner.get('/api/auth/me')).json()) as { user: { id: string; email: string } };
    const ctx: ToolContext = {
      ...panel.ctx,
      caller: {
        actor: {
          type: 'user',
          userId: user.id,
          email: user.email,
          role: 'owner',
          via: 'session',
          scopes: ['read', 'write', 'approve', 'admin'],
        },
      },
    };
    const run = async (name: string, input: unknown) => {
      const tool = findTool(name)!;
      return tool.execute(tool.input.parse(input) as never, ctx);
    };
    const added = await run('add_domain', { app: 'shop', host: 'away.example.com', pathPrefix: '/api' });
    expect(added.text).toMatch(/^Added https:\/\/away\.example\.com\/api to shop/);
    expect(added.text).toMatch(/DNS warning: away\.example\.com resolves to 203\.0\.113\.9/);
    expect(added.text).toMatch(/OPENPANEL_PROXY=none/);
    const listed = await run('list_domains', { app: 'shop' });
    expect(listed.text).toMatch(
      /shop has 1 domain:\n- https:\/\/away\.example\.com\/api \(id [0-9a-f-]{36}; certificate acme, HTTP redirects to HTTPS\)\n {2}DNS warning:/,
    );
    await expect(
      run('remove_domain', { app: 'shop', domain: 'away.example.com', pathPrefix: '/other' }),
    ).rejects.toThrow(/has no domain away\.example\.com\/other/);
    const removed = await run('remove_domain', { app: 'shop', domain: 'away.example.com' });
    expect(removed.text).toMatch(/^Removed https:\/\/away\.example\.com\/api from shop\./);
    expect((await run('list_domains', { app: 'shop' })).text).toMatch(/shop has no domains/);
  });
});

describe('with a proxy but no running container', () => {
  it('keeps the domain when the proxy is down, and says what failed and that it is retried', async () => {
    configureDomains(panel.ctx, {
      resolver,
      serverAddresses: [HERE],
      driver: createCaddyDriver({ adminUrl: 'http://127.0.0.1:9', timeoutMs: 2_000 }),
    });
    const res = await add({ host: 'down.example.com' });
    expect(res.status).toBe(201);
    expect((await res.json()).proxy).toEqual({
      proxy: 'caddy',
      status: 'failed',
      note: expect.stringMatching(
        /^Caddy at http:\/\/127\.0\.0\.1:9 was not updated: Caddy's admin API at http:\/\/127\.0\.0\.1:9 did not answer \(.*ECONNREFUSED.*\)\. Start Caddy .* applied at the next deploy or panel start\.$/,
      ),
    });
    expect(
      (await (await owner.get('/api/apps/shop/domains')).json()).domains.map((d: { host: string }) => d.host),
    ).toEqual(['down.example.com']);
  });

  it('keeps the domain, routes nothing, and says it will apply when the app runs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-traefik-'));
    try {
      configureDomains(panel.ctx, {
        resolver,
        serverAddresses: [HERE],
        driver: createTraefikDriver({ dir, certResolver: 'le' }),
      });
      const body = await (await add({ host: 'shop.localhost' })).json();
      expect(body.dns).toEqual({ status: 'local', addresses: [] });
      expect(body.proxy).toEqual({
        proxy: 'traefik',
        status: 'not_routed',
        note: 'shop has no running container, so its domain is not routed yet; routing starts by itself when it is deployed or started.',
      });
      expect(fs.existsSync(path.join(dir, traefikFile(body.domain.appId)))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

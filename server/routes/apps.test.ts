import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { apps } from '../db/schema/apps.ts';
import { collectSecretValues, scrubLines } from '../crypto/scrub.ts';
import { readDeployKey } from '../services/apps.ts';
import { requestTool } from '../approvals/gate.ts';
import { scopesOfRole } from '../auth/permissions.ts';
import { Client, createTestPanel, createToken, setupOwner, userWithRole, type TestPanel } from '../test/harness.ts';
import { BUSYBOX, cleanupEngine, deployAndWait, httpGetApp } from '../test/deploy-helpers.ts';

let panel: TestPanel;
let owner: Client;
beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
  panel = await createTestPanel({}, { jobs: true });
});
afterAll(async () => {
  await cleanupEngine(panel);
  await panel.close();
});
beforeEach(async () => {
  await cleanupEngine(panel);
  await panel.reset();
  owner = await setupOwner(panel);
});

describe('apps and projects', () => {
  it('creates, lists, gets, updates and deletes apps, grouped in projects', async () => {
    const created = await owner.post('/api/apps', {
      name: 'api',
      project: 'shop',
      source: { type: 'image', image: 'nginx:1.27' },
      port: 80,
    });
    expect(created.status).toBe(201);
    const { app } = await created.json();
    expect(app).toMatchObject({
      name: 'api',
      projectName: 'shop',
      port: 80,
      healthCheck: { type: 'tcp' },
      restartPolicy: 'unless-stopped',
      currentDeploymentId: null,
    });
    await owner.post('/api/apps', { name: 'web', source: { type: 'image', image: 'nginx:1.27' } });

    expect((await (await owner.get('/api/apps')).json()).apps.map((a: { name: string }) => a.name)).toEqual([
      'api',
      'web',
    ]);
    expect(
      (await (await owner.get('/api/apps?project=shop')).json()).apps.map((a: { name: string }) => a.name),
    ).toEqual(['api']);
    const projects = await (await owner.get('/api/projects')).json();
    expect(projects.projects.map((p: { name: string; appCount: number }) => [p.name, p.appCount])).toEqual([
      ['default', 1],
      ['shop', 1],
    ]);

    const byName = await (await owner.get('/api/apps/api')).json();
    const byId = await (await owner.get(`/api/apps/${app.id}`)).json();
    expect(byName.app.id).toBe(byId.app.id);
    expect(byName.runtime).toMatchObject({ state: 'not_deployed', container: null });

    const patched = await owner.patch('/api/apps/api', {
      memoryMb: 256,
      cpus: 0.5,
      volumes: [{ name: 'api-data', target: '/data' }],
    });
    expect((await patched.json()).app).toMatchObject({
      memoryMb: 256,
      cpus: 0.5,
      volumes: [{ name: 'api-data', target: '/data' }],
    });

    expect((await owner.delete('/api/projects/shop')).status).toBe(409);
    expect((await owner.delete('/api/apps/api')).status).toBe(200);
    expect((await owner.delete('/api/projects/shop')).status).toBe(200);
    const audit = await (await owner.get('/api/audit?action=app.')).json();
    expect(audit.entries.map((e: { action: string }) => e.action).sort()).toEqual([
      'app.create',
      'app.create',
      'app.delete',
      'app.update',
    ]);
  });

  it('refuses bad input with 4xx messages that say what to fix', async () => {
    const cases: [unknown, number, RegExp][] = [
      [{ name: 'Bad_Name', source: { type: 'image', image: 'x' } }, 422, /lower-case letters/],
      [{ name: 'ok', source: { type: 'ftp', url: 'x' } }, 422, /source/],
      [{ name: 'ok', source: { type: 'git', url: 'https://x/y.git', subdir: '../etc' } }, 422, /inside the repository/],
      [{ name: 'ok', source: { type: 'image', image: 'x' }, port: 70000 }, 422, /port/],
      [
        { name: 'ok', source: { type: 'image', image: 'x' }, healthCheck: { type: 'http', path: 'health' } },
        422,
        /starting with \//,
      ],
      [{ name: 'ok', source: { type: 'tarball', uploadId: 'nope' } }, 422, /uploadId/],
    ];
    for (const [body, status, message] of cases) {
      const res = await owner.post('/api/apps', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).error.message, JSON.stringify(body)).toMatch(message);
    }
    await owner.post('/api/apps', { name: 'dup', source: { type: 'image', image: 'x' } });
    const dup = await owner.post('/api/apps', { name: 'dup', source: { type: 'image', image: 'x' } });
    expect(dup.status).toBe(409);
    expect((await owner.get('/api/apps/missing')).status).toBe(404);
    expect((await owner.patch('/api/apps/dup', {})).status).toBe(422);
    expect((await owner.put('/api/apps/dup/env', { vars: { '1BAD': 'x' } })).status).toBe(422);
    expect((await owner.post('/api/apps/dup/stop')).status).toBe(422);
    expect((await owner.post('/api/apps/dup/rollback', {})).status).toBe(422);
    expect(await panel.ctx.db.select().from(apps)).toHaveLength(1);
  });

  // create_app takes no deploy key: it is set on its own (set_deploy_key), so the key never sits in an app's input.
  it('keeps a git deploy key encrypted, never returns or logs it, and masks it where a log echoes it', async () => {
    const keyFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'op-key-')), 'id');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', '', '-f', keyFile]);
    const privateKey = fs.readFileSync(keyFile, 'utf8');
    const fingerprint = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${keyFile}.pub`], {
      encoding: 'utf8',
    }).split(' ')[1];
    const body = privateKey.split('\n').filter((l) => l && !l.startsWith('-----'));
    const leaks = (text: string) => body.some((line) => text.includes(line));

    await owner.post('/api/apps', { name: 'private', source: { type: 'git', url: 'git@github.com:acme/private.git' } });
    await owner.post('/api/apps', {
      name: 'public',
      source: { type: 'git', url: 'https://github.com/acme/public.git' },
    });
    const bad = await owner.put('/api/apps/private/deploy-key', {
      privateKey: fs.readFileSync(`${keyFile}.pub`, 'utf8'),
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toMatch(/public key; paste the private key/);
    const https = await owner.put('/api/apps/public/deploy-key', { privateKey });
    expect(https.status).toBe(422);
    expect((await https.json()).error.message).toMatch(/only works with an ssh URL/);

    const res = await owner.put('/api/apps/private/deploy-key', { privateKey });
    expect(res.status, await res.clone().text()).toBe(200);
    const text = await res.text();
    expect(leaks(text)).toBe(false);
    expect(JSON.parse(text)).toEqual({ app: 'private', hasDeployKey: true, fingerprint });
    const [row] = await panel.ctx.db.select().from(apps).where(eq(apps.name, 'private'));
    expect(leaks(JSON.stringify(row))).toBe(false);
    expect(row!.deployKeyEncrypted).toMatch(/^v1:/);
    expect(readDeployKey(panel.ctx, row!)).toBe(privateKey);
    expect((await (await owner.get('/api/apps/private')).json()).app).toMatchObject({
      hasDeployKey: true,
      source: { type: 'git', url: 'git@github.com:acme/private.git' },
    });
    for (const url of ['/api/apps/private', '/api/apps', '/api/audit'])
      expect(leaks(await (await owner.get(url)).text()), url).toBe(false);

    // A build that prints the key (line by line, as logs arrive) shows [redacted] instead.
    const echoed = await scrubLines(
      panel.ctx,
      body.map((line) => ({ text: `+ echo ${line}` })),
    );
    expect(echoed.map((l) => l.text)).toEqual(body.map(() => '+ echo [redacted]'));

    // A private key never passes through an assistant: agents are refused on every surface, and
    // nothing is stored for a person to approve.
    const agent = Client.withToken(panel, await createToken(owner, { kind: 'agent', scopes: ['read', 'write'] }));
    const refused = await agent.put('/api/apps/private/deploy-key', { privateKey });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/only a person can call it/);
    const { user } = await (await owner.get('/api/auth/me')).json();
    const ownerCaller = {
      actor: {
        type: 'user',
        userId: user.id,
        email: user.email,
        role: 'owner',
        via: 'session',
        scopes: scopesOfRole('owner'),
      },
    } as const;
    for (const via of ['chat', 'mcp'] as const) {
      await expect(
        requestTool(panel.ctx, {
          tool: 'set_deploy_key',
          input: { app: 'private', privateKey },
          caller: ownerCaller,
          via,
        }),
      ).rejects.toThrow(/only a person can call it/);
    }
    expect((await (await owner.get('/api/actions')).json()).actions).toHaveLength(0);

    const removed = await owner.delete('/api/apps/private/deploy-key');
    expect(await removed.json()).toEqual({ app: 'private', hasDeployKey: false, removed: true });
    expect((await (await owner.get('/api/apps/private')).json()).app.hasDeployKey).toBe(false);
    expect(await collectSecretValues(panel.ctx)).not.toContain(body[0]);
  });

  it('an agent token’s write waits for a person; viewers and operators are held to their roles', async () => {
    const agent = Client.withToken(panel, await createToken(owner, { kind: 'agent', scopes: ['read', 'write'] }));
    expect((await agent.get('/api/apps')).status).toBe(200);
    const write = await agent.post('/api/apps', { name: 'sneaky', source: { type: 'image', image: 'x' } });
    expect(write.status).toBe(202);
    expect(await write.json()).toMatchObject({ status: 'pending', action: { tool: 'create_app', status: 'pending' } });
    expect(await panel.ctx.db.select().from(apps)).toHaveLength(0);
    const viewer = await userWithRole(panel, owner, 'viewer');
    expect((await viewer.post('/api/apps', { name: 'v', source: { type: 'image', image: 'x' } })).status).toBe(403);
    const operator = await userWithRole(panel, owner, 'operator');
    await operator.post('/api/apps', { name: 'opapp', source: { type: 'image', image: 'x' } });
    expect((await operator.delete('/api/apps/opapp')).status).toBe(403);
  });
});

describe('runtime logs', () => {
  it('stream=stderr&tail=N returns the last N stderr lines, though stdout printed after them', async () => {
    const script =
      'for i in 1 2 3 4 5; do echo "err $i" >&2; done; sleep 0.2; for i in 1 2 3; do echo "out $i"; done; exec sleep 3600';
    const created = await owner.post('/api/apps', {
      name: 'noisy',
      source: { type: 'image', image: BUSYBOX },
      command: ['sh', '-c', script],
      healthCheck: { type: 'none' },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    await deployAndWait(owner, 'noisy');
    let lines: { stream: string; text: string }[] = [];
    // The container prints right after it starts; wait until stdout's lines are there too.
    for (let i = 0; i < 50 && !lines.some((l) => l.text === 'out 3'); i++) {
      lines = (await (await owner.get('/api/apps/noisy/logs')).json()).lines;
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await owner.get('/api/apps/noisy/logs?stream=stderr&tail=2');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.lines.map((l: { stream: string; text: string }) => [l.stream, l.text])).toEqual([
      ['stderr', 'err 4'],
      ['stderr', 'err 5'],
    ]);
  }, 120_000);
});

describe('uploads', () => {
  it('deploys an uploaded tarball with a Dockerfile', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'op-upload-'));
    fs.writeFileSync(
      path.join(dir, 'Dockerfile'),
      `FROM ${BUSYBOX}\nCOPY index.html /srv/index.html\nCMD ["httpd", "-f", "-p", "8080", "-h", "/srv"]\n`,
    );
    fs.writeFileSync(path.join(dir, 'index.html'), 'uploaded site\n');
    const archive = path.join(os.tmpdir(), `op-upload-${Date.now()}.tgz`);
    execFileSync('tar', ['czf', archive, '-C', dir, '.']);
    const res = await owner.request('POST', '/api/uploads', fs.readFileSync(archive), {
      'content-type': 'application/gzip',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const { uploadId, sha256 } = await res.json();
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    await owner.post('/api/apps', {
      name: 'site',
      source: { type: 'tarball', uploadId },
      port: 8080,
      healthCheck: { type: 'http', path: '/' },
    });
    await deployAndWait(owner, 'site');
    expect((await httpGetApp(panel, owner, 'site')).body).toBe('uploaded site\n');
  });

  it('refuses something that is not an archive', async () => {
    const res = await owner.request(
      'POST',
      '/api/uploads',
      'just some text, definitely not a tar archive '.repeat(20),
      { 'content-type': 'application/gzip' },
    );
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/not a .tar or .tar.gz/);
  });
});

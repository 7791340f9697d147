import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';
import {
  BUSYBOX,
  cleanupEngine,
  deployAndWait,
  httpGetApp,
  makeGitRepo,
  waitForDeployment,
} from '../test/deploy-helpers.ts';
import { inspectContainer, listManagedContainers } from '../engine/index.ts';
import { deployments } from '../db/schema/deployments.ts';
import { reconcile } from './reconcile.ts';

let panel: TestPanel;
let owner: Client;

beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh'], { stdio: 'inherit' });
  panel = await createTestPanel({ OPENPANEL_LOG_LEVEL: process.env.DEBUG_LOG ?? 'silent' }, { jobs: true });
  owner = await setupOwner(panel);
});
afterAll(async () => {
  await cleanupEngine(panel);
  await panel.close();
});

const busyboxHttpd = (body: string) => [
  'sh',
  '-c',
  `mkdir -p /srv && echo "${body}" > /srv/index.html && echo started && httpd -f -p 8080 -h /srv`,
];

describe('deploying on the real engine', () => {
  it('deploys a prebuilt image and serves HTTP', async () => {
    const create = await owner.post('/api/apps', {
      name: 'img',
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      command: busyboxHttpd('from image'),
      healthCheck: { type: 'http', path: '/' },
    });
    expect(create.status, await create.clone().text()).toBe(201);
    const d = await deployAndWait(owner, 'img');
    expect(d).toMatchObject({ number: 1, status: 'running', imageTag: 'openpanel/img:d1' });
    expect(await httpGetApp(panel, owner, 'img')).toEqual({ status: 200, body: 'from image\n' });
    const info = await inspectContainer(panel.ctx.docker, d.containerName);
    expect(info?.labels['dev.openpanel.deployment']).toBe(d.id);
    const logs = await (await owner.get(`/api/deployments/${d.id}/logs`)).json();
    expect(logs.lines.map((l: { text: string }) => l.text).join('\n')).toMatch(/is live/);
  });

  it('deploys from a local git repository with a Dockerfile, with build args and the commit recorded', async () => {
    const repo = makeGitRepo({
      Dockerfile: `FROM ${BUSYBOX}\nARG GREETING=none\nRUN mkdir -p /srv && echo "$GREETING" > /srv/index.html\nEXPOSE 8080\nCMD ["httpd", "-f", "-p", "8080", "-h", "/srv"]\n`,
      'README.md': '# demo\n',
    });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo.dir, encoding: 'utf8' }).trim();
    await owner.post('/api/apps', {
      name: 'gitapp',
      source: { type: 'git', url: repo.url, ref: 'main' },
      port: 8080,
      healthCheck: { type: 'http', path: '/' },
      buildArgs: [{ name: 'GREETING', value: 'hello from git' }],
    });
    const d = await deployAndWait(owner, 'gitapp');
    expect(d.commit).toBe(head);
    expect((await httpGetApp(panel, owner, 'gitapp')).body).toBe('hello from git\n');
    const logs = await (await owner.get(`/api/deployments/${d.id}/logs`)).json();
    const text = logs.lines.map((l: { text: string }) => l.text).join('\n');
    expect(text).toMatch(/Step \d\/\d|RUN mkdir/);
  });

  it('keeps the old container serving when the new one fails its health check, and rolls back', async () => {
    await owner.post('/api/apps', {
      name: 'roll',
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      command: busyboxHttpd('v1'),
      healthCheck: { type: 'http', path: '/' },
      healthTimeoutSeconds: 5,
    });
    const v1 = await deployAndWait(owner, 'roll');
    await owner.patch('/api/apps/roll', { command: busyboxHttpd('v2') });
    const v2 = await deployAndWait(owner, 'roll');
    expect((await httpGetApp(panel, owner, 'roll')).body).toBe('v2\n');
    expect((await (await owner.get(`/api/deployments/${v1.id}`)).json()).deployment.status).toBe('superseded');

    // v3 never becomes healthy: its HTTP path is missing.
    await owner.patch('/api/apps/roll', { healthCheck: { type: 'http', path: '/missing' } });
    const v3 = await deployAndWait(owner, 'roll', ['failed']);
    expect(v3.error).toMatch(/did not become healthy/);
    expect((await httpGetApp(panel, owner, 'roll')).body).toBe('v2\n');
    const { app } = await (await owner.get('/api/apps/roll')).json();
    expect(app.currentDeploymentId).toBe(v2.id);
    expect(await listManagedContainers(panel.ctx.docker, { deployment: v3.id })).toHaveLength(0);

    // Roll back to the previous successful deployment (v1), then to v2 by id.
    await owner.patch('/api/apps/roll', { healthCheck: { type: 'http', path: '/' } });
    const back = await owner.post('/api/apps/roll/rollback', {});
    expect(back.status).toBe(202);
    const r1 = await waitForDeployment(owner, (await back.json()).deployment.id, ['running']);
    expect(r1).toMatchObject({ trigger: 'rollback', rollbackOf: v1.id, imageTag: v1.imageTag });
    expect((await httpGetApp(panel, owner, 'roll')).body).toBe('v1\n');
    expect((await (await owner.get(`/api/deployments/${v2.id}`)).json()).deployment.status).toBe('rolled_back');
    const again = await owner.post('/api/apps/roll/rollback', { deployment: v2.id });
    await waitForDeployment(owner, (await again.json()).deployment.id, ['running']);
    expect((await httpGetApp(panel, owner, 'roll')).body).toBe('v2\n');
    const failedTarget = await owner.post('/api/apps/roll/rollback', { deployment: v3.id });
    expect(failedTarget.status).toBe(422);
    // Only the live container remains once the old one has been stopped (right after the switch).
    const { app: app2 } = await (await owner.get('/api/apps/roll')).json();
    let containers = await listManagedContainers(panel.ctx.docker, { app: app2.id });
    for (let i = 0; i < 50 && containers.length > 1; i++) {
      await new Promise((r) => setTimeout(r, 200));
      containers = await listManagedContainers(panel.ctx.docker, { app: app2.id });
    }
    expect(containers.map((c) => c.labels['dev.openpanel.deployment'])).toEqual([app2.currentDeploymentId]);
  });

  it('a failing build ends failed with its log lines kept', async () => {
    const repo = makeGitRepo({
      Dockerfile: `FROM ${BUSYBOX}\nRUN echo "compiling the thing"\nRUN sh -c 'echo "boom: missing dependency" >&2; exit 3'\n`,
    });
    await owner.post('/api/apps', { name: 'broken', source: { type: 'git', url: repo.url } });
    const d = await deployAndWait(owner, 'broken', ['failed']);
    expect(d.error).toMatch(/build failed/i);
    const logs = await (await owner.get(`/api/deployments/${d.id}/logs`)).json();
    const text = logs.lines.map((l: { text: string }) => l.text).join('\n');
    expect(text).toMatch(/compiling the thing/);
    expect(text).toMatch(/boom: missing dependency/);
    expect(logs.lines.map((l: { seq: number }) => l.seq)).toEqual([...logs.lines.keys()].map((i) => i + 1));
  });

  it('cancel stops a running build', async () => {
    const repo = makeGitRepo({ Dockerfile: `FROM ${BUSYBOX}\nRUN echo "long step begins" && sleep 120\n` });
    await owner.post('/api/apps', { name: 'slow', source: { type: 'git', url: repo.url } });
    const { deployment } = await (await owner.post('/api/apps/slow/deploy')).json();
    await waitForDeployment(owner, deployment.id, ['building']);
    // Wait until the build step is really running.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      const logs = await (await owner.get(`/api/deployments/${deployment.id}/logs`)).json();
      if (logs.lines.some((l: { text: string }) => l.text.includes('long step begins'))) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const started = Date.now();
    const cancel = await owner.post(`/api/deployments/${deployment.id}/cancel`);
    expect(cancel.status).toBe(200);
    const done = await waitForDeployment(owner, deployment.id, ['cancelled'], 30_000);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(done.error).toMatch(/Cancelled/);
    const again = await owner.post(`/api/deployments/${deployment.id}/cancel`);
    expect(again.status).toBe(409);
  });

  it('an env var reaches the container, and is not in the database, the logs or any response', async () => {
    const CANARY = 'canary-5f3a9e-secret-value';
    await owner.post('/api/apps', {
      name: 'envapp',
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      command: [
        'sh',
        '-c',
        'mkdir -p /srv && printf "%s" "$API_SECRET" > /srv/secret.txt && echo ok > /srv/index.html && httpd -f -p 8080 -h /srv',
      ],
      healthCheck: { type: 'http', path: '/' },
    });
    const set = await owner.put('/api/apps/envapp/env', {
      vars: [
        { name: 'API_SECRET', value: CANARY },
        { name: 'LOG_LEVEL', value: 'debug' },
      ],
    });
    expect(set.status).toBe(200);
    const responses: string[] = [await set.text()];
    const d = await deployAndWait(owner, 'envapp');
    expect((await httpGetApp(panel, owner, 'envapp', '/secret.txt')).body).toBe(CANARY);

    for (const url of [
      '/api/apps/envapp',
      '/api/apps/envapp/env',
      `/api/deployments/${d.id}`,
      `/api/deployments/${d.id}/logs`,
      '/api/apps/envapp/deployments',
      '/api/audit',
      '/api/apps',
    ]) {
      responses.push(await (await owner.get(url)).text());
    }
    for (const body of responses) expect(body).not.toContain(CANARY);
    const env = await (await owner.get('/api/apps/envapp/env')).json();
    expect(env.vars.map((v: { name: string }) => v.name)).toEqual(['API_SECRET', 'LOG_LEVEL']);

    const tables = (await panel.ctx.db.execute(
      sql`select tablename from pg_tables where schemaname = 'public'`,
    )) as unknown as { rows: { tablename: string }[] };
    for (const { tablename } of tables.rows) {
      const dump = (await panel.ctx.db.execute(sql.raw(`select * from "${tablename}"`))) as unknown as {
        rows: unknown[];
      };
      expect(JSON.stringify(dump.rows), tablename).not.toContain(CANARY);
    }

    // Admins can reveal it, and that is audited.
    const reveal = await owner.get('/api/apps/envapp/env/API_SECRET/value');
    expect(await reveal.json()).toEqual({ name: 'API_SECRET', value: CANARY });
    const audit = await (await owner.get('/api/audit?action=env.reveal')).json();
    expect(audit.entries).toHaveLength(1);
    const unset = await (await owner.post('/api/apps/envapp/env/unset', { names: ['LOG_LEVEL', 'NOPE'] })).json();
    expect(unset).toMatchObject({ removed: ['LOG_LEVEL'], missing: ['NOPE'] });
  });

  it('restart, stop and start change the engine state; stats are live', async () => {
    await owner.post('/api/apps', {
      name: 'life',
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      command: busyboxHttpd('life'),
      healthCheck: { type: 'tcp' },
    });
    const d = await deployAndWait(owner, 'life');
    const before = await inspectContainer(panel.ctx.docker, d.containerName);
    const restart = await (await owner.post('/api/apps/life/restart')).json();
    expect(restart.container.running).toBe(true);
    expect(restart.container.startedAt).not.toBe(before!.startedAt);
    expect((await (await owner.post('/api/apps/life/stop')).json()).container.running).toBe(false);
    expect((await inspectContainer(panel.ctx.docker, d.containerName))!.running).toBe(false);
    expect((await (await owner.get('/api/apps/life')).json()).runtime.state).toBe('stopped');
    const stats422 = await owner.get('/api/apps/life/stats');
    expect(stats422.status).toBe(422);
    expect((await (await owner.post('/api/apps/life/start')).json()).container.running).toBe(true);
    const { stats } = await (await owner.get('/api/apps/life/stats')).json();
    expect(stats.memoryBytes).toBeGreaterThan(0);
    expect(stats.cpuPercent).toBeGreaterThanOrEqual(0);
  });

  it('streams runtime logs to an SSE client with stdout and stderr apart', async () => {
    await owner.post('/api/apps', {
      name: 'chatty',
      source: { type: 'image', image: BUSYBOX },
      command: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "out $i"; echo "err $i" >&2; sleep 0.2; done'],
    });
    await deployAndWait(owner, 'chatty');
    const res = await owner.get('/api/apps/chatty/logs/stream?tail=1');
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const deadline = Date.now() + 10_000;
    while (
      Date.now() < deadline &&
      !((text.match(/event: stdout/g)?.length ?? 0) >= 3 && (text.match(/event: stderr/g)?.length ?? 0) >= 3)
    ) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    const events = text.split('\n\n').filter((e) => e.includes('event: std'));
    for (const e of events) {
      const kind = /event: (stdout|stderr)/.exec(e)![1];
      const data = JSON.parse(/data: (.*)/.exec(e)![1]!);
      expect(data.text.startsWith(kind === 'stdout' ? 'out ' : 'err ')).toBe(true);
    }
    const errOnly = await (await owner.get('/api/apps/chatty/logs?tail=20&stream=stderr')).json();
    expect(errOnly.lines.length).toBeGreaterThan(0);
    expect(
      errOnly.lines.every((l: { stream: string; text: string }) => l.stream === 'stderr' && l.text.startsWith('err')),
    ).toBe(true);
    const filtered = await (await owner.get('/api/apps/chatty/logs?tail=200&filter=OUT%201')).json();
    expect(filtered.lines.every((l: { text: string }) => l.text.toLowerCase().includes('out 1'))).toBe(true);
  });

  it('streams build logs live over SSE until the deployment ends', async () => {
    const repo = makeGitRepo({
      Dockerfile: `FROM ${BUSYBOX}\nRUN echo "step one" && sleep 1 && echo "step two"\nCMD ["sleep", "3600"]\n`,
    });
    await owner.post('/api/apps', { name: 'streamed', source: { type: 'git', url: repo.url } });
    const { deployment } = await (await owner.post('/api/apps/streamed/deploy')).json();
    const res = await owner.get(`/api/deployments/${deployment.id}/logs/stream`);
    const text = await res.text(); // ends by itself at `end`
    expect(text).toMatch(/event: log\ndata: .*step one/);
    expect(text).toMatch(/step two/);
    expect(text).toMatch(/event: end\ndata: {"status":"running"}/);
    expect(text).toMatch(/id: 1\n/);
  });

  it('deleting an app removes its containers and images', async () => {
    await owner.post('/api/apps', {
      name: 'gone',
      source: { type: 'image', image: BUSYBOX },
      command: ['sleep', '3600'],
    });
    const d = await deployAndWait(owner, 'gone');
    const del = await owner.delete('/api/apps/gone');
    expect(del.status).toBe(200);
    expect((await del.json()).removedContainers).toBe(1);
    expect(await inspectContainer(panel.ctx.docker, d.containerName)).toBeNull();
    expect((await owner.get('/api/apps/gone')).status).toBe(404);
  });

  it('reconciliation fails deployments whose worker died, instead of leaving them building', async () => {
    await owner.post('/api/apps', {
      name: 'orphan',
      source: { type: 'image', image: BUSYBOX },
      command: ['sleep', '3600'],
    });
    const { app } = await (await owner.get('/api/apps/orphan')).json();
    const [stuck] = await panel.ctx.db
      .insert(deployments)
      .values({
        appId: app.id,
        number: 99,
        status: 'building',
        createdBy: 'test',
        settings: {
          port: null,
          command: null,
          healthCheck: { type: 'none' },
          healthTimeoutSeconds: 60,
          restartPolicy: 'no',
          cpus: null,
          memoryMb: null,
          volumes: [],
        },
        heartbeatAt: new Date(Date.now() - 10 * 60_000),
      })
      .returning();
    const report = await reconcile(panel.ctx, { staleAfterMs: 60_000 });
    expect(report.interrupted).toContain(stuck!.id);
    const { deployment: after } = await (await owner.get(`/api/deployments/${stuck!.id}`)).json();
    expect(after.status).toBe('failed');
    expect(after.error).toMatch(/Interrupted/);
  });
});

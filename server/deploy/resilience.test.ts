import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type TestPanel } from '../test/harness.ts';
import { BUSYBOX, cleanupEngine, waitForDeployment } from '../test/deploy-helpers.ts';
import { freePort } from '../test/global-setup.ts';
import { reconcile } from './reconcile.ts';
import { deployments } from '../db/schema/deployments.ts';
import { eq } from 'drizzle-orm';

beforeAll(() => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
});

/** A unix-socket relay to the real engine that can be switched off and on: Docker "down" and "back". */
function engineRelay(socketPath: string) {
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect('/var/run/docker.sock');
    open.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  return {
    up: () => new Promise<void>((resolve) => server.listen(socketPath, resolve)),
    down: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        open.clear();
        server.close(() => resolve());
      }),
  };
}

describe('when the Docker engine is down', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'op-relay-'));
  const socket = path.join(dir, 'docker.sock');
  const relay = engineRelay(socket);
  let panel: TestPanel;
  beforeAll(async () => {
    panel = await createTestPanel({ DOCKER_HOST: `unix://${socket}` }, { jobs: true });
  });
  afterAll(async () => {
    await cleanupEngine(panel).catch(() => {});
    await panel.close();
    await relay.down().catch(() => {});
  });

  it('says so clearly, keeps the deployment queued, and finishes it once the engine is back', async () => {
    const owner = await setupOwner(panel);
    const ready = await owner.get('/api/ready');
    expect(ready.status).toBe(503);
    expect((await ready.json()).checks.docker.status).toBe('error');

    await owner.post('/api/apps', {
      name: 'patient',
      source: { type: 'image', image: BUSYBOX },
      command: ['sleep', '3600'],
    });
    const { deployment } = await (await owner.post('/api/apps/patient/deploy')).json();
    let d: Record<string, any> = {};
    for (let i = 0; i < 50 && !d.error; i++) {
      await new Promise((r) => setTimeout(r, 100));
      d = (await (await owner.get(`/api/deployments/${deployment.id}`)).json()).deployment;
    }
    expect(d.status).toBe('queued');
    expect(d.error).toMatch(/Docker engine is not reachable/);
    const logs = await (await owner.get(`/api/deployments/${deployment.id}/logs`)).json();
    expect(logs.lines.map((l: { text: string }) => l.text).join('\n')).toMatch(/Waiting to retry/);

    await relay.up();
    await waitForDeployment(owner, deployment.id, ['running'], 60_000);
    // The same deployment ran again (attempts are not part of the API's deployment view).
    const [row] = await panel.ctx.db.select().from(deployments).where(eq(deployments.id, deployment.id));
    expect(row!.attempts).toBeGreaterThan(1);
    expect((await owner.get('/api/ready')).status).toBe(200);
  }, 90_000);
});

describe('when Redis is down', () => {
  let redis: ChildProcess | undefined;
  let port: number;
  let panel: TestPanel;
  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((resolve) =>
        net
          .connect(port, '127.0.0.1')
          .on('connect', function (this: net.Socket) {
            this.end();
            resolve(true);
          })
          .on('error', () => resolve(false)),
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('redis did not start');
  };
  const stopRedis = () =>
    new Promise((resolve) => {
      redis!.once('exit', resolve);
      redis!.kill('SIGKILL');
    });

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    panel = await createTestPanel({ REDIS_URL: `redis://127.0.0.1:${port}` }, { jobs: true });
  });
  afterAll(async () => {
    await cleanupEngine(panel).catch(() => {});
    await panel.close();
    redis?.kill('SIGKILL');
  });

  it('deploys through BullMQ; with Redis down the request says so, and the deployment runs once Redis is back', async () => {
    expect(panel.ctx.jobs.kind).toBe('bullmq');
    const owner = await setupOwner(panel);
    await owner.post('/api/apps', {
      name: 'queued-app',
      source: { type: 'image', image: BUSYBOX },
      command: ['sleep', '3600'],
    });
    const first = await (await owner.post('/api/apps/queued-app/deploy')).json();
    expect(first.notice).toBeUndefined();
    await waitForDeployment(owner, first.deployment.id, ['running'], 60_000);

    await stopRedis();
    const res = await owner.post('/api/apps/queued-app/deploy');
    expect(res.status).toBe(202);
    const second = await res.json();
    expect(second.notice).toMatch(/Redis is not reachable/);
    expect(second.deployment.status).toBe('queued');
    expect((await owner.get('/api/ready')).status).toBe(503);

    await startRedis();
    // The periodic reconciliation queues it again; run its ticks now instead of every 30 s.
    let report = await reconcile(panel.ctx, { staleAfterMs: 60_000 });
    for (let i = 0; i < 10 && !report.requeued.includes(second.deployment.id); i++) {
      await new Promise((r) => setTimeout(r, 500));
      report = await reconcile(panel.ctx, { staleAfterMs: 60_000 });
    }
    expect(report.requeued).toContain(second.deployment.id);
    const done = await waitForDeployment(owner, second.deployment.id, ['running'], 60_000);
    expect(done.number).toBe(2);
    expect((await (await owner.get(`/api/deployments/${first.deployment.id}`)).json()).deployment.status).toBe(
      'superseded',
    );
  }, 120_000);
});

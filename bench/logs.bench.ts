/**
 * Live log streaming: a container deployed through the panel waits for a signal, then prints 200k
 * lines; the panel's SSE stream (/api/apps/{app}/logs/stream) is read from before the signal, for
 * lines/s and time to first line. Baseline: `docker logs` reading the same 200k lines.
 *
 *   npm run bench:logs [-- --lines 200000]
 */
import { execFileSync, spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { deployments } from '../server/db/schema/deployments.ts';
import { createTestPanel, setupOwner } from '../server/test/harness.ts';
import { BUSYBOX, cleanupEngine } from '../server/test/deploy-helpers.ts';
import { check, ratio, round, runBench, sleep } from './lib/common.ts';

const { values } = parseArgs({
  options: { lines: { type: 'string', default: '200000' }, budget: { type: 'string', default: '60' } },
});
const LINES = Number(values.lines);
/** The panel's side stops reading after this many seconds and rates what it got, so a slow stream stays bounded. */
const BUDGET_MS = Number(values.budget) * 1000;

/** `docker logs` over the whole log: ms to the first byte and to the end, and the lines it read. */
function dockerLogs(container: string): Promise<{ firstMs: number; totalMs: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstMs = NaN;
    let lines = 0;
    const p = spawn('docker', ['logs', container], { stdio: ['ignore', 'pipe', 'inherit'] });
    p.stdout.on('data', (d: Buffer) => {
      if (Number.isNaN(firstMs)) firstMs = performance.now() - t0;
      for (const b of d) if (b === 10) lines++;
    });
    p.once('error', reject);
    p.once('exit', () => resolve({ firstMs, totalMs: performance.now() - t0, lines }));
  });
}

runBench('logs', 'SSE log streaming vs docker logs', async (log) => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
  const panel = await createTestPanel({}, { jobs: true });
  try {
    const owner = await setupOwner(panel);
    const app = `logs-${Date.now().toString(36)}`;
    const script = `trap 'go=1' USR1; while [ -z "$go" ]; do sleep 0.02; done; seq 1 ${LINES} | sed 's/^/log line number /'; sleep 3600`;
    const created = await owner.post('/api/apps', {
      name: app,
      source: { type: 'image', image: BUSYBOX },
      command: ['sh', '-c', script],
      healthCheck: { type: 'none' },
    });
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${await created.text()}`);
    const deploy = await owner.post(`/api/apps/${app}/deploy`);
    if (deploy.status !== 202) throw new Error(`deploy failed: ${deploy.status} ${await deploy.text()}`);
    const { deployment } = (await deploy.json()) as { deployment: { id: string } };
    let d: { status: string; error?: string } = { status: '' };
    for (let i = 0; i < 600 && !['running', 'failed', 'cancelled'].includes(d.status); i++) {
      await sleep(200);
      const body = (await (await owner.get(`/api/deployments/${deployment.id}`)).json()) as { deployment: typeof d };
      d = body.deployment;
    }
    if (d.status !== 'running') throw new Error(`deployment ended ${d.status}: ${d.error}`);
    // The REST view does not show the container; the deployment row does.
    const [row] = await panel.ctx.db.select().from(deployments).where(eq(deployments.id, deployment.id));
    if (!row?.containerId) throw new Error(`deployment ${deployment.id} is running without a container`);
    const containerId = row.containerId;

    const res = await owner.get(`/api/apps/${app}/logs/stream?tail=1`);
    if (res.status !== 200) throw new Error(`log stream: ${res.status} ${await res.text()}`);
    const reader = res.body!.getReader();
    const t0 = performance.now();
    execFileSync('docker', ['kill', '--signal', 'USR1', containerId]);
    let firstMs = NaN;
    let received = 0;
    let carry = '';
    const decoder = new TextDecoder();
    const deadline = t0 + BUDGET_MS;
    while (received < LINES && performance.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      const text = carry + decoder.decode(value, { stream: true });
      const events = text.split('\n\n');
      carry = events.pop()!;
      for (const e of events)
        if (e.includes('event: stdout')) {
          if (Number.isNaN(firstMs)) firstMs = performance.now() - t0;
          received++;
        }
    }
    const panelMs = performance.now() - t0;
    await reader.cancel();
    // The first line's time includes the `docker kill` that signals the container; docker's side has no such step.
    const panelRate = received / ((panelMs - firstMs) / 1000);
    log(
      `panel SSE: ${received} lines in ${Math.round(panelMs)} ms, first line ${round(firstMs)} ms after the signal, ${Math.round(panelRate)} lines/s`,
    );

    const docker = await dockerLogs(containerId);
    const dockerRate = docker.lines / (docker.totalMs / 1000);
    log(
      `docker logs: ${docker.lines} lines in ${Math.round(docker.totalMs)} ms, first byte ${round(docker.firstMs)} ms, ${Math.round(dockerRate)} lines/s`,
    );
    log(`panel / docker logs lines/s: ${ratio(panelRate, dockerRate)}x`);
    await owner.delete(`/api/apps/${app}`);
    return {
      checks: [
        check('log stream lines/s through the panel', panelRate, 'lines/s', '>=', 50_000),
        check('log stream first line', firstMs, 'ms', '<=', 150),
      ],
      data: {
        lines: LINES,
        panel: { received, totalMs: round(panelMs), firstMs: round(firstMs), linesPerSec: Math.round(panelRate) },
        docker: { ...docker, linesPerSec: Math.round(dockerRate) },
        ratio: ratio(panelRate, dockerRate),
      },
    };
  } finally {
    await cleanupEngine(panel).catch(() => {});
    await panel.close();
  }
});

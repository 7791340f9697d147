/**
 * Idle RSS of the panel's whole process tree (main process and any child; worker threads count in
 * their process) on the embedded database: after start, after the bench:api load, and restarted with
 * 500 apps generated through the services. Baseline: bare Hono, after start and after the same load.
 *
 *   npm run bench:memory
 */
import fs from 'node:fs';
import { check, ratio, runBench, sleep } from './lib/common.ts';
import { runLoad } from './lib/load.ts';
import { SCENARIOS } from './lib/api-scenarios.ts';
import { PanelHttp } from './lib/panel-client.ts';
import {
  makeDataDir,
  panelLaunch,
  startBareProcess,
  startPanelProcess,
  treeRss,
  type Running,
} from './lib/processes.ts';
import { seedApps } from './lib/seed.ts';
import { loadEnv } from '../server/env.ts';
import { closeContext, createContext } from '../server/context.ts';

/** How long a process sits untouched before its RSS is read: long enough for start-up garbage to be collected. */
const IDLE_MS = 5000;

async function idleRss(server: Running): Promise<number> {
  await sleep(IDLE_MS);
  return treeRss(server.pid).totalMb;
}

async function applyLoad(base: string, token: string): Promise<void> {
  for (const s of SCENARIOS)
    await runLoad({ ...s.spec(base, token), connections: 10, amount: Math.min(s.amount, 500) });
}

runBench('memory', 'idle RSS of the panel process tree vs bare Hono', async (log) => {
  log(`panel entry: ${panelLaunch().mode}; idle ${IDLE_MS / 1000} s before each reading`);
  log('DATABASE_URL (Postgres) side: skipped — no Postgres with pgvector on this machine; target there ≤ 120 MB');

  const bare = await startBareProcess(10_000);
  const bareStart = await idleRss(bare);
  await applyLoad(bare.url, 'none');
  const bareLoaded = await idleRss(bare);
  await bare.stop();
  log(`bare Hono: after start ${bareStart} MB, after load ${bareLoaded} MB`);

  const dataDir = makeDataDir('memory');
  let panel: Running | undefined;
  try {
    panel = await startPanelProcess({ dataDir });
    const afterStart = await idleRss(panel);
    const tree = treeRss(panel.pid).processes;
    log(
      `panel after start: ${afterStart} MB (${tree.map((p) => `${p.command.split(' ').slice(0, 3).join(' ')} ${p.rssMb}`).join('; ')})`,
    );
    const http = new PanelHttp(panel.url);
    await http.signIn();
    await http.createApps(20);
    await applyLoad(panel.url, http.token);
    const afterLoad = await idleRss(panel);
    log(`panel after load (20 apps): ${afterLoad} MB`);
    await panel.stop();
    panel = undefined;

    // The embedded database has one owner, so the apps are generated while the panel is down.
    const ctx = await createContext(loadEnv({ DATA_DIR: dataDir, OPENPANEL_LOG_LEVEL: 'silent' }));
    try {
      await seedApps(ctx, { count: 480, from: 20, secrets: 1 });
    } finally {
      await closeContext(ctx);
    }
    panel = await startPanelProcess({ dataDir });
    const http500 = new PanelHttp(panel.url);
    await http500.signIn();
    const list = (await http500.expect('GET', '/api/apps', undefined, 200)) as { apps: unknown[] };
    const with500 = await idleRss(panel);
    log(`panel restarted with ${list.apps.length} apps, after one GET /api/apps: ${with500} MB`);

    return {
      checks: [check('idle RSS, embedded default', afterStart, 'MB', '<=', 200)],
      data: {
        launch: panelLaunch().mode,
        idleMs: IDLE_MS,
        bare: { afterStart: bareStart, afterLoad: bareLoaded },
        panel: { afterStart, afterLoad, with500Apps: with500, tree },
        ratios: {
          afterStart: ratio(afterStart, bareStart),
          afterLoad: ratio(afterLoad, bareLoaded),
          with500Apps: ratio(with500, bareStart),
        },
        postgres: 'skipped: no Postgres with pgvector here',
      },
    };
  } finally {
    await panel?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

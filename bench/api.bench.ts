/**
 * REST under load: GET /api/apps (20 apps, token auth), GET /api/health and one write (PUT env), each
 * at 10 connections for a bounded count and at a fixed 1,000 req/s offered for a few seconds, against a
 * bare Hono server answering the same-size JSON, started the same way in the same run.
 *
 *   npm run bench:api [-- --seconds 3 --rate 1000]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { check, ratio, runBench } from './lib/common.ts';
import { runLoad, describeLoad, type LoadResult } from './lib/load.ts';
import { SCENARIOS } from './lib/api-scenarios.ts';
import { PanelHttp } from './lib/panel-client.ts';
import { makeDataDir, panelLaunch, startBareProcess, startPanelProcess } from './lib/processes.ts';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '3' }, rate: { type: 'string', default: '1000' } },
});
const SECONDS = Number(values.seconds);
const RATE = Number(values.rate);

runBench('api', 'REST throughput and latency vs bare Hono', async (log) => {
  const dataDir = makeDataDir('api');
  const panel = await startPanelProcess({ dataDir });
  let bare: Awaited<ReturnType<typeof startBareProcess>> | undefined;
  try {
    const http = new PanelHttp(panel.url);
    await http.signIn();
    await http.createApps(20);
    const listRes = await http.request('GET', '/api/apps');
    const bodyBytes = (await listRes.arrayBuffer()).byteLength;
    bare = await startBareProcess(bodyBytes);
    log(
      `panel: ${panelLaunch().mode}, ${panel.url}; baseline: bare Hono, ${bare.url}; /api/apps body ${bodyBytes} bytes`,
    );

    const rows: Record<string, { panel: LoadResult; bare: LoadResult; throughputRatio: number }> = {};
    for (const scenario of SCENARIOS) {
      for (const mode of ['concurrency', 'rate'] as const) {
        const label = `${scenario.name} ${mode === 'concurrency' ? `c10 n${scenario.amount}` : `${RATE}/s ${SECONDS}s`}`;
        const measure = async (base: string) => {
          const spec = { ...scenario.spec(base, http.token), connections: 10 };
          await runLoad({ ...spec, amount: 100 }); // warm-up, not counted
          return runLoad(
            mode === 'concurrency' ? { ...spec, amount: scenario.amount } : { ...spec, rate: RATE, seconds: SECONDS },
          );
        };
        const b = await measure(bare.url);
        const p = await measure(panel.url);
        rows[label] = { panel: p, bare: b, throughputRatio: ratio(p.reqPerSec, b.reqPerSec) };
        log(
          `\n${label}\n  bare  ${describeLoad(b)}\n  panel ${describeLoad(p)}\n  panel/bare throughput ${ratio(p.reqPerSec, b.reqPerSec)}x, p99 ${ratio(p.p99Ms, b.p99Ms)}x`,
        );
      }
    }
    const apps = rows[`GET /api/apps c10 n${SCENARIOS[0]!.amount}`]!;
    const appsRate = rows[`GET /api/apps ${RATE}/s ${SECONDS}s`]!;
    return {
      checks: [
        check('GET /api/apps throughput vs bare', apps.throughputRatio * 100, '%', '>=', 50),
        check(`GET /api/apps p99 at ${RATE} req/s offered`, appsRate.panel.p99Ms, 'ms', '<', 10),
      ],
      data: { launch: panelLaunch().mode, bodyBytes, rate: RATE, seconds: SECONDS, rows },
    };
  } finally {
    await bare?.stop();
    await panel.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

/**
 * Start time of the real CLI (`openpanel start`, compiled when dist/ exists) to /api/health and
 * /api/ready: cold (empty data folder: initdb, migrations, key) and warm (the same folder again),
 * against a bare Hono server started the same way.
 *
 *   npm run bench:start [-- --warm 2]
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { median } from './report.ts';
import { check, ratio, runBench } from './lib/common.ts';
import { makeDataDir, panelLaunch, startBareProcess, startPanelProcess } from './lib/processes.ts';

const { values } = parseArgs({ options: { warm: { type: 'string', default: '2' } } });
const WARM_RUNS = Number(values.warm);

runBench('start', 'cold and warm start to health and ready', async (log) => {
  const launch = panelLaunch();
  log(`panel entry: ${launch.mode} (${launch.entry})`);
  const bare: number[] = [];
  for (let i = 0; i < 3; i++) {
    const b = await startBareProcess(1000);
    bare.push(b.startMs['/api/ready']!);
    await b.stop();
  }
  log(`bare Hono to ready: ${bare.join(', ')} ms (median ${median(bare)})`);

  const dataDir = makeDataDir('start');
  try {
    const cold = await startPanelProcess({ dataDir });
    await cold.stop();
    log(`cold: health ${cold.startMs['/api/health']} ms, ready ${cold.startMs['/api/ready']} ms`);
    const warm: { health: number; ready: number }[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const w = await startPanelProcess({ dataDir });
      await w.stop();
      warm.push({ health: w.startMs['/api/health']!, ready: w.startMs['/api/ready']! });
      log(`warm #${i + 1}: health ${w.startMs['/api/health']} ms, ready ${w.startMs['/api/ready']} ms`);
    }
    const warmReady = median(warm.map((w) => w.ready));
    const coldReady = cold.startMs['/api/ready']!;
    log(`ratios to bare: cold ${ratio(coldReady, median(bare))}x, warm ${ratio(warmReady, median(bare))}x`);
    return {
      checks: [
        check('start to ready, existing data folder', warmReady / 1000, 's', '<=', 3),
        check('start to ready, empty data folder', coldReady / 1000, 's', '<=', 6),
      ],
      data: {
        launch: launch.mode,
        bareReadyMs: bare,
        cold: { health: cold.startMs['/api/health'], ready: coldReady },
        warm,
        ratios: { cold: ratio(coldReady, median(bare)), warm: ratio(warmReady, median(bare)) },
      },
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

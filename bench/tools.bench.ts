/**
 * Tool-call latency through the one gate (`requestTool`) as the panel grows: list_apps, get_app and
 * list_env_vars at 10, 100 and 500 apps with 5 secrets each, on the embedded database in a data folder.
 * Every call scrubs its output of secret values, so the cost of that shows here.
 *
 *   npm run bench:tools
 */
import { percentile, ratio, round, check, runBench } from './lib/common.ts';
import { benchCaller, openBenchContext, sample, seedApps } from './lib/seed.ts';
import { requestTool } from '../server/approvals/gate.ts';

const SIZES = [10, 100, 500];
const SECRETS = 5;
const TOOLS = ['list_apps', 'get_app', 'list_env_vars'] as const;

runBench('tools', 'tool-call latency at 10/100/500 apps with secrets', async (log) => {
  const { ctx, close } = await openBenchContext('tools');
  try {
    const results: Record<string, Record<number, { p50: number; p95: number; n: number }>> = {};
    let seeded = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      await seedApps(ctx, { count: size - seeded, from: seeded, secrets: SECRETS });
      seeded = size;
      log(`\n${size} apps, ${size * SECRETS} secrets (seeded in ${Math.round(performance.now() - t0)} ms)`);
      // Cold code paths (JIT, first queries) would make the smallest size look slow and flatter the ratio.
      if (size === SIZES[0])
        for (let i = 0; i < 20; i++)
          for (const tool of TOOLS)
            await requestTool(ctx, {
              tool,
              input: tool === 'list_apps' ? {} : { app: 'bench-0003' },
              caller: benchCaller,
              via: 'api',
            });
      for (const tool of TOOLS) {
        const input = tool === 'list_apps' ? {} : { app: 'bench-0003' };
        const times = await sample(
          async () => {
            const r = await requestTool(ctx, { tool, input, caller: benchCaller, via: 'api' });
            if (r.status !== 'done') throw new Error(`${tool} ended ${r.status}: ${r.text}`);
          },
          { runs: 40, budgetMs: 8000 },
        );
        const row = { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), n: times.length };
        results[tool] ??= {};
        results[tool][size] = row;
        log(
          `  ${tool.padEnd(14)} p50 ${String(row.p50).padStart(8)} ms  p95 ${String(row.p95).padStart(8)} ms  (${row.n} calls)`,
        );
      }
    }
    const growth = Object.fromEntries(TOOLS.map((t) => [t, ratio(results[t]![500]!.p50, results[t]![10]!.p50)]));
    log(`\n500/10 apps p50 ratio: ${TOOLS.map((t) => `${t} ${growth[t]}x`).join(', ')}`);
    return {
      checks: TOOLS.map((t) => check(`${t} p50 at 500 apps / at 10 apps`, growth[t]!, 'x', '<=', 1.5)),
      data: { sizes: SIZES, secretsPerApp: SECRETS, results, growth },
    };
  } finally {
    await close();
  }
});

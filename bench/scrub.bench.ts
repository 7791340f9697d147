/**
 * The secret scrubber's cost per call (what every tool call, log read and stored log line pays):
 * collecting every env value of every app on each call (the old way, a cache that always misses)
 * against the values cached behind the 'secrets' version (one small read per call).
 *
 *   npx tsx bench/scrub.bench.ts [-- --calls 50]
 */
import { EventEmitter } from 'node:events';
import { parseArgs } from 'node:util';
import { check, round, runBench } from './lib/common.ts';
import { createTestPanel } from '../server/test/harness.ts';
import type { Caller } from '../server/audit.ts';
import { createApp } from '../server/services/apps.ts';
import { setEnvVars } from '../server/services/env-vars.ts';
import { collectSecretValues, scrubText } from '../server/crypto/scrub.ts';
import type { AppContext } from '../server/context.ts';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '50' } } });
const CALLS = Number(values.calls);
const SECRETS_PER_APP = 5;
const CALLER: Caller = { actor: { type: 'system', label: 'bench', scopes: [] } };
const LINE = 'GET /api/orders 200 12ms user=42 trace=4bf92f3577b34da6a3ce929d0e0e4736';

async function msPerCall(ctxOf: () => AppContext): Promise<number> {
  await collectSecretValues(ctxOf()); // warm-up (and the first collection for the cached case)
  const t0 = performance.now();
  for (let i = 0; i < CALLS; i++) scrubText(LINE, await collectSecretValues(ctxOf()));
  return (performance.now() - t0) / CALLS;
}

runBench('scrub', 'secret scrubber: collect per call vs cached behind a version', async (log) => {
  const panel = await createTestPanel();
  const data: Record<string, unknown> = {};
  const checks = [];
  try {
    let made = 0;
    for (const apps of [10, 500]) {
      for (; made < apps; made++) {
        const app = await createApp(panel.ctx, CALLER, {
          name: `app-${made}`,
          source: { type: 'image', image: 'busybox' },
        });
        const vars = Object.fromEntries(
          Array.from({ length: SECRETS_PER_APP }, (_, i) => [
            `SECRET_${i}`,
            `value-${made}-${i}-${crypto.randomUUID()}`,
          ]),
        );
        await setEnvVars(panel.ctx.db, panel.ctx.secrets, CALLER, app.id, { vars });
      }
      // A context with its own event bus has an empty cache: every call collects, as before the cache.
      const uncached = await msPerCall(() => ({ ...panel.ctx, events: new EventEmitter() }));
      const cached = await msPerCall(() => panel.ctx);
      const secrets = apps * SECRETS_PER_APP;
      log(
        `${apps} apps × ${SECRETS_PER_APP} secrets: ${round(uncached)} ms/call collecting, ${round(cached, 3)} ms/call cached`,
      );
      data[`apps${apps}`] = { secrets, uncachedMs: round(uncached, 3), cachedMs: round(cached, 3) };
      checks.push(check(`speed-up, ${secrets} secrets`, uncached / cached, '×', '>=', 10));
    }
  } finally {
    await panel.close();
  }
  return { checks, data };
});

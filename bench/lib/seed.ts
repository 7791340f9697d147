/** Generates apps and their secrets through the services (the same code the REST API runs), in-process. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeContext, createContext, type AppContext } from '../../server/context.ts';
import { loadEnv } from '../../server/env.ts';
import type { Caller } from '../../server/audit.ts';
import { SCOPES } from '../../server/auth/permissions.ts';
import { createApp } from '../../server/services/apps.ts';
import { setEnvVars } from '../../server/services/env-vars.ts';

export const benchCaller: Caller = { actor: { type: 'system', label: 'bench', scopes: [...SCOPES] } };

export async function seedApps(
  ctx: AppContext,
  opts: { count: number; secrets?: number; from?: number; prefix?: string },
): Promise<string[]> {
  const names: string[] = [];
  const from = opts.from ?? 0;
  for (let i = from; i < from + opts.count; i++) {
    const name = `${opts.prefix ?? 'bench'}-${String(i).padStart(4, '0')}`;
    const app = await createApp(ctx, benchCaller, {
      name,
      source: { type: 'image', image: 'busybox:latest' },
      port: 8080,
    } as Parameters<typeof createApp>[2]);
    if (opts.secrets) {
      const vars = Object.fromEntries(
        Array.from({ length: opts.secrets }, (_, k) => [
          `SECRET_${k}`,
          `s3cr3t-${name}-${k}-${Math.random().toString(36).slice(2)}`,
        ]),
      );
      await setEnvVars(ctx.db, ctx.secrets, benchCaller, app.id, { vars });
    }
    names.push(name);
  }
  return names;
}

/** A panel context on a fresh embedded database in a temp folder, as `openpanel start` would open it. */
export async function openBenchContext(label: string): Promise<{ ctx: AppContext; close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `openpanel-bench-${label}-`));
  const ctx = await createContext(
    loadEnv({ DATA_DIR: dataDir, OPENPANEL_LOG_LEVEL: 'silent', NODE_ENV: 'production' }),
  );
  await ctx.database.migrate();
  return {
    ctx,
    close: async () => {
      await closeContext(ctx);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Calls `fn` until `runs` samples or `budgetMs` are spent (at least `min`), after `warmup` uncounted calls. */
export async function sample(
  fn: () => Promise<unknown>,
  opts: { runs: number; budgetMs: number; warmup?: number; min?: number },
): Promise<number[]> {
  for (let i = 0; i < (opts.warmup ?? 3); i++) await fn();
  const times: number[] = [];
  const end = performance.now() + opts.budgetMs;
  while (times.length < opts.runs && (times.length < (opts.min ?? 5) || performance.now() < end)) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

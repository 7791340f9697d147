import { z } from 'zod';
import { defineTool } from './define.ts';
import { getAppRow } from '../server/services/apps.ts';
import { listEnvVars as listEnvVarRows } from '../server/services/env-vars.ts';
import { appRef, plural } from './lib/refs.ts';
import { EnvVar } from './lib/schemas.ts';

const where = (v: { buildTime: boolean; runtime: boolean }) =>
  [v.buildTime && 'build', v.runtime && 'runtime'].filter(Boolean).join(' + ');

export const listEnvVars = defineTool({
  name: 'list_env_vars',
  description:
    "List the names of an app's environment variables and whether each applies at build time, run time or both. Values are secret and never returned, to anyone. Use it before set_env_vars or unset_env_vars to see what exists.",
  input: z.object({ app: appRef }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({
    app: z.string(),
    vars: z.array(EnvVar).describe('Names only, sorted; values are never returned'),
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `List env var names of "${input.app}"`,
  async execute(input, ctx) {
    const app = await getAppRow(ctx, input.app);
    const vars = (await listEnvVarRows(ctx.db, app.id)).map((v) => ({ ...v, updatedAt: v.updatedAt.toISOString() }));
    if (!vars.length)
      return { text: `${app.name} has no env vars. Add them with set_env_vars.`, data: { app: app.name, vars } };
    return {
      text: `${app.name} has ${plural(vars.length, 'env var')} (names only; values are never shown):\n${vars.map((v) => `- ${v.name} (${where(v)})`).join('\n')}`,
      data: { app: app.name, vars },
    };
  },
});

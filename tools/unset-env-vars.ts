import { z } from 'zod';
import { defineTool } from './define.ts';
import { getAppRow } from '../server/services/apps.ts';
import { unsetEnvVars as removeEnvVars } from '../server/services/env-vars.ts';
import { envVarName } from '../server/services/names.ts';
import { appRef, plural } from './lib/refs.ts';

export const unsetEnvVars = defineTool({
  name: 'unset_env_vars',
  description:
    'Remove environment variables from an app by name (see list_env_vars). Names that do not exist are reported, not treated as errors. The running container keeps them until the next deployment: call deploy_app afterwards. Requires human approval; returns a pending action until a person approves it.',
  input: z.object({
    app: appRef,
    names: z
      .array(envVarName.describe('Variable name, e.g. DEBUG'))
      .min(1)
      .max(200)
      .describe('Names of the variables to remove'),
  }),
  risk: 'write',
  // A removed value cannot be read back or restored.
  hints: { idempotent: true, destructive: true, openWorld: false },
  output: z.object({
    app: z.string(),
    removed: z.array(z.string()).describe('Names removed'),
    missing: z.array(z.string()).describe('Names that were not set'),
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) =>
    `Remove ${plural(input.names.length, 'env var')} from "${input.app}": ${input.names.join(', ')}`,
  async execute(input, ctx) {
    const app = await getAppRow(ctx, input.app);
    const { removed, missing } = await removeEnvVars(ctx.db, ctx.caller, app.id, [...new Set(input.names)]);
    const lines = [
      removed.length
        ? `Removed ${plural(removed.length, 'env var')} from ${app.name}: ${removed.join(', ')}.`
        : `Nothing removed from ${app.name}.`,
    ];
    if (missing.length) lines.push(`Not set, so nothing to remove: ${missing.join(', ')}.`);
    if (removed.length) lines.push('The running container keeps them until the next deploy_app.');
    return { text: lines.join(' '), data: { app: app.name, removed, missing } };
  },
});

import { z } from 'zod';
import { defineTool } from './define.ts';
import { getAppRow } from '../server/services/apps.ts';
import { setEnvVars as storeEnvVars } from '../server/services/env-vars.ts';
import { envVarName } from '../server/services/names.ts';
import { appRef, plural } from './lib/refs.ts';

const names = (vars: { name: string }[]) => vars.map((v) => v.name).join(', ');

/**
 * vars is a list of {name, value} rather than a NAME→value map: a map has no fixed properties,
 * which Gemini cannot declare, and a `value` key is redacted wherever inputs are stored or shown
 * (a map's keys are names like DEBUG that redaction cannot recognise). A map is still accepted
 * from REST callers and converted before validation, so what is stored is always the list.
 */
const fromMap = (v: unknown) =>
  v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v).map(([name, value]) => ({ name, value })) : v;

const VarsInput = z
  .preprocess(
    fromMap,
    z
      .array(
        z.object({
          name: envVarName.describe('Variable name, e.g. DATABASE_URL'),
          value: z.string().max(65_536).describe('Variable value; stored encrypted and never echoed back'),
        }),
      )
      .min(1)
      .max(100)
      .refine((vars) => new Set(vars.map((v) => v.name)).size === vars.length, {
        error: 'each variable name may appear only once',
      }),
  )
  .describe('The variables to set, as a list of name/value pairs');

export const setEnvVars = defineTool({
  name: 'set_env_vars',
  description:
    'Set (add or replace) environment variables on an app. Values are encrypted at rest and never shown again, by any tool. They apply on the next deployment, so call deploy_app afterwards. Use buildTime for values the image build needs (passed as build arguments). Only set values the user gave you; never invent secrets. Requires human approval; returns a pending action until a person approves it.',
  input: z.object({
    app: appRef,
    vars: VarsInput,
    buildTime: z.boolean().optional().describe('Also pass them to the image build as build arguments; default false'),
    runtime: z.boolean().optional().describe('Set them in the running container; default true'),
  }),
  risk: 'write',
  // Replaces values nobody can read back, so the old ones are lost.
  hints: { idempotent: true, destructive: true, openWorld: false },
  output: z.object({
    app: z.string(),
    set: z.array(z.string()).describe('Names set; values are never echoed'),
    buildTime: z.boolean().describe('Passed to image builds'),
    runtime: z.boolean().describe('Set in the running container'),
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Set ${plural(input.vars.length, 'env var')} on "${input.app}": ${names(input.vars)}`,
  async execute(input, ctx) {
    const app = await getAppRow(ctx, input.app);
    const vars = Object.fromEntries(input.vars.map((v) => [v.name, v.value]));
    const { set } = await storeEnvVars(ctx.db, ctx.secrets, ctx.caller, app.id, {
      vars,
      buildTime: input.buildTime,
      runtime: input.runtime,
    });
    const buildTime = input.buildTime ?? false;
    const runtime = input.runtime ?? true;
    return {
      text: `Set ${plural(set.length, 'env var')} on ${app.name}: ${set.join(', ')} (${[buildTime && 'build', runtime && 'runtime'].filter(Boolean).join(' + ')}). They apply on the next deployment: run deploy_app.`,
      data: { app: app.name, set, buildTime, runtime },
    };
  },
});

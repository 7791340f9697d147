import { z } from 'zod';
import { defineTool } from './define.ts';
import { updateApp as updateAppRow } from '../server/services/apps.ts';
import {
  BuildArgFields,
  HealthCheckFields,
  SourceFields,
  plainSettings,
  toBuildArgs,
  toHealthCheck,
  toSource,
} from './lib/app-fields.ts';
import { appRef } from './lib/refs.ts';
import { safeAppView } from './lib/views.ts';
import { App } from './lib/schemas.ts';

const changedKeys = (input: Record<string, unknown>) =>
  Object.keys(input).filter((k) => k !== 'app' && input[k] !== undefined);

export const updateApp = defineTool({
  name: 'update_app',
  description:
    "Change an app's settings: source, port, command, health check, restart policy, CPU and memory limits, volumes, build arguments. Give only the fields to change; null clears port, command, cpus or memoryMb. Changes apply on the next deployment, so call deploy_app afterwards. Env vars are changed with set_env_vars, not here. Requires human approval; returns a pending action until a person approves it.",
  input: z
    .object({
      app: appRef,
      source: SourceFields.optional(),
      ...plainSettings,
      healthCheck: HealthCheckFields.optional(),
      buildArgs: BuildArgFields.optional().describe('Replaces all build arguments with these name/value pairs'),
    })
    .refine((input) => changedKeys(input).length > 0, { error: 'expected at least one setting to change besides app' }),
  risk: 'write',
  // Replaces settings (all build arguments at once); the old values are not kept anywhere.
  hints: { idempotent: true, destructive: true, openWorld: false },
  output: z.object({ app: App.describe('The app with its new settings') }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Update app "${input.app}": ${changedKeys(input).join(', ')}`,
  async execute(input, ctx) {
    const { app: ref, source, healthCheck, buildArgs, ...settings } = input;
    const app = safeAppView(
      await updateAppRow(ctx, ctx.caller, ref, {
        ...settings,
        ...(source ? { source: toSource(source) } : {}),
        ...(healthCheck ? { healthCheck: toHealthCheck(healthCheck) } : {}),
        ...(buildArgs ? { buildArgs: toBuildArgs(buildArgs) } : {}),
      }),
    );
    return {
      text: `Updated ${app.name}: ${changedKeys(input).join(', ')}. The running container is unchanged; deploy_app applies the new settings.`,
      data: { app },
    };
  },
});

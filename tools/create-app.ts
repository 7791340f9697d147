import { z } from 'zod';
import { defineTool } from './define.ts';
import { CreateAppInput } from '../server/services/app-schemas.ts';
import { createApp as createAppRow } from '../server/services/apps.ts';
import {
  BuildArgFields,
  HealthCheckFields,
  SourceFields,
  plainSettings,
  toBuildArgs,
  toHealthCheck,
  toSource,
} from './lib/app-fields.ts';
import { describeSource, safeAppView } from './lib/views.ts';
import { App } from './lib/schemas.ts';

export const createApp = defineTool({
  name: 'create_app',
  description:
    'Create an app: a name, where it comes from (a prebuilt image, a git repository, or an uploaded archive) and how it runs (port, command, health check, limits, volumes). It does not deploy: call deploy_app afterwards, and set_env_vars first if the app needs configuration. For a repository without a Dockerfile, preview the generated one with generate_dockerfile and set source.generateDockerfile. Requires human approval; returns a pending action until a person approves it.',
  input: z.object({
    name: CreateAppInput.shape.name,
    project: CreateAppInput.shape.project,
    source: SourceFields,
    ...plainSettings,
    healthCheck: HealthCheckFields.optional(),
    buildArgs: BuildArgFields.optional(),
  }),
  risk: 'write',
  // The name is unique: a repeat is refused and changes nothing.
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({ app: App }),
  summarize: (input) =>
    `Create app "${input.name}" from ${describeSource(toSource(input.source))}${input.project ? ` in project "${input.project}"` : ''}`,
  async execute(input, ctx) {
    const { source, healthCheck, buildArgs, ...settings } = input;
    const app = safeAppView(
      await createAppRow(ctx, ctx.caller, {
        ...settings,
        source: toSource(source),
        ...(healthCheck ? { healthCheck: toHealthCheck(healthCheck) } : {}),
        ...(buildArgs ? { buildArgs: toBuildArgs(buildArgs) } : {}),
      }),
    );
    return {
      text: [
        `Created app ${app.name} (id ${app.id}) in project ${app.projectName}: ${describeSource(app.source)}${app.port ? `, port ${app.port}` : ''}.`,
        'Nothing runs yet. Set any configuration with set_env_vars, then deploy it with deploy_app.',
      ].join('\n'),
      data: { app },
    };
  },
});

import { z } from 'zod';
import { defineTool } from './define.ts';
import { getApp as getAppView, getAppRow, getAppRuntime } from '../server/services/apps.ts';
import { currentDeployment } from '../server/services/deployments.ts';
import { appRef } from './lib/refs.ts';
import { containerView, describeSource, safeAppView } from './lib/views.ts';
import { App, Container, DeploymentSummary } from './lib/schemas.ts';

export const getApp = defineTool({
  name: 'get_app',
  description:
    'Get one app: its settings (source, port, health check, limits, volumes) and its live state from the Docker engine (running, stopped, missing, not deployed) with the current deployment. Use it before changing or deploying an app, and after deploy_app to confirm it runs. Never returns secrets (env var values, deploy keys).',
  input: z.object({ app: appRef }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({
    app: App,
    runtime: z
      .object({
        state: z
          .enum(['not_deployed', 'running', 'stopped', 'restarting', 'missing', 'unknown'])
          .describe('Live state from the Docker engine'),
        container: Container.nullable().describe("The current deployment's container; null when there is none"),
        detail: z.string().optional().describe('Why the state is missing or unknown, and what to do'),
      })
      .describe('What runs now'),
    currentDeployment: DeploymentSummary.nullable().describe('The live deployment; null when never deployed'),
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Show app "${input.app}"`,
  async execute(input, ctx) {
    const view = safeAppView(await getAppView(ctx, input.app));
    const runtime = await getAppRuntime(ctx, await getAppRow(ctx, view.id));
    const current = await currentDeployment(ctx, view.id);
    const hc = view.healthCheck.type === 'http' ? `http ${view.healthCheck.path}` : view.healthCheck.type;
    const limits =
      [view.cpus && `${view.cpus} CPU`, view.memoryMb && `${view.memoryMb} MiB`].filter(Boolean).join(', ') || 'none';
    const state = runtime.container
      ? `${runtime.state} (container ${runtime.container.name}${runtime.container.startedAt ? `, started ${runtime.container.startedAt}` : ''})`
      : runtime.state;
    const lines = [
      `App ${view.name} (id ${view.id}) in project ${view.projectName}`,
      `Source: ${describeSource(view.source)}${view.hasDeployKey ? ' — deploy key set' : ''}`,
      `Port: ${view.port ?? 'none'}; health check: ${hc}; restart: ${view.restartPolicy}; limits: ${limits}`,
      view.volumes.length
        ? `Volumes: ${view.volumes.map((v) => `${v.name}:${v.target}${v.readOnly ? ' (ro)' : ''}`).join(', ')}`
        : null,
      `State: ${state}${runtime.detail ? ` — ${runtime.detail}` : ''}`,
      current
        ? `Current deployment: #${current.number} (id ${current.id}, ${current.status})`
        : 'Not deployed yet: use deploy_app.',
    ];
    return {
      text: lines.filter((l): l is string => l !== null).join('\n'),
      data: {
        app: view,
        runtime: { ...runtime, container: runtime.container && containerView(runtime.container) },
        currentDeployment: current ? { id: current.id, number: current.number, status: current.status } : null,
      },
    };
  },
});

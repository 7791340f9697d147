import { z } from 'zod';
import { defineTool } from './define.ts';
import { deployApp as queueDeployment } from '../server/services/deployments.ts';
import { getAppRow } from '../server/services/apps.ts';
import { appRef } from './lib/refs.ts';
import { deploymentView } from './lib/views.ts';
import { QueuedDeployment } from './lib/schemas.ts';

export const deployApp = defineTool({
  name: 'deploy_app',
  description:
    'Deploy an app with its current settings and env vars: fetch or pull the source, build the image, start a new container, wait for its health check, then switch traffic and retire the old one (the old one keeps serving if the new one fails). Returns at once with the queued deployment (id, number, status); it does not wait for the build. Follow it with get_deployment, and read get_build_logs if it fails. Requires human approval; returns a pending action until a person approves it.',
  input: z.object({ app: appRef }),
  risk: 'write',
  // Every call queues a new deployment that pulls images or fetches git; the old one stays for rollback_app.
  hints: { idempotent: false, destructive: false, openWorld: true },
  output: QueuedDeployment,
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Deploy app "${input.app}"`,
  async execute(input, ctx) {
    const app = await getAppRow(ctx, input.app);
    const { deployment, notice } = await queueDeployment(ctx, ctx.caller, app.id);
    const lines = [
      `Queued deployment #${deployment.number} of ${app.name} (id ${deployment.id}, status ${deployment.status}).`,
      `It runs in the background. Check progress with get_deployment {"deployment":"${deployment.id}"}; if it fails, read get_build_logs for the same id.`,
    ];
    if (notice) lines.push(`Note: ${notice}`);
    return { text: lines.join('\n'), data: { deployment: deploymentView(deployment), ...(notice ? { notice } : {}) } };
  },
});

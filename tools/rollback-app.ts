import { z } from 'zod';
import { defineTool } from './define.ts';
import { rollbackApp as queueRollback } from '../server/services/deployments.ts';
import { getAppRow } from '../server/services/apps.ts';
import { appRef, deploymentId } from './lib/refs.ts';
import { deploymentView } from './lib/views.ts';
import { QueuedDeployment } from './lib/schemas.ts';

export const rollbackApp = defineTool({
  name: 'rollback_app',
  description:
    'Roll an app back to an earlier deployment that ran successfully: by default the newest one before the live one, or a specific deployment id from list_deployments. It redeploys that image with the settings it ran with, as a new deployment; like deploy_app it returns at once, so follow it with get_deployment. Requires human approval; returns a pending action until a person approves it.',
  input: z.object({
    app: appRef,
    deployment: deploymentId
      .optional()
      .describe('Deployment id to return to (see list_deployments); default: the previous successful one'),
  }),
  risk: 'write',
  // Each call queues another deployment; it reuses a local image, so nothing is fetched.
  hints: { idempotent: false, destructive: false, openWorld: false },
  output: QueuedDeployment,
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) =>
    input.deployment
      ? `Roll back "${input.app}" to deployment ${input.deployment}`
      : `Roll back "${input.app}" to its previous deployment`,
  async execute(input, ctx) {
    const app = await getAppRow(ctx, input.app);
    const { deployment, notice } = await queueRollback(ctx, ctx.caller, app.id, input.deployment);
    const lines = [
      `Queued rollback of ${app.name} as deployment #${deployment.number} (id ${deployment.id}), restoring the image of deployment ${deployment.rollbackOf}.`,
      `Follow it with get_deployment {"deployment":"${deployment.id}"}.`,
    ];
    if (notice) lines.push(`Note: ${notice}`);
    return { text: lines.join('\n'), data: { deployment: deploymentView(deployment), ...(notice ? { notice } : {}) } };
  },
});

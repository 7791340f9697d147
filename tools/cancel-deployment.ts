import { z } from 'zod';
import { defineTool } from './define.ts';
import { cancelDeployment as cancelDeploymentRow } from '../server/services/deployments.ts';
import { deploymentId } from './lib/refs.ts';
import { deploymentView } from './lib/views.ts';
import { Deployment } from './lib/schemas.ts';

export const cancelDeployment = defineTool({
  name: 'cancel_deployment',
  description:
    'Cancel a deployment that is still queued, building or starting (by its id from deploy_app or list_deployments). A queued one is cancelled at once; a building or starting one stops within seconds and the live version keeps running. Finished deployments cannot be cancelled: use rollback_app to go back instead. Requires human approval; returns a pending action until a person approves it.',
  input: z.object({ deployment: deploymentId }),
  risk: 'write',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({ deployment: Deployment.describe('cancelled, or still in progress with cancelRequested') }),
  target: (input) => ({ type: 'deployment', ref: input.deployment }),
  summarize: (input) => `Cancel deployment ${input.deployment}`,
  async execute(input, ctx) {
    const d = await cancelDeploymentRow(ctx, ctx.caller, input.deployment);
    const text =
      d.status === 'cancelled'
        ? `Cancelled deployment #${d.number} (id ${d.id}) before it started.`
        : `Cancellation requested for deployment #${d.number} (id ${d.id}, ${d.status}); it stops within seconds. Confirm with get_deployment.`;
    return { text, data: { deployment: deploymentView(d) } };
  },
});

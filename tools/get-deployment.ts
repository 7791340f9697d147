import { z } from 'zod';
import { defineTool } from './define.ts';
import {
  deploymentOrApp,
  deploymentTarget,
  exactlyOne,
  exactlyOneError,
  resolveDeployment,
} from './lib/deployment-ref.ts';
import { deploymentFacts, deploymentView } from './lib/views.ts';
import { Deployment } from './lib/schemas.ts';

export const getDeployment = defineTool({
  name: 'get_deployment',
  description:
    "Get one deployment's status (queued, building, starting, running, failed, cancelled, superseded, rolled_back), commit, image and error, by deployment id or by app (its newest deployment). Call it after deploy_app to follow progress; when it failed, read get_build_logs next.",
  input: z.object(deploymentOrApp).refine(exactlyOne, exactlyOneError),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({ deployment: Deployment.extend({ appName: z.string() }) }),
  target: deploymentTarget,
  summarize: (input) =>
    input.deployment ? `Show deployment ${input.deployment}` : `Show the latest deployment of "${input.app}"`,
  async execute(input, ctx) {
    const { deployment, appName } = await resolveDeployment(ctx, input);
    return {
      text: deploymentFacts(deployment, appName).join('\n'),
      data: { deployment: { ...deploymentView(deployment), appName } },
    };
  },
});

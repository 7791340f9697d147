import type { AppContext } from '../../server/context.ts';
import type { Deployment } from '../../server/db/schema/deployments.ts';
import { DomainError } from '../../server/errors.ts';
import { getAppRow } from '../../server/services/apps.ts';
import { getDeployment, listDeployments } from '../../server/services/deployments.ts';
import { appRef, deploymentId } from './refs.ts';

/**
 * "The latest deployment of api" is what people ask about most, so read tools take either a
 * deployment id or an app (meaning its newest deployment): one flat object, exactly one of the two.
 */
export const deploymentOrApp = {
  deployment: deploymentId.optional(),
  app: appRef.optional().describe('App name or id, meaning its newest deployment; use instead of deployment'),
};

export const exactlyOne = (input: { deployment?: string; app?: string }) =>
  (input.deployment === undefined) !== (input.app === undefined);
export const exactlyOneError = { error: 'give either deployment (an id) or app (for its newest deployment), not both' };

export async function resolveDeployment(
  ctx: AppContext,
  input: { deployment?: string; app?: string },
): Promise<{ deployment: Deployment; appName: string }> {
  if (input.deployment) {
    const deployment = await getDeployment(ctx, input.deployment);
    const app = await getAppRow(ctx, deployment.appId);
    return { deployment, appName: app.name };
  }
  const app = await getAppRow(ctx, input.app ?? '');
  const [latest] = await listDeployments(ctx, app.id, { limit: 1 });
  if (!latest)
    throw new DomainError('not_found', `App ${app.name} has no deployments yet.`, 'Deploy it with deploy_app first.');
  return { deployment: latest, appName: app.name };
}

export const deploymentTarget = (input: { deployment?: string; app?: string }) =>
  input.deployment
    ? { type: 'deployment' as const, ref: input.deployment }
    : { type: 'app' as const, ref: input.app ?? '' };

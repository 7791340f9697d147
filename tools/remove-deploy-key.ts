import { z } from 'zod';
import { defineTool } from './define.ts';
import { removeDeployKey as forgetDeployKey } from '../server/services/deploy-keys.ts';
import { appRef } from './lib/refs.ts';

export const removeDeployKey = defineTool({
  name: 'remove_deploy_key',
  description:
    "Forget the SSH deploy key of an app's git source. Deployments of a private repository fail without it until a new key is set with set_deploy_key. Requires human approval; returns a pending action until a person approves it.",
  input: z.object({ app: appRef }),
  risk: 'destructive',
  // The key cannot be read back, so it is gone unless the user still has it.
  hints: { idempotent: true, destructive: true, openWorld: false },
  output: z.object({
    app: z.string(),
    hasDeployKey: z.boolean(),
    removed: z.boolean().describe('False when the app had no deploy key'),
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Remove the git deploy key of "${input.app}"`,
  async execute(input, ctx) {
    const outcome = await forgetDeployKey(ctx, ctx.caller, input.app);
    return {
      text: outcome.removed
        ? `Removed the deploy key of ${outcome.app}. Its next deployment fetches without one.`
        : `${outcome.app} had no deploy key; nothing changed.`,
      data: outcome,
    };
  },
});

import { z } from 'zod';
import { defineTool } from './define.ts';
import { setDeployKey as storeDeployKey } from '../server/services/deploy-keys.ts';
import { checkDeployKey } from '../server/source/deploy-key.ts';
import { appRef } from './lib/refs.ts';

/** Checked here so a bad paste is a 422 naming the problem, before anything asks for approval. */
const PrivateKey = z
  .string()
  .max(20_000)
  .superRefine((text, issue) => {
    const checked = checkDeployKey(text);
    if (!checked.ok) issue.addIssue({ code: 'custom', message: checked.error });
  })
  .describe(
    'The private SSH key (PEM text, -----BEGIN … PRIVATE KEY-----), without a passphrase; stored encrypted and never shown again',
  );

export const setDeployKey = defineTool({
  name: 'set_deploy_key',
  description:
    "Store the SSH deploy key an app's git source is fetched with (a private repository over an ssh URL). The key is stored encrypted and never returned by any tool; the result gives its SHA256 fingerprint to match with the public key on the git host. Only use a key the user gave you; never invent one. It applies on the next deployment. Requires human approval; returns a pending action until a person approves it.",
  input: z.object({ app: appRef, privateKey: PrivateKey }),
  risk: 'write',
  peopleOnly: true,
  // Replaces a key nobody can read back.
  hints: { idempotent: true, destructive: true, openWorld: false },
  output: z.object({
    app: z.string(),
    hasDeployKey: z.boolean(),
    fingerprint: z.string().describe('SHA256 fingerprint, as `ssh-keygen -l` prints it'),
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Set the git deploy key of "${input.app}"`,
  async execute(input, ctx) {
    const checked = checkDeployKey(input.privateKey);
    // The input was checked against the same rule; this keeps the types honest.
    if (!checked.ok) throw new Error(checked.error);
    const outcome = await storeDeployKey(ctx, ctx.caller, input.app, checked.key);
    return {
      text: `Stored the deploy key of ${outcome.app} (${checked.fingerprint}); the next deployment fetches with it. Add the matching public key to the repository as a read-only deploy key if it is not there yet.`,
      data: { ...outcome, fingerprint: checked.fingerprint },
    };
  },
});

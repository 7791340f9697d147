import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { apps } from '../db/schema/apps.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { checkGitUrl } from '../source/validate.ts';
import { deployKeyContext, getAppRow } from './apps.ts';
import { bumpVersion } from './versions.ts';

export interface DeployKeyOutcome {
  app: string;
  hasDeployKey: boolean;
}

/**
 * Stores an app's SSH deploy key, encrypted and bound to the app, for its git source. The key is
 * checked by the caller (checkDeployKey); the secrets version moves so every process scrubs it.
 */
export async function setDeployKey(
  ctx: AppContext,
  caller: Caller,
  appRef: string,
  key: string,
): Promise<DeployKeyOutcome> {
  const app = await getAppRow(ctx, appRef);
  if (app.source.type !== 'git')
    throw new DomainError(
      'invalid',
      `App ${app.name} runs ${app.source.type === 'image' ? 'a prebuilt image' : 'an uploaded archive'}, so it has no git repository to fetch with a key.`,
      'Change its source to a git ssh URL (update_app) first.',
    );
  const transport = checkGitUrl(app.source.url);
  if (transport !== 'ssh')
    throw new DomainError(
      'invalid',
      `A deploy key only works with an ssh URL, and ${app.name} fetches its repository over ${transport}.`,
      'Change the source URL to ssh://git@host/owner/repo.git or git@host:owner/repo.git (update_app) first.',
    );
  await audited(ctx.db, caller, { action: 'app.deploy_key.set', target: { type: 'app', id: app.id } }, () =>
    ctx.db.transaction(async (tx) => {
      await tx
        .update(apps)
        .set({ deployKeyEncrypted: ctx.secrets.encrypt(key, deployKeyContext(app.id)), updatedAt: new Date() })
        .where(eq(apps.id, app.id));
      await bumpVersion(tx, 'secrets');
    }),
  );
  return { app: app.name, hasDeployKey: true };
}

/** Forgets an app's deploy key; reports whether there was one. */
export async function removeDeployKey(
  ctx: AppContext,
  caller: Caller,
  appRef: string,
): Promise<DeployKeyOutcome & { removed: boolean }> {
  const app = await getAppRow(ctx, appRef);
  if (!app.deployKeyEncrypted) return { app: app.name, hasDeployKey: false, removed: false };
  await audited(ctx.db, caller, { action: 'app.deploy_key.remove', target: { type: 'app', id: app.id } }, () =>
    ctx.db.transaction(async (tx) => {
      await tx.update(apps).set({ deployKeyEncrypted: null, updatedAt: new Date() }).where(eq(apps.id, app.id));
      await bumpVersion(tx, 'secrets');
    }),
  );
  return { app: app.name, hasDeployKey: false, removed: true };
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { envVars } from '../db/schema/env-vars.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import { DomainError } from '../errors.ts';
import { audited, writeAudit, type Caller } from '../audit.ts';
import { bumpVersion } from './versions.ts';

export interface EnvVarView {
  name: string;
  buildTime: boolean;
  runtime: boolean;
  updatedAt: Date;
}

/** The row id and app bind the ciphertext, so it cannot be moved to another app or name. */
const context = (appId: string, name: string) => `env:${appId}:${name}`;

export async function listEnvVars(db: Database, appId: string): Promise<EnvVarView[]> {
  const rows = await db.select().from(envVars).where(eq(envVars.appId, appId)).orderBy(asc(envVars.name));
  return rows.map(({ name, buildTime, runtime, updatedAt }) => ({ name, buildTime, runtime, updatedAt }));
}

export async function setEnvVars(
  db: Database,
  box: SecretBox,
  caller: Caller,
  appId: string,
  input: { vars: Record<string, string>; buildTime?: boolean; runtime?: boolean },
): Promise<{ set: string[] }> {
  const names = Object.keys(input.vars);
  if (!names.length) throw new DomainError('invalid', 'No variables given.', 'Pass vars as {"NAME": "value"}.');
  const buildTime = input.buildTime ?? false;
  const runtime = input.runtime ?? true;
  if (!buildTime && !runtime) throw new DomainError('invalid', 'A variable must be for build time, run time, or both.');
  // Only names reach the audit log; values are redacted by construction.
  await audited(
    db,
    caller,
    { action: 'env.set', target: { type: 'app', id: appId }, input: { names, buildTime, runtime } },
    async () => {
      await db.transaction(async (tx) => {
        for (const name of names) {
          const row = {
            appId,
            name,
            encryptedValue: box.encrypt(input.vars[name]!, context(appId, name)),
            buildTime,
            runtime,
            updatedAt: new Date(),
          };
          await tx
            .insert(envVars)
            .values(row)
            .onConflictDoUpdate({ target: [envVars.appId, envVars.name], set: row });
        }
        await bumpVersion(tx, 'secrets');
      });
    },
  );
  return { set: names };
}

export async function unsetEnvVars(
  db: Database,
  caller: Caller,
  appId: string,
  names: string[],
): Promise<{ removed: string[]; missing: string[] }> {
  const existing = (
    await db
      .select({ name: envVars.name })
      .from(envVars)
      .where(and(eq(envVars.appId, appId), inArray(envVars.name, names)))
  ).map((r) => r.name);
  const missing = names.filter((n) => !existing.includes(n));
  if (existing.length) {
    await audited(
      db,
      caller,
      { action: 'env.unset', target: { type: 'app', id: appId }, input: { names: existing } },
      async () => {
        await db.transaction(async (tx) => {
          await tx.delete(envVars).where(and(eq(envVars.appId, appId), inArray(envVars.name, existing)));
          await bumpVersion(tx, 'secrets');
        });
      },
    );
  }
  return { removed: existing, missing };
}

/** Admin-only at the route; always audited, including who looked. */
export async function revealEnvVar(
  db: Database,
  box: SecretBox,
  caller: Caller,
  appId: string,
  name: string,
): Promise<string> {
  const [row] = await db
    .select()
    .from(envVars)
    .where(and(eq(envVars.appId, appId), eq(envVars.name, name)));
  if (!row) throw new DomainError('not_found', `The app has no variable named ${name}.`);
  await writeAudit(db, caller, {
    action: 'env.reveal',
    target: { type: 'app', id: appId },
    input: { name },
    result: 'ok',
  });
  return box.decrypt(row.encryptedValue, context(appId, name));
}

/** For the deploy pipeline only: the decrypted values, split by where they apply. */
export async function resolveEnv(
  db: Database,
  box: SecretBox,
  appId: string,
): Promise<{ runtime: Record<string, string>; build: Record<string, string> }> {
  const rows = await db.select().from(envVars).where(eq(envVars.appId, appId));
  const runtime: Record<string, string> = {};
  const build: Record<string, string> = {};
  for (const row of rows) {
    const value = box.decrypt(row.encryptedValue, context(appId, row.name));
    if (row.runtime) runtime[row.name] = value;
    if (row.buildTime) build[row.name] = value;
  }
  return { runtime, build };
}

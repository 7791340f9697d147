import { randomInt } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { versions } from '../db/schema/versions.ts';

/** Names of the shared counters. A bump means "what you cached under this key is stale". */
export type VersionKey = 'secrets' | 'auth' | 'policies';

/**
 * Any process calls this after changing what others may have cached; inside the change's
 * transaction when there is one, so no reader sees the new state under the old version.
 * A counter starts at a random number: if the table is emptied (a test reset, a restore), the
 * next bump must not land on a version some process cached the old state under.
 */
export async function bumpVersion(db: Database, key: VersionKey): Promise<number> {
  const [row] = await db
    .insert(versions)
    .values({ key, version: randomInt(1, 2 ** 47) })
    .onConflictDoUpdate({ target: versions.key, set: { version: sql`${versions.version} + 1` } })
    .returning({ version: versions.version });
  return row!.version;
}

export async function readVersion(db: Database, key: VersionKey): Promise<number> {
  const [row] = await db.select({ version: versions.version }).from(versions).where(eq(versions.key, key));
  return row?.version ?? 0;
}

/** Every counter in one read (the table holds a handful of rows), for a caller that checks several caches. */
export async function readVersions(db: Database): Promise<Record<VersionKey, number>> {
  const rows = await db.select().from(versions);
  const out: Record<VersionKey, number> = { secrets: 0, auth: 0, policies: 0 };
  for (const r of rows) if (r.key in out) out[r.key as VersionKey] = r.version;
  return out;
}

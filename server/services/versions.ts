import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { versions } from '../db/schema/versions.ts';

/** Names of the shared counters. A bump means "what you cached under this key is stale". */
export type VersionKey = 'secrets' | 'auth';

/** Any process calls this after changing what others may have cached. */
export async function bumpVersion(db: Database, key: VersionKey): Promise<number> {
  const [row] = await db
    .insert(versions)
    .values({ key, version: 1 })
    .onConflictDoUpdate({ target: versions.key, set: { version: sql`${versions.version} + 1` } })
    .returning({ version: versions.version });
  return row!.version;
}

export async function readVersion(db: Database, key: VersionKey): Promise<number> {
  const [row] = await db.select({ version: versions.version }).from(versions).where(eq(versions.key, key));
  return row?.version ?? 0;
}

import { and, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { sessions } from '../db/schema/sessions.ts';
import { users, type User } from '../db/schema/users.ts';
import { randomToken, sha256 } from '../auth/random.ts';
import { cachedAuth } from './auth-cache.ts';
import { bumpVersion } from './versions.ts';

export interface NewSession {
  /** The cookie value: shown to the browser once, stored only as a hash. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Database,
  user: User,
  opts: { ttlHours: number; userAgent?: string; ip?: string },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + opts.ttlHours * 3_600_000);
  await db.insert(sessions).values({
    userId: user.id,
    tokenHash: sha256(token),
    csrfToken,
    expiresAt,
    userAgent: opts.userAgent,
    ip: opts.ip,
  });
  // Opportunistic clean-up keeps the table small without a scheduler.
  await db.delete(sessions).where(and(eq(sessions.userId, user.id), lt(sessions.expiresAt, new Date())));
  return { token, csrfToken, expiresAt };
}

/**
 * Looked up on every request. Cached by cookie hash behind the shared 'auth' version, which
 * logout and user changes bump; expiry is checked against the cached expiresAt.
 */
export async function findActiveSession(db: Database, token: string, authVersion?: number) {
  const hash = sha256(token);
  return cachedAuth(
    db,
    `session:${hash}`,
    async () => {
      const [row] = await db
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, hash), gt(sessions.expiresAt, new Date())));
      return row;
    },
    (row) => row.session.expiresAt,
    authVersion,
  );
}

export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
  await bumpVersion(db, 'auth');
}

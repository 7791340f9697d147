import { asc, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { users, type Role, type User } from '../db/schema/users.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../auth/passwords.ts';
import { roleAtLeast } from '../auth/permissions.ts';
import { bumpVersion } from './versions.ts';

export type PublicUser = Pick<User, 'id' | 'email' | 'name' | 'role' | 'createdAt'>;

export function toPublicUser(u: User): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt };
}

export interface NewUser {
  email: string;
  name?: string;
  password: string;
  role: Role;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('invalid', `The password is too short.`, `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function findUserByEmail(db: Database, email: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function findUserById(db: Database, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function listUsers(db: Database): Promise<PublicUser[]> {
  return (await db.select().from(users).orderBy(asc(users.createdAt))).map(toPublicUser);
}

/**
 * First-run setup: creates the owner only while no user exists. The advisory lock makes two
 * simultaneous setup requests create one owner, not two.
 */
export async function createFirstOwner(db: Database, caller: Caller, input: Omit<NewUser, 'role'>): Promise<User> {
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return audited(
    db,
    caller,
    {
      action: 'setup.owner',
      input: { email: input.email, name: input.name },
      targetOf: (u) => ({ type: 'user', id: u.id }),
    },
    () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(4242001)`);
        const [{ n } = { n: 0 }] = await tx.select({ n: count() }).from(users);
        if (n > 0)
          throw new DomainError(
            'conflict',
            'Setup is already done: an owner exists.',
            'Log in instead, or ask the owner for an account.',
          );
        const [user] = await tx
          .insert(users)
          .values({ email: input.email, name: input.name ?? '', passwordHash, role: 'owner' })
          .returning();
        return user!;
      }),
  );
}

export async function createUser(db: Database, caller: Caller, input: NewUser): Promise<User> {
  checkPassword(input.password);
  assertMayGrant(caller, input.role);
  if (await findUserByEmail(db, input.email)) {
    throw new DomainError('conflict', `A user with the e-mail ${input.email} already exists.`);
  }
  const passwordHash = await hashPassword(input.password);
  return audited(
    db,
    caller,
    {
      action: 'user.create',
      input: { email: input.email, name: input.name, role: input.role },
      targetOf: (u) => ({ type: 'user', id: u.id }),
    },
    async () => {
      const [user] = await db
        .insert(users)
        .values({ email: input.email, name: input.name ?? '', passwordHash, role: input.role })
        .returning();
      return user!;
    },
  );
}

/** Only an owner may make owners or admins; an admin may manage operators and viewers. */
function assertMayGrant(caller: Caller, role: Role): void {
  const { actor } = caller;
  if (actor.type === 'system') return;
  if ((role === 'owner' || role === 'admin') && actor.role !== 'owner') {
    throw new DomainError('forbidden', `Only an owner can give the ${role} role.`);
  }
  if (!roleAtLeast(actor.role, 'admin')) throw new DomainError('forbidden', 'Only an admin or owner can manage users.');
}

export async function updateUser(
  db: Database,
  caller: Caller,
  id: string,
  patch: { name?: string; role?: Role; password?: string },
): Promise<User> {
  const existing = await findUserById(db, id);
  if (!existing) throw new DomainError('not_found', `No user with id ${id}.`);
  if (patch.role && patch.role !== existing.role) {
    assertMayGrant(caller, patch.role);
    // An admin may not demote an owner or another admin.
    assertMayGrant(caller, existing.role);
    if (existing.role === 'owner') await assertNotLastOwner(db, id);
  }
  if (patch.password) checkPassword(patch.password);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  return audited(db, caller, { action: 'user.update', target: { type: 'user', id }, input: patch }, async () => {
    const [user] = await db
      .update(users)
      .set({ name: patch.name, role: patch.role, passwordHash, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    // Cached sessions and tokens carry the user's role: every process drops them now.
    await bumpVersion(db, 'auth');
    return user!;
  });
}

export async function deleteUser(db: Database, caller: Caller, id: string): Promise<void> {
  const existing = await findUserById(db, id);
  if (!existing) throw new DomainError('not_found', `No user with id ${id}.`);
  if (caller.actor.type === 'user' && caller.actor.userId === id) {
    throw new DomainError('invalid', 'You cannot delete your own account.', 'Ask another owner or admin.');
  }
  assertMayGrant(caller, existing.role);
  if (existing.role === 'owner') await assertNotLastOwner(db, id);
  // Sessions and tokens go with the user (ON DELETE CASCADE), so access ends at once.
  await audited(
    db,
    caller,
    { action: 'user.delete', target: { type: 'user', id }, input: { email: existing.email } },
    async () => {
      await db.delete(users).where(eq(users.id, id));
      await bumpVersion(db, 'auth');
    },
  );
}

async function assertNotLastOwner(db: Database, id: string): Promise<void> {
  const owners = await db.select({ id: users.id }).from(users).where(eq(users.role, 'owner'));
  if (owners.length === 1 && owners[0]!.id === id) {
    throw new DomainError('conflict', 'This is the last owner.', 'Make another user owner first.');
  }
}

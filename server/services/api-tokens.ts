import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { apiTokens, type ApiToken, type TokenKind } from '../db/schema/api-tokens.ts';
import { users, type User } from '../db/schema/users.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { randomToken, sha256 } from '../auth/random.ts';
import { hasScope, roleAtLeast, scopesOfRole, type Actor, type Scope } from '../auth/permissions.ts';
import { cachedAuth, noteTokenUse } from './auth-cache.ts';
import { bumpVersion } from './versions.ts';

const TOKEN_PREFIX = 'op_';

export type PublicToken = Omit<ApiToken, 'tokenHash'>;

function toPublicToken(t: ApiToken): PublicToken {
  const { tokenHash: _hash, ...rest } = t;
  return rest;
}

export interface NewToken {
  name: string;
  kind: TokenKind;
  scopes: Scope[];
  expiresInDays?: number;
  /** Agent tokens over MCP: a person must approve in the panel, even when the client could ask them. */
  requirePanelApproval?: boolean;
}

/**
 * Creates a token for `owner`, acting through `caller`. The plaintext is returned once and never
 * stored. Agent tokens cannot carry `approve`, and nobody can mint more than they hold; agents
 * cannot mint tokens at all (they would otherwise hand themselves a human token).
 */
export async function createApiToken(
  db: Database,
  caller: Caller,
  owner: User,
  input: NewToken,
): Promise<{ token: string; record: PublicToken }> {
  const { actor } = caller;
  if (actor.type === 'user' && actor.tokenKind === 'agent') {
    throw new DomainError(
      'forbidden',
      'Agent tokens cannot create tokens.',
      'Create tokens from the panel or with a human token.',
    );
  }
  if (input.kind === 'agent' && input.scopes.includes('approve')) {
    throw new DomainError(
      'invalid',
      'Agent tokens cannot have the approve scope: only a person approves actions.',
      'Drop "approve" from scopes.',
    );
  }
  if (input.kind === 'agent' && input.requirePanelApproval === false) assertMayApproveFromClient(actor, owner);
  const roleAllows = scopesOfRole(owner.role);
  const beyondRole = input.scopes.filter((s) => !roleAllows.includes(s));
  if (beyondRole.length) {
    throw new DomainError('forbidden', `The ${owner.role} role cannot hold the scopes: ${beyondRole.join(', ')}.`);
  }
  const beyondCaller = input.scopes.filter((s) => !hasScope(actor, s));
  if (beyondCaller.length) {
    throw new DomainError('forbidden', `You cannot grant scopes you do not hold: ${beyondCaller.join(', ')}.`);
  }
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  return audited(
    db,
    caller,
    {
      action: 'token.create',
      input: {
        name: input.name,
        kind: input.kind,
        scopes: input.scopes,
        expiresInDays: input.expiresInDays,
        requirePanelApproval: input.requirePanelApproval ?? true,
        userId: owner.id,
      },
      targetOf: (r) => ({ type: 'token', id: r.record.id }),
    },
    async () => {
      const [row] = await db
        .insert(apiTokens)
        .values({
          userId: owner.id,
          name: input.name,
          kind: input.kind,
          scopes: input.scopes,
          tokenHash: sha256(token),
          prefix: token.slice(0, 10),
          expiresAt,
          requirePanelApproval: input.requirePanelApproval ?? true,
        })
        .returning();
      return { token, record: toPublicToken(row!) };
    },
  );
}

/**
 * A token whose MCP client may relay the person's approvals is as strong as approving: the person
 * needs an admin role (the elicitation re-checks it when deciding), and whoever makes it must hold
 * the approve scope themselves.
 */
function assertMayApproveFromClient(actor: Actor, owner: User): void {
  if (!roleAtLeast(owner.role, 'admin')) {
    throw new DomainError(
      'forbidden',
      `Approving from the MCP client needs an admin or owner, and this token would belong to a ${owner.role}.`,
      'Leave requirePanelApproval on (the default): actions are then approved in the panel.',
    );
  }
  if (!hasScope(actor, 'approve')) {
    throw new DomainError(
      'forbidden',
      'Making a token that may approve from its MCP client needs the "approve" scope, which this caller does not have.',
      'Create it from a signed-in session or with a token that has the approve scope.',
    );
  }
}

/**
 * Looked up on every request. Cached by token hash behind the shared 'auth' version, which
 * revocation bumps, so a revoked token is refused on the next request in every process.
 */
export async function findActiveToken(db: Database, token: string, authVersion?: number) {
  if (!token.startsWith(TOKEN_PREFIX)) return undefined;
  const row = await cachedAuth(
    db,
    `token:${sha256(token)}`,
    async () => {
      const [found] = await db
        .select({ token: apiTokens, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(
          and(
            eq(apiTokens.tokenHash, sha256(token)),
            isNull(apiTokens.revokedAt),
            or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
          ),
        );
      return found;
    },
    (found) => found.token.expiresAt,
    authVersion,
  );
  if (row) noteTokenUse(db, row.token.id);
  return row;
}

export async function listApiTokens(db: Database, userId: string | null): Promise<PublicToken[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(userId ? eq(apiTokens.userId, userId) : undefined)
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toPublicToken);
}

export async function revokeApiToken(
  db: Database,
  caller: Caller,
  id: string,
  opts: { anyUser: boolean },
): Promise<void> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  const { actor } = caller;
  const own = actor.type === 'user' && row?.userId === actor.userId;
  if (!row || (!own && !opts.anyUser)) throw new DomainError('not_found', `No token with id ${id}.`);
  if (row.revokedAt) return;
  await audited(db, caller, { action: 'token.revoke', target: { type: 'token', id } }, async () => {
    await db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.id, id));
    await bumpVersion(db, 'auth');
  });
}

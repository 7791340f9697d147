import type { Role } from '../db/schema/users.ts';
import type { TokenKind } from '../db/schema/api-tokens.ts';

export const SCOPES = ['read', 'write', 'approve', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

/** What each role may do at most. A token narrows this further with its own scopes. */
const roleScopes: Record<Role, readonly Scope[]> = {
  owner: ['read', 'write', 'approve', 'admin'],
  admin: ['read', 'write', 'approve', 'admin'],
  operator: ['read', 'write', 'approve'],
  viewer: ['read'],
};

const roleRank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2, owner: 3 };

export function scopesOfRole(role: Role): readonly Scope[] {
  return roleScopes[role];
}

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return roleRank[role] >= roleRank[minimum];
}

/**
 * Who is calling. A person in a browser session, a person's API token, an agent token (an IDE
 * assistant acting for a person), or the panel itself (CLI, jobs).
 */
export type Actor =
  | {
      type: 'user';
      userId: string;
      email: string;
      role: Role;
      via: 'session' | 'token';
      sessionId?: string;
      tokenId?: string;
      tokenKind?: TokenKind;
      scopes: readonly Scope[];
    }
  | { type: 'system'; label: string; scopes: readonly Scope[] };

export function isAgent(actor: Actor): boolean {
  return actor.type === 'user' && actor.via === 'token' && actor.tokenKind === 'agent';
}

/** Agent tokens never approve, whatever scopes were asked for: only a person decides. */
export function effectiveScopes(role: Role, tokenScopes: readonly Scope[] | null, kind: TokenKind | null): Scope[] {
  const allowed = roleScopes[role];
  const wanted = tokenScopes ?? allowed;
  return wanted.filter((s) => allowed.includes(s) && !(kind === 'agent' && s === 'approve'));
}

export function hasScope(actor: Actor, scope: Scope): boolean {
  return actor.scopes.includes(scope);
}

export function actorLabel(actor: Actor): string {
  if (actor.type === 'system') return actor.label;
  return actor.tokenKind === 'agent' ? `${actor.email} (agent token)` : actor.email;
}

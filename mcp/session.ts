import type { Caller } from '../server/audit.ts';
import type { Database } from '../server/db/client.ts';
import { DomainError } from '../server/errors.ts';
import { effectiveScopes, type Scope } from '../server/auth/permissions.ts';
import { findActiveToken } from '../server/services/api-tokens.ts';
import type { Preset } from './catalog.ts';

/** Who is on the other end of one MCP connection, fixed when it is opened. */
export interface McpSession {
  /** The agent token's actor; every tool call runs as this caller, through the approval gate. */
  caller: Caller;
  preset: Preset;
  transport: 'stdio' | 'http' | 'memory';
  /** The Streamable HTTP session id, once the client has initialized. */
  id?: string;
}

/**
 * The caller for a token given outside HTTP (stdio): the same actor the bearer-token middleware
 * builds. Only agent tokens: an assistant must never hold a credential that can approve.
 */
export async function agentCallerFromToken(db: Database, token: string): Promise<Caller> {
  const found = await findActiveToken(db, token);
  if (!found)
    throw new DomainError(
      'forbidden',
      'The token is not valid: it may be mistyped, expired or revoked.',
      'Create a new agent token in Settings → API tokens.',
    );
  const { token: row, user } = found;
  if (row.kind !== 'agent')
    throw new DomainError(
      'forbidden',
      'MCP accepts agent tokens only, so an assistant never holds a credential that can approve actions.',
      'Create a token of kind agent.',
    );
  return {
    actor: {
      type: 'user',
      userId: user.id,
      email: user.email,
      role: user.role,
      via: 'token',
      tokenId: row.id,
      tokenKind: row.kind,
      scopes: effectiveScopes(user.role, row.scopes as Scope[], row.kind),
    },
  };
}

import { and, eq, gt, isNull, or } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { ActionRow } from '../db/schema/actions.ts';
import { apiTokens, type ApiToken } from '../db/schema/api-tokens.ts';
import type { User } from '../db/schema/users.ts';
import { DomainError } from '../errors.ts';
import { writeAudit, type Caller } from '../audit.ts';
import { effectiveScopes, roleAtLeast, type Scope } from '../auth/permissions.ts';
import { findUserById } from '../services/users.ts';
import { executeApproved, markApproved, markRejected } from './decide.ts';
import { findAction, notifyAction, toActionView, type ActionView } from './store.ts';

/**
 * The one place a decision is recorded for the person behind an agent token: they answered an
 * MCP elicitation form in their own client (IDE). The agent never decides; the client shows the
 * exact action to the person and relays their answer. It is refused when the token demands
 * approval in the panel, when the person is not (or no longer) an admin or owner, and for any action other
 * than the one this token requested over MCP. The token's `approve` scope is not required,
 * because agent tokens never hold it: the decision comes from the person, not the token.
 */
export interface ElicitedDecision {
  actionId: string;
  /** The agent token whose MCP session asked the person. */
  tokenId: string;
  /** The person behind that token, as the session knows them; re-read from the database. */
  user: { userId: string };
}

const ELICITATION_LABEL = '(via MCP elicitation)';

async function activeToken(ctx: AppContext, tokenId: string): Promise<ApiToken | undefined> {
  const [token] = await ctx.db
    .select()
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.id, tokenId),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, new Date())),
      ),
    );
  return token;
}

/**
 * Whether the person behind `tokenId` may decide an action of `risk` from their MCP client.
 * Returns the reason when not, so the MCP adapter does not ask someone who cannot answer.
 */
export async function elicitationRefusal(
  ctx: AppContext,
  tokenId: string,
  userId: string,
  risk: string,
): Promise<string | null> {
  const token = await activeToken(ctx, tokenId);
  if (!token || token.userId !== userId) return 'the token is no longer valid';
  if (token.requirePanelApproval) return 'this token is set to require approval in the panel';
  const user = await findUserById(ctx.db, token.userId);
  if (!user) return 'the token’s user no longer exists';
  // Checked again here, not only when the token was made: the person may have been demoted since.
  if (!roleAtLeast(user.role, 'admin'))
    return `approving a ${risk} action from an MCP client needs an admin or owner, and the token belongs to a ${user.role}`;
  return null;
}

interface Loaded {
  row: ActionRow;
  user: User;
  token: ApiToken;
}

async function loadForElicitation(ctx: AppContext, d: ElicitedDecision): Promise<Loaded> {
  const row = await findAction(ctx, d.actionId);
  if (!row) throw new DomainError('not_found', `No action with id ${d.actionId}.`);
  // Only the action this token's MCP session just requested: never someone else's, never an old id.
  if (row.requestedByTokenId !== d.tokenId || row.requestedVia !== 'mcp') {
    throw new DomainError('forbidden', 'An MCP elicitation can only decide the action its own session requested.');
  }
  const why = await elicitationRefusal(ctx, d.tokenId, d.user.userId, row.risk);
  if (why)
    throw new DomainError(
      'forbidden',
      `This action cannot be decided from the MCP client: ${why}.`,
      `A person approves it in the panel at ${toActionView(ctx, row).url}.`,
    );
  const token = (await activeToken(ctx, d.tokenId))!;
  const user = (await findUserById(ctx.db, token.userId))!;
  return { row, user, token };
}

/** The person, as recorded for the decision: their account, marked as answering through MCP. */
function personCaller(user: User, token: ApiToken, label: string): Caller {
  return {
    actor: {
      type: 'user',
      userId: user.id,
      email: label,
      role: user.role,
      via: 'token',
      tokenId: token.id,
      // Deliberately not `agent`: the audit must show a person decided. The scopes are the token's.
      scopes: effectiveScopes(user.role, token.scopes as Scope[], 'agent'),
    },
  };
}

export async function approveFromElicitation(ctx: AppContext, d: ElicitedDecision): Promise<ActionView> {
  const { row, user, token } = await loadForElicitation(ctx, d);
  const label = `${user.email} ${ELICITATION_LABEL}`;
  await markApproved(ctx, row.id, { userId: user.id, label });
  await writeAudit(ctx.db, personCaller(user, token, label), {
    action: 'action.approve',
    target: { type: 'action', id: row.id },
    input: { tool: row.tool, inputHash: row.inputHash, via: 'mcp-elicitation' },
    result: 'ok',
  });
  notifyAction(ctx, row.id);
  // It runs as the person who approved it (as approveAction does), limited to the token's scopes.
  await executeApproved(ctx, personCaller(user, token, user.email), row.id);
  return toActionView(ctx, (await findAction(ctx, row.id))!);
}

export async function rejectFromElicitation(
  ctx: AppContext,
  d: ElicitedDecision,
  reason?: string,
): Promise<ActionView> {
  const { row, user, token } = await loadForElicitation(ctx, d);
  const label = `${user.email} ${ELICITATION_LABEL}`;
  const rejected = await markRejected(ctx, row.id, { userId: user.id, label }, reason);
  await writeAudit(ctx.db, personCaller(user, token, label), {
    action: 'action.reject',
    target: { type: 'action', id: row.id },
    input: { tool: row.tool, reason, via: 'mcp-elicitation' },
    result: 'ok',
  });
  notifyAction(ctx, row.id);
  return toActionView(ctx, rejected);
}

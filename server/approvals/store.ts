import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { actions, type ActionRow, type ActionStatus } from '../db/schema/actions.ts';
import { DomainError } from '../errors.ts';
import { writeAudit } from '../audit.ts';

export const ACTION_CHANGED = 'action-changed';
export const OPEN_STATUSES: ActionStatus[] = ['pending', 'approved', 'running'];

export interface ActionView {
  id: string;
  tool: string;
  status: ActionStatus;
  risk: string;
  summary: string;
  target: { type: string; id: string; name?: string } | null;
  /** Redacted: secret values are never shown. */
  input: unknown;
  inputHash: string;
  requestedBy: string;
  requestedVia: string;
  origin: Record<string, string>;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  result: { text: string; data?: unknown } | null;
  error: string | null;
  expiresAt: string;
  createdAt: string;
  finishedAt: string | null;
  /** Where a person approves it. */
  url: string;
}

function actionUrl(ctx: AppContext, id: string): string {
  const base = ctx.env.OPENPANEL_PUBLIC_URL ?? `http://localhost:${ctx.env.PORT}`;
  return `${base.replace(/\/$/, '')}/approvals/${id}`;
}

export function toActionView(ctx: AppContext, row: ActionRow): ActionView {
  return {
    id: row.id,
    tool: row.tool,
    status: row.status,
    risk: row.risk,
    summary: row.summary,
    target:
      row.targetType && row.targetId
        ? { type: row.targetType, id: row.targetId, ...(row.targetName ? { name: row.targetName } : {}) }
        : null,
    input: row.inputRedacted,
    inputHash: row.inputHash,
    requestedBy: row.requestedByLabel,
    requestedVia: row.requestedVia,
    origin: row.origin,
    decidedBy: row.decidedByLabel,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    reason: row.reason,
    result: row.resultText === null ? null : { text: row.resultText, data: row.resultData ?? undefined },
    error: row.error,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    url: actionUrl(ctx, row.id),
  };
}

export async function findAction(ctx: AppContext, id: string): Promise<ActionRow | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await ctx.db.select().from(actions).where(eq(actions.id, id));
  return row;
}

export async function getActionView(ctx: AppContext, id: string): Promise<ActionView> {
  await expireActions(ctx);
  const row = await findAction(ctx, id);
  if (!row) throw new DomainError('not_found', `No action with id ${id}.`, 'List pending actions to see what exists.');
  return toActionView(ctx, row);
}

export async function listActions(ctx: AppContext, filter: { status?: string; limit?: number }): Promise<ActionView[]> {
  await expireActions(ctx);
  const rows = await ctx.db
    .select()
    .from(actions)
    .where(filter.status ? eq(actions.status, filter.status as ActionStatus) : undefined)
    .orderBy(desc(actions.createdAt))
    .limit(filter.limit ?? 100);
  return rows.map((r) => toActionView(ctx, r));
}

export function notifyAction(ctx: AppContext, id: string): void {
  ctx.events.emit(ACTION_CHANGED, id);
}

/** Pending actions past their expiry become `expired` (lazily on reads, and by the sweeper). */
export async function expireActions(ctx: AppContext): Promise<number> {
  const expired = await ctx.db
    .update(actions)
    .set({ status: 'expired', finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(actions.status, 'pending'), lt(actions.expiresAt, new Date())))
    .returning();
  for (const row of expired) {
    await writeAudit(
      ctx.db,
      { actor: { type: 'system', label: 'approvals', scopes: [] } },
      { action: 'action.expire', target: { type: 'action', id: row.id }, input: { tool: row.tool }, result: 'ok' },
    );
    notifyAction(ctx, row.id);
  }
  return expired.length;
}

/**
 * After a crash or restart: an action that was approved or running is not run again silently.
 * It is marked failed with a reason, audited, and reported; a person can request it again.
 */
export async function recoverInterruptedActions(
  ctx: AppContext,
  opts: { staleAfterMs?: number } = {},
): Promise<string[]> {
  // Actions run inside the process that approved them. With one process (the embedded default),
  // anything still approved or running at start-up was interrupted. With several processes, only
  // rows nobody has touched for a while are, so another process's running action is left alone.
  const staleBefore = new Date(Date.now() - (opts.staleAfterMs ?? 0));
  const interrupted = await ctx.db
    .update(actions)
    .set({
      status: 'failed',
      error:
        'Interrupted: the panel stopped while this action was being carried out. It was not run again; check the current state and request it again if needed.',
      finishedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(inArray(actions.status, ['approved', 'running']), lt(actions.updatedAt, staleBefore)))
    .returning();
  for (const row of interrupted) {
    await writeAudit(
      ctx.db,
      { actor: { type: 'system', label: 'approvals', scopes: [] } },
      {
        action: 'action.interrupted',
        target: { type: 'action', id: row.id },
        input: { tool: row.tool, was: 'approved or running' },
        result: 'error',
        error: 'interrupted by a restart',
      },
    );
    notifyAction(ctx, row.id);
  }
  if (interrupted.length)
    ctx.logger.warn(
      { actions: interrupted.map((r) => r.id) },
      'actions interrupted by a restart were marked failed, not re-run',
    );
  return interrupted.map((r) => r.id);
}

import { and, eq, gt } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { actions, type ActionRow } from '../db/schema/actions.ts';
import { DomainError } from '../errors.ts';
import { writeAudit, type Caller } from '../audit.ts';
import { actorLabel, hasScope, isAgent, roleAtLeast } from '../auth/permissions.ts';
import { inputHash } from './canonical.ts';
import { getTool, parseInput, resolveTarget, runTool } from './gate.ts';
import { findAction, notifyAction, toActionView, type ActionView } from './store.ts';

/** Only a person may decide, with the approve permission and a role that fits the risk. */
function assertMayDecide(caller: Caller, row: ActionRow): void {
  const { actor } = caller;
  if (actor.type !== 'user' || isAgent(actor))
    throw new DomainError('forbidden', 'Only a person can approve or reject actions; agent tokens never can.');
  if (!hasScope(actor, 'approve'))
    throw new DomainError('forbidden', 'Deciding on actions needs the "approve" permission.');
  const minimum = row.risk === 'destructive' ? 'admin' : 'operator';
  if (!roleAtLeast(actor.role, minimum))
    throw new DomainError(
      'forbidden',
      `A ${row.risk} action needs an ${minimum} or owner to decide; you are ${actor.role}.`,
    );
}

async function loadForDecision(ctx: AppContext, caller: Caller, id: string): Promise<ActionRow> {
  const row = await findAction(ctx, id);
  if (!row) throw new DomainError('not_found', `No action with id ${id}.`);
  assertMayDecide(caller, row);
  return row;
}

/** Explains why a pending → decided update matched nothing. */
async function refusal(ctx: AppContext, id: string): Promise<DomainError> {
  const row = (await findAction(ctx, id))!;
  if (row.status === 'pending' && row.expiresAt <= new Date()) {
    await ctx.db
      .update(actions)
      .set({ status: 'expired', finishedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(actions.id, id), eq(actions.status, 'pending')));
    notifyAction(ctx, id);
    return new DomainError(
      'gone',
      `Action ${id} expired at ${row.expiresAt.toISOString()}.`,
      'Ask for it again to get a new action.',
    );
  }
  if (row.status === 'expired')
    return new DomainError('gone', `Action ${id} has expired.`, 'Ask for it again to get a new action.');
  return new DomainError('conflict', `Action ${id} is already ${row.status}; it can be decided only once.`);
}

export interface ApproveOptions {
  /** The hash of the input the person reviewed; a different input needs a new action. */
  inputHash?: string;
}

/**
 * pending → approved → running → succeeded | failed, each step a conditional update, so double
 * clicks, retries and concurrent approvals run the action exactly once.
 */
export async function approveAction(
  ctx: AppContext,
  caller: Caller,
  id: string,
  opts: ApproveOptions = {},
): Promise<ActionView> {
  const row = await loadForDecision(ctx, caller, id);
  if (opts.inputHash && opts.inputHash !== row.inputHash) {
    throw new DomainError(
      'conflict',
      'The input of this action is not the one you reviewed.',
      'A changed input needs a new action; ask for it again.',
    );
  }
  await markApproved(ctx, id, {
    userId: caller.actor.type === 'user' ? caller.actor.userId : null,
    label: actorLabel(caller.actor),
  });
  await writeAudit(ctx.db, caller, {
    action: 'action.approve',
    target: { type: 'action', id },
    input: { tool: row.tool, inputHash: row.inputHash },
    result: 'ok',
  });
  notifyAction(ctx, id);
  await executeApproved(ctx, caller, id);
  return toActionView(ctx, (await findAction(ctx, id))!);
}

/** Who decided, as stored on the action. */
export interface Decider {
  userId: string | null;
  label: string;
}

/** The one pending → approved step; it matches only a pending, unexpired action, so it wins once. */
export async function markApproved(ctx: AppContext, id: string, by: Decider): Promise<ActionRow> {
  const now = new Date();
  const [approved] = await ctx.db
    .update(actions)
    .set({ status: 'approved', decidedByUserId: by.userId, decidedByLabel: by.label, decidedAt: now, updatedAt: now })
    .where(and(eq(actions.id, id), eq(actions.status, 'pending'), gt(actions.expiresAt, now)))
    .returning();
  if (!approved) throw await refusal(ctx, id);
  return approved;
}

/** The one pending → rejected step (final). */
export async function markRejected(ctx: AppContext, id: string, by: Decider, reason?: string): Promise<ActionRow> {
  const now = new Date();
  const [rejected] = await ctx.db
    .update(actions)
    .set({
      status: 'rejected',
      reason: reason ?? null,
      decidedByUserId: by.userId,
      decidedByLabel: by.label,
      decidedAt: now,
      finishedAt: now,
      updatedAt: now,
    })
    .where(and(eq(actions.id, id), eq(actions.status, 'pending'), gt(actions.expiresAt, now)))
    .returning();
  if (!rejected) throw await refusal(ctx, id);
  return rejected;
}

/** approved → running → succeeded | failed; a second caller finds nothing approved and returns. */
export async function executeApproved(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  const [running] = await ctx.db
    .update(actions)
    .set({ status: 'running', startedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(actions.id, id), eq(actions.status, 'approved')))
    .returning();
  if (!running) return;
  notifyAction(ctx, id);
  let outcome: { status: 'succeeded' | 'failed'; resultText: string | null; resultData: unknown; error: string | null };
  try {
    const tool = getTool(running.tool);
    const input = parseInput(tool, JSON.parse(ctx.secrets.decrypt(running.inputEncrypted, `action:${id}`)));
    // The stored input must still be exactly what was approved.
    if (inputHash(tool.name, input) !== running.inputHash)
      throw new DomainError('conflict', 'The stored input no longer matches its approval.');
    // The approval bound a resource: if the name now points at another one (deleted and
    // recreated meanwhile), it does not carry over.
    const target = await resolveTarget(ctx, tool, input);
    if (running.targetId && target && target.id !== running.targetId) {
      throw new DomainError(
        'conflict',
        `The target ${target.name ?? target.id} is not the one that was approved (it was replaced meanwhile).`,
        'Request it again.',
      );
    }
    const result = await runTool(ctx, tool, input, caller);
    outcome =
      result.status === 'done'
        ? { status: 'succeeded', resultText: result.text, resultData: result.data ?? null, error: null }
        : {
            status: 'failed',
            resultText: result.text,
            resultData: null,
            error: result.status === 'failed' ? result.error : result.text,
          };
  } catch (err) {
    outcome = {
      status: 'failed',
      resultText: null,
      resultData: null,
      error: err instanceof Error ? err.message : String(err),
    };
  }
  await ctx.db
    .update(actions)
    .set({ ...outcome, finishedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(actions.id, id), eq(actions.status, 'running')));
  await writeAudit(ctx.db, caller, {
    action: 'action.execute',
    target: { type: 'action', id },
    input: { tool: running.tool },
    result: outcome.status === 'succeeded' ? 'ok' : 'error',
    error: outcome.error ?? undefined,
  });
  notifyAction(ctx, id);
}

export async function rejectAction(ctx: AppContext, caller: Caller, id: string, reason?: string): Promise<ActionView> {
  await loadForDecision(ctx, caller, id);
  const rejected = await markRejected(
    ctx,
    id,
    { userId: caller.actor.type === 'user' ? caller.actor.userId : null, label: actorLabel(caller.actor) },
    reason,
  );
  await writeAudit(ctx.db, caller, {
    action: 'action.reject',
    target: { type: 'action', id },
    input: { tool: rejected.tool, reason },
    result: 'ok',
  });
  notifyAction(ctx, id);
  return toActionView(ctx, rejected);
}

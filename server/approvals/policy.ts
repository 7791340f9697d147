import { asc, eq } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { approvalPolicies, type ApprovalPolicy } from '../db/schema/approval-policies.ts';
import type { Risk } from '../../tools/define.ts';
import { audited, type Caller } from '../audit.ts';
import { DomainError } from '../errors.ts';
import type { Database } from '../db/client.ts';
import { bumpVersion, readVersion } from '../services/versions.ts';

export type Decision = 'allow' | 'ask' | 'deny';

export interface PolicyQuery {
  tool: string;
  risk: Risk;
  appId: string | null;
  requesterKind: 'agent' | 'human';
}

function specificity(p: ApprovalPolicy): number {
  return (p.tool ? 8 : 0) + (p.appId ? 4 : 0) + (p.requesterKind ? 2 : 0) + (p.risk ? 1 : 0);
}

function matches(p: ApprovalPolicy, q: PolicyQuery): boolean {
  return (
    (!p.tool || p.tool === q.tool) &&
    (!p.risk || p.risk === q.risk) &&
    (!p.appId || p.appId === q.appId) &&
    (!p.requesterKind || p.requesterKind === q.requesterKind)
  );
}

// Rules change rarely and are read on every tool call: kept per database handle, reloaded when
// the shared 'policies' version moves (any process bumps it with the change).
const ruleCache = new WeakMap<Database, { version: number; rules: readonly ApprovalPolicy[] }>();

async function currentRules(db: Database, knownVersion?: number): Promise<readonly ApprovalPolicy[]> {
  const version = knownVersion ?? (await readVersion(db, 'policies'));
  const cached = ruleCache.get(db);
  if (cached?.version === version) return cached.rules;
  const rules = await db.select().from(approvalPolicies);
  ruleCache.set(db, { version, rules });
  return rules;
}

/**
 * The most specific matching rule decides; among equals, the most cautious (deny > ask > allow).
 * Without a rule: reads run; a person's own write runs; an agent's write or destructive call asks.
 * `policiesVersion`: the 'policies' counter when the caller already read it in this request.
 */
export async function decide(
  ctx: AppContext,
  q: PolicyQuery,
  policiesVersion?: number,
): Promise<{ decision: Decision; rule: ApprovalPolicy | null }> {
  const rules = (await currentRules(ctx.db, policiesVersion)).filter((p) => matches(p, q));
  const caution: Record<Decision, number> = { allow: 0, ask: 1, deny: 2 };
  rules.sort((a, b) => specificity(b) - specificity(a) || caution[b.decision] - caution[a.decision]);
  const rule = rules[0] ?? null;
  if (rule) return { decision: rule.decision, rule };
  if (q.risk === 'read' || q.requesterKind === 'human') return { decision: 'allow', rule: null };
  return { decision: 'ask', rule: null };
}

export async function listPolicies(ctx: AppContext): Promise<ApprovalPolicy[]> {
  return ctx.db.select().from(approvalPolicies).orderBy(asc(approvalPolicies.createdAt));
}

export async function createPolicy(
  ctx: AppContext,
  caller: Caller,
  input: Omit<ApprovalPolicy, 'id' | 'createdAt' | 'createdBy' | 'note'> & { note?: string },
): Promise<ApprovalPolicy> {
  if (!input.tool && !input.risk && !input.appId && !input.requesterKind && input.decision === 'allow') {
    throw new DomainError(
      'invalid',
      'A rule that allows everything for everyone would switch approvals off.',
      'Narrow it to a tool, a risk, an app or a requester kind.',
    );
  }
  const label = caller.actor.type === 'user' ? caller.actor.email : caller.actor.label;
  return audited(
    ctx.db,
    caller,
    { action: 'policy.create', input, targetOf: (p: ApprovalPolicy) => ({ type: 'policy', id: p.id }) },
    async () => {
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(approvalPolicies)
          .values({ ...input, note: input.note ?? '', createdBy: label })
          .returning();
        await bumpVersion(tx, 'policies');
        return row!;
      });
    },
  );
}

export async function deletePolicy(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  const [row] = await ctx.db.select().from(approvalPolicies).where(eq(approvalPolicies.id, id));
  if (!row) throw new DomainError('not_found', `No policy rule with id ${id}.`);
  await audited(ctx.db, caller, { action: 'policy.delete', target: { type: 'policy', id } }, async () => {
    await ctx.db.transaction(async (tx) => {
      await tx.delete(approvalPolicies).where(eq(approvalPolicies.id, id));
      await bumpVersion(tx, 'policies');
    });
  });
}

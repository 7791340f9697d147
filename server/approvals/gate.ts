import crypto from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { actions } from '../db/schema/actions.ts';
import { DomainError, type DomainErrorKind } from '../errors.ts';
import { redact, writeAudit, type Caller } from '../audit.ts';
import { hasScope, isAgent } from '../auth/permissions.ts';
import { findTool } from '../../tools/registry.ts';
import type { ToolDefinition } from '../../tools/define.ts';
import { findAppRow } from '../services/apps.ts';
import { getDeployment } from '../services/deployments.ts';
import { getBackupConfig } from '../backups/configs.ts';
import { canonicalJson, inputHash } from './canonical.ts';
import { SafeInput } from '../validation/safe-text.ts';
import { decide } from './policy.ts';
import { cachedSecretValues, scrubDeep } from '../crypto/scrub.ts';
import { readVersions, type VersionKey } from '../services/versions.ts';
import { roleAtLeast } from '../auth/permissions.ts';
import { notifyAction, toActionView, type ActionView } from './store.ts';

type RequestedVia = 'chat' | 'mcp' | 'api';

export type ToolCallResult =
  | { status: 'done'; text: string; data: unknown }
  | { status: 'failed'; text: string; error: string; hint?: string; code: DomainErrorKind | 'internal' }
  | { status: 'pending'; text: string; action: ActionView }
  | { status: 'denied'; text: string };

export interface ToolRequest {
  tool: string;
  input: unknown;
  caller: Caller;
  via: RequestedVia;
  origin?: Record<string, string>;
  /** The cache counters the surface read at the start of this request (REST does, with auth). */
  versions?: Record<VersionKey, number>;
}

/** Chat and MCP callers are agents acting for a person, whoever is signed in behind them. */
function requesterKind(caller: Caller, via: RequestedVia): 'agent' | 'human' {
  return via !== 'api' || isAgent(caller.actor) ? 'agent' : 'human';
}

export function getTool(name: string): ToolDefinition {
  const tool = findTool(name);
  if (!tool)
    throw new DomainError('not_found', `There is no tool named ${name}.`, 'List the tools to see what exists.');
  return tool as unknown as ToolDefinition;
}

export function parseInput(tool: ToolDefinition, input: unknown): Record<string, unknown> {
  // Text the database would refuse is checked first, whatever the tool's own schema says about it.
  const safe = SafeInput.safeParse(input);
  const parsed = safe.success ? tool.input.safeParse(input ?? {}) : safe;
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
    throw new DomainError(
      'invalid',
      `The input for ${tool.name} is not valid — ${problems}.`,
      'Fix those fields and call the tool again.',
    );
  }
  return parsed.data as Record<string, unknown>;
}

/** The resource a call acts on, resolved to an id, so the approval binds to it. */
export async function resolveTarget(
  ctx: AppContext,
  tool: ToolDefinition,
  input: Record<string, unknown>,
): Promise<ResolvedTarget | null> {
  const target = tool.target?.(input as never);
  if (!target) return null;
  if (target.type === 'app') {
    const app = await findAppRow(ctx, target.ref);
    if (app) return { type: 'app', id: app.id, name: app.name, appId: app.id, found: true };
    return { type: 'app', id: target.ref, name: target.ref, appId: null, found: await isAppPlanned(ctx, target.ref) };
  }
  if (target.type === 'deployment') {
    const d = await getDeployment(ctx, target.ref).catch(() => null);
    return { type: 'deployment', id: target.ref, appId: d?.appId ?? null, found: Boolean(d) };
  }
  if (target.type === 'backup_config') {
    // Its app (if any) is what per-app policy applies to.
    const config = await getBackupConfig(ctx, target.ref).catch(() => null);
    return { type: 'backup_config', id: target.ref, appId: config?.appId ?? null, found: Boolean(config) };
  }
  return { type: target.type, id: target.ref, appId: null, found: true };
}

/**
 * An app whose creation waits for a person (a plan: create, set env, deploy) is a target too: each
 * later step waits for its own approval, and fails when it runs if the app never came.
 */
async function isAppPlanned(ctx: AppContext, name: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: actions.id })
    .from(actions)
    .where(
      and(
        eq(actions.tool, 'create_app'),
        inArray(actions.status, ['pending', 'approved', 'running']),
        sql`${actions.inputRedacted}->>'name' = ${name}`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

export interface ResolvedTarget {
  type: string;
  id: string;
  name?: string;
  appId: string | null;
  /** False when the named app or deployment does not exist: a write on it is refused before approval. */
  found: boolean;
}

const missingTargetHint: Record<string, string> = {
  app: 'Check the name with list_apps (names are exact), or create it with create_app first.',
  deployment: 'Find the deployment id with list_deployments.',
  backup_config: 'Find the configuration id with list_backup_schedules.',
};

/** A write on something that does not exist fails now, instead of asking a person to approve nothing. */
function missingTarget(tool: ToolDefinition, target: ResolvedTarget): ToolCallResult {
  const error = `There is no ${target.type} "${target.name ?? target.id}".`;
  const hint = missingTargetHint[target.type];
  return {
    status: 'failed',
    code: 'not_found',
    error,
    hint,
    text: `${tool.name} was not run: ${error}${hint ? ` ${hint}` : ''}`,
  };
}

/** A tool's data does not match its declared output: a bug in the tool, never the caller's fault. */
class ToolOutputMismatch extends Error {
  override name = 'ToolOutputMismatch';
}

/** Throws, naming the tool and each problem, when `data` is not what the tool's output schema says. */
export function assertToolOutput(tool: Pick<ToolDefinition, 'name' | 'output'>, data: unknown): void {
  const checked = tool.output?.safeParse(data);
  if (checked && !checked.success) {
    const issues = checked.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
    throw new ToolOutputMismatch(`${tool.name} returned data that does not match its output schema — ${issues}`);
  }
}

/**
 * Runs a tool now. Expected failures come back as values with a hint; nothing is thrown, except,
 * outside production, a result that drifted from the tool's output schema (so tests fail loudly).
 */
export async function runTool(
  ctx: AppContext,
  tool: ToolDefinition,
  input: Record<string, unknown>,
  caller: Caller,
  /** The 'secrets' counter read in this call, for a read (which cannot move it); else read after the run. */
  secretsVersion?: number,
): Promise<ToolCallResult> {
  try {
    const out = await tool.execute(input as never, { ...ctx, caller });
    if (ctx.env.NODE_ENV !== 'production') assertToolOutput(tool, out.data);
    // Tools never put secrets in their output, but logs can echo them: every surface (chat, MCP,
    // REST) gets the result with known secret values removed.
    const secrets = await cachedSecretValues(ctx, secretsVersion);
    return { status: 'done', text: scrubDeep(out.text, secrets), data: scrubDeep(out.data, secrets) };
  } catch (err) {
    if (err instanceof ToolOutputMismatch) throw err;
    if (err instanceof DomainError) {
      return {
        status: 'failed',
        code: err.kind,
        error: err.message,
        hint: err.hint,
        text: `${tool.name} failed: ${err.message}${err.hint ? ` ${err.hint}` : ''}`,
      };
    }
    ctx.logger.error({ err, tool: tool.name }, 'tool crashed');
    return {
      status: 'failed',
      code: 'internal',
      error: 'The panel hit an internal error running this tool.',
      text: `${tool.name} failed with an internal error; the panel log has details. Do not retry blindly.`,
    };
  }
}

/**
 * The one entrance for tool calls from every surface. Reads run. Writes run when policy allows
 * (by default: a person acting directly); otherwise they become a pending action that only a
 * person with the right role can approve, and that runs exactly once.
 */
export async function requestTool(ctx: AppContext, req: ToolRequest): Promise<ToolCallResult> {
  const tool = getTool(req.tool);
  const { actor } = req.caller;
  const needed = tool.risk === 'read' ? 'read' : 'write';
  if (!hasScope(actor, needed)) {
    throw new DomainError(
      'forbidden',
      `${tool.name} needs the "${needed}" permission, which this caller does not have.`,
    );
  }
  const kind = requesterKind(req.caller, req.via);
  if (tool.peopleOnly && kind === 'agent') {
    throw new DomainError(
      'forbidden',
      `${tool.name} takes a credential that must never pass through an assistant, so only a person can call it.`,
      'Do it in the panel (the app page) or with a human API token.',
    );
  }
  const input = parseInput(tool, req.input);
  const target = await resolveTarget(ctx, tool, input);
  if (target && !target.found && tool.risk !== 'read') return missingTarget(tool, target);
  // One read for both caches this call checks (policy rules, secret values): a query per call saved.
  const versions = req.versions ?? (await readVersions(ctx.db));
  const { decision, rule } = await decide(
    ctx,
    { tool: tool.name, risk: tool.risk, appId: target?.appId ?? null, requesterKind: kind },
    versions.policies,
  );
  const auditTarget = target ? { type: target.type, id: target.id } : undefined;

  if (decision === 'allow') {
    // Running a destructive tool directly is an admin's call, as on the dedicated REST routes.
    if (tool.risk === 'destructive' && actor.type === 'user' && !roleAtLeast(actor.role, 'admin')) {
      throw new DomainError(
        'forbidden',
        `${tool.name} is destructive: only an admin or owner can run it directly.`,
        'Ask an admin, or request it through the chat so an admin can approve it.',
      );
    }
    // A write may set secrets while it runs: its output is scrubbed with the list read after it.
    const result = await runTool(ctx, tool, input, req.caller, tool.risk === 'read' ? versions.secrets : undefined);
    if (tool.risk !== 'read') {
      await writeAudit(ctx.db, req.caller, {
        action: `tool.${tool.name}`,
        target: auditTarget,
        input: { via: req.via, input: redact(input), policy: rule?.id ?? 'default' },
        result: result.status === 'done' ? 'ok' : 'error',
        error: result.status === 'failed' ? result.error : undefined,
      });
    }
    return result;
  }
  if (decision === 'deny') {
    await writeAudit(ctx.db, req.caller, {
      action: 'action.request',
      target: auditTarget,
      input: { tool: tool.name, via: req.via, input: redact(input) },
      result: 'denied',
      error: `policy ${rule?.id}`,
    });
    return {
      status: 'denied',
      text: `${tool.name} is not allowed by the panel's approval policy${target?.name ? ` for ${target.name}` : ''}. Do not retry; tell the user an owner can change the policy.`,
    };
  }

  const id = crypto.randomUUID();
  const canonical = canonicalJson(input);
  const [row] = await ctx.db
    .insert(actions)
    .values({
      id,
      tool: tool.name,
      risk: tool.risk,
      summary: tool.summarize(input as never),
      inputEncrypted: ctx.secrets.encrypt(canonical, `action:${id}`),
      inputRedacted: redact(input),
      inputHash: inputHash(tool.name, input),
      targetType: target?.type ?? null,
      targetId: target?.id ?? null,
      targetName: target?.name ?? null,
      requestedVia: req.via,
      requestedByUserId: actor.type === 'user' ? actor.userId : null,
      requestedByTokenId: actor.type === 'user' ? (actor.tokenId ?? null) : null,
      requestedByLabel: `${actor.type === 'user' ? actor.email : actor.label} via ${req.via}${kind === 'agent' ? ' (agent)' : ''}`,
      origin: req.origin ?? {},
      expiresAt: new Date(Date.now() + ctx.env.OPENPANEL_APPROVAL_TTL_MINUTES * 60_000),
    })
    .returning();
  await writeAudit(ctx.db, req.caller, {
    action: 'action.request',
    target: { type: 'action', id },
    input: { tool: tool.name, via: req.via, target: auditTarget, input: redact(input) },
    result: 'ok',
  });
  notifyAction(ctx, id);
  const view = toActionView(ctx, row!);
  return {
    status: 'pending',
    action: view,
    text: `This needs a person's approval before it runs. Pending action ${id}: ${view.summary} (risk: ${tool.risk}). A person can approve or reject it at ${view.url}. It expires at ${view.expiresAt}. Use get_action to see the outcome; do not request it again meanwhile.`,
  };
}

import { and, desc, eq, gte, like, lt, lte, type SQL } from 'drizzle-orm';
import type { Database } from './db/client.ts';
import { auditLog, type AuditRow } from './db/schema/audit-log.ts';
import { actorLabel, type Actor } from './auth/permissions.ts';

/** Who is asking and from where; every service that changes something takes one. */
export interface Caller {
  actor: Actor;
  requestId?: string;
  ip?: string;
}

const SENSITIVE_KEY =
  /pass(word)?|secret|token|api[-_]?key|authorization|cookie|private[-_]?key|credential|^value$|^values$/i;

/** Replaces the values of sensitive-looking keys, at any depth, before anything is stored. */
/** Maps of variables keep their names (people need them) but lose every value. */
const VARIABLE_MAP = /^(vars|env|environment|secrets|variables)$/i;

/** user:password@ (or token@) inside URLs, e.g. https://TOKEN@github.com/acme/api.git */
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi;

export function redact(input: unknown, depth = 0): unknown {
  if (depth > 8) return '[truncated]';
  if (typeof input === 'string') return input.replace(URL_CREDENTIALS, '$1[redacted]@');
  if (Array.isArray(input)) return input.map((v) => redact(v, depth + 1));
  if (input && typeof input === 'object') {
    return Object.fromEntries(
      Object.entries(input as Record<string, unknown>).map(([k, v]) => {
        if (VARIABLE_MAP.test(k) && v && typeof v === 'object' && !Array.isArray(v))
          return [k, Object.fromEntries(Object.keys(v).map((name) => [name, '[redacted]']))];
        return [k, SENSITIVE_KEY.test(k) ? '[redacted]' : redact(v, depth + 1)];
      }),
    );
  }
  return input;
}

export interface AuditEntry {
  action: string;
  target?: { type: string; id: string };
  input?: unknown;
  result: 'ok' | 'error' | 'denied';
  error?: string;
}

export async function writeAudit(db: Database, caller: Caller, entry: AuditEntry): Promise<void> {
  const { actor } = caller;
  await db.insert(auditLog).values({
    actorType: actor.type === 'system' ? 'system' : actor.tokenKind === 'agent' ? 'agent' : 'user',
    actorId: actor.type === 'user' ? actor.userId : null,
    actorLabel: actorLabel(actor),
    tokenId: actor.type === 'user' ? (actor.tokenId ?? null) : null,
    action: entry.action,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    input: entry.input === undefined ? null : redact(entry.input),
    result: entry.result,
    error: entry.error ?? null,
    requestId: caller.requestId ?? null,
    ip: caller.ip ?? null,
  });
}

/**
 * Runs a mutation and audits it either way. The error is re-thrown after the failure is recorded,
 * so a failed attempt is never missing from the log.
 */
export async function audited<T>(
  db: Database,
  caller: Caller,
  entry: Omit<AuditEntry, 'result' | 'error'> & { targetOf?: (result: T) => { type: string; id: string } },
  run: () => Promise<T>,
): Promise<T> {
  const { targetOf, ...base } = entry;
  try {
    const result = await run();
    await writeAudit(db, caller, { ...base, target: targetOf ? targetOf(result) : base.target, result: 'ok' });
    return result;
  } catch (err) {
    await writeAudit(db, caller, { ...base, result: 'error', error: err instanceof Error ? err.message : String(err) });
    throw err;
  }
}

export interface AuditQuery {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  result?: string;
  since?: Date;
  until?: Date;
  before?: number;
  limit: number;
}

export async function listAudit(db: Database, q: AuditQuery): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  // `deploy.` matches every deploy action; an exact name matches itself.
  if (q.action)
    where.push(
      q.action.endsWith('.')
        ? like(auditLog.action, `${q.action.replace(/[%_\\]/g, '\\$&')}%`)
        : eq(auditLog.action, q.action),
    );
  if (q.targetType) where.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) where.push(eq(auditLog.targetId, q.targetId));
  if (q.result) where.push(eq(auditLog.result, q.result));
  if (q.since) where.push(gte(auditLog.at, q.since));
  if (q.until) where.push(lte(auditLog.at, q.until));
  if (q.before) where.push(lt(auditLog.id, q.before));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
}

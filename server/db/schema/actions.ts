import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const actionStatusEnum = pgEnum('action_status', [
  'pending',
  'approved',
  'running',
  'succeeded',
  'failed',
  'rejected',
  'expired',
  'cancelled',
]);

/**
 * A tool call that needs (or needed) a human decision. It binds the tool, the canonical input
 * (hash) and the target; the input itself is stored encrypted because it may hold secrets
 * (set_env_vars), with a redacted copy for people to read.
 */
export const actions = pgTable(
  'actions',
  {
    id: uuid().primaryKey(),
    tool: text().notNull(),
    risk: text().$type<'read' | 'write' | 'destructive'>().notNull(),
    summary: text().notNull(),
    inputEncrypted: text('input_encrypted').notNull(),
    inputRedacted: jsonb('input_redacted').$type<unknown>().notNull(),
    inputHash: text('input_hash').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    targetName: text('target_name'),
    status: actionStatusEnum().notNull().default('pending'),
    requestedVia: text('requested_via').$type<'chat' | 'mcp' | 'api'>().notNull(),
    requestedByUserId: uuid('requested_by_user_id'),
    requestedByTokenId: uuid('requested_by_token_id'),
    requestedByLabel: text('requested_by_label').notNull(),
    /** Where it came from (a chat conversation and tool call id, an MCP session). */
    origin: jsonb().$type<Record<string, string>>().notNull().default({}),
    decidedByUserId: uuid('decided_by_user_id'),
    decidedByLabel: text('decided_by_label'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text(),
    resultText: text('result_text'),
    resultData: jsonb('result_data').$type<unknown>(),
    error: text(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('actions_status_idx').on(t.status), index('actions_updated_idx').on(t.updatedAt)],
);

export type ActionRow = typeof actions.$inferSelect;
export type ActionStatus = (typeof actionStatusEnum.enumValues)[number];

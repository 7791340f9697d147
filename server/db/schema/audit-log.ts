import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Append-only record of every mutation: who, what, target, redacted input, result. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    tokenId: uuid('token_id'),
    action: text().notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    input: jsonb().$type<unknown>(),
    result: text().notNull(),
    error: text(),
    requestId: text('request_id'),
    ip: text(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_action_idx').on(t.action),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;

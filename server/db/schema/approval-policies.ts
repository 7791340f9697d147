import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Approval policy as data. A rule matches on any of tool, risk, app and requester kind (null =
 * any); the most specific matching rule decides. Without a match: read runs, an agent's write or
 * destructive call asks a human.
 */
export const approvalPolicies = pgTable('approval_policies', {
  id: uuid().primaryKey().defaultRandom(),
  tool: text(),
  risk: text().$type<'read' | 'write' | 'destructive'>(),
  appId: uuid('app_id'),
  requesterKind: text('requester_kind').$type<'agent' | 'human'>(),
  decision: text().$type<'allow' | 'ask' | 'deny'>().notNull(),
  note: text().notNull().default(''),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ApprovalPolicy = typeof approvalPolicies.$inferSelect;

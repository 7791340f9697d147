import { bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { deployments } from './deployments.ts';

/** Build and deploy log lines, persisted one by one so they survive the process and stream live. */
export const deploymentLogs = pgTable(
  'deployment_logs',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    deploymentId: uuid('deployment_id')
      .notNull()
      .references(() => deployments.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    stream: text().$type<'stdout' | 'stderr' | 'system'>().notNull(),
    text: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('deployment_logs_deployment_seq_idx').on(t.deploymentId, t.seq)],
);

export type DeploymentLogRow = typeof deploymentLogs.$inferSelect;

import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apps } from './apps.ts';

/** An app's environment variables. Values are only ever stored encrypted. */
export const envVars = pgTable(
  'env_vars',
  {
    id: uuid().primaryKey().defaultRandom(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    encryptedValue: text('encrypted_value').notNull(),
    /** Passed as a build argument. */
    buildTime: boolean('build_time').notNull().default(false),
    /** Set in the running container. */
    runtime: boolean().notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('env_vars_app_name_idx').on(t.appId, t.name)],
);

export type EnvVarRow = typeof envVars.$inferSelect;

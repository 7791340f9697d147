import { boolean, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { apps } from './apps.ts';

/** A host name (and path prefix) routed by the proxy to an app's live container. */
export const domains = pgTable(
  'domains',
  {
    id: uuid().primaryKey().defaultRandom(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    host: text().notNull(),
    pathPrefix: text('path_prefix').notNull().default('/'),
    /** The container port to send traffic to; null means the app's port. */
    targetPort: integer('target_port'),
    https: boolean().notNull().default(true),
    redirectHttp: boolean('redirect_http').notNull().default(true),
    /** acme for public names, internal (a local CA) for local ones; auto picks by the name. */
    tls: text().$type<'auto' | 'acme' | 'internal'>().notNull().default('auto'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('domains_host_path_idx').on(t.host, t.pathPrefix)],
);

export type DomainRow = typeof domains.$inferSelect;

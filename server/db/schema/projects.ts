import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Apps are grouped in projects; each project gets its own Docker network. */
export const projects = pgTable('projects', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull().unique(),
  description: text().notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Project = typeof projects.$inferSelect;

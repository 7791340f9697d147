import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Counters that any process bumps when shared state changes (secret values, tokens, sessions),
 * so every process can keep that state cached and notice in one cheap read that it went stale.
 */
export const versions = pgTable('versions', {
  key: text().primaryKey(),
  version: bigint({ mode: 'number' }).notNull().default(0),
});

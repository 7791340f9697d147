import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Panel settings. A secret setting (a provider API key, say) keeps only ciphertext in
 * `encrypted_value`; `value` is then null.
 */
export const settings = pgTable('settings', {
  key: text().primaryKey(),
  value: text(),
  secret: boolean().notNull().default(false),
  encryptedValue: text('encrypted_value'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type Setting = typeof settings.$inferSelect;

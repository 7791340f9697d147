import { boolean, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

export const tokenKindEnum = pgEnum('token_kind', ['human', 'agent']);

/** API tokens act for the user who made them, limited by their scopes. Only a SHA-256 is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    kind: tokenKindEnum().notNull(),
    scopes: text().array().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, so a person can tell tokens apart in a list. */
    prefix: text().notNull(),
    /**
     * For agent tokens used over MCP: when true (the default), a person approves in the panel.
     * Only when an owner turns it off may the MCP client ask them directly (elicitation): then the
     * client software, which holds the token, relays the decision, so it must be trusted.
     */
    requirePanelApproval: boolean('require_panel_approval').notNull().default(true),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type TokenKind = (typeof tokenKindEnum.enumValues)[number];

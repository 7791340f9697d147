import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid, vector } from 'drizzle-orm/pg-core';

export const EMBEDDING_DIMENSIONS = 768;

/** Chunks of project context embedded for retrieval (vector + full-text, fused). */
export const contextChunks = pgTable(
  'context_chunks',
  {
    id: uuid().primaryKey().defaultRandom(),
    scope: text().notNull(),
    sourceType: text('source_type').notNull(),
    sourceRef: text('source_ref').notNull(),
    content: text().notNull(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    embedder: text().notNull(),
    embedding: vector({ dimensions: EMBEDDING_DIMENSIONS }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('context_chunks_embedding_idx').using('hnsw', t.embedding.op('vector_cosine_ops')),
    index('context_chunks_fts_idx').using('gin', sql`to_tsvector('english', ${t.content})`),
    index('context_chunks_scope_idx').on(t.scope, t.sourceType),
  ],
);

export type ContextChunk = typeof contextChunks.$inferSelect;

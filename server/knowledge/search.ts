import { and, cosineDistance, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import type { DatabaseHandle } from '../db/client.ts';
import { apps } from '../db/schema/apps.ts';
import { contextChunks } from '../db/schema/context-chunks.ts';
import { createEmbedder, type Embedder } from './embedder.ts';
import { tokenize } from './local-embedder.ts';
import { PANEL_SCOPE, type SourceType } from './documents.ts';

/**
 * Hybrid retrieval over the indexed project context. Vector search (cosine, HNSW) finds passages
 * that mean the same thing in other words; full-text search finds exact names, versions and
 * error strings that embeddings blur. Reciprocal Rank Fusion merges the two rankings by rank
 * alone, so their incomparable scores never need calibrating.
 */

export type SearchMode = 'hybrid' | 'vector' | 'fts';

export interface ContextHit {
  id: string;
  scope: string;
  /** Null for panel-wide context (conversation summaries). */
  appId: string | null;
  appName: string | null;
  sourceType: SourceType;
  sourceRef: string;
  /** Where the passage came from in more detail: commit, section, deployment number, title… */
  metadata: Record<string, unknown>;
  content: string;
  snippet: string;
  /** The fused score (higher is better); for a single mode, its own 1/(k + rank). */
  score: number;
  ranks: { vector: number | null; fts: number | null };
}

export interface SearchOptions {
  query: string;
  /** Limit to one app's context (plus panel-wide context such as conversation summaries). */
  appId?: string | undefined;
  limit?: number | undefined;
  mode?: SearchMode;
  embedder?: Embedder;
}

export interface SearchResult {
  hits: ContextHit[];
  embedder: string;
  /** Set when the embedder failed and only full-text results are shown. */
  degraded?: string;
}

/** The constant from the RRF paper (Cormack et al.); it damps the weight of the very top ranks. */
const RRF_K = 60;
/** Candidates per method; pgvector's default hnsw.ef_search is 40 as well. */
const CANDIDATES = 40;

export async function searchContext(ctx: AppContext, opts: SearchOptions): Promise<SearchResult> {
  const limit = Math.min(Math.max(opts.limit ?? 5, 1), 20);
  const mode = opts.mode ?? 'hybrid';
  const embedder = opts.embedder ?? createEmbedder(ctx.env);
  const scopeFilter = opts.appId ? inArray(contextChunks.scope, [opts.appId, PANEL_SCOPE]) : undefined;
  let vectorIds: string[] = [];
  let degraded: string | undefined;
  if (mode !== 'fts') {
    try {
      vectorIds = await vectorCandidates(ctx, embedder, opts.query, scopeFilter);
    } catch (err) {
      if (mode === 'vector') throw err;
      degraded = `Semantic search is unavailable (${(err as Error).message}); showing full-text matches only.`;
    }
  }
  // Partial full-text matches only help when full text is all there is (see ftsCandidates).
  const partial = mode === 'fts' || degraded !== undefined;
  const ftsHits = mode === 'vector' ? [] : await ftsCandidates(ctx, embedder.name, opts.query, scopeFilter, partial);
  const ranked = fuse(vectorIds, ftsHits).slice(0, limit);
  const hits = await loadHits(ctx, ranked, opts.query);
  return { hits, embedder: embedder.name, ...(degraded ? { degraded } : {}) };
}

async function vectorCandidates(
  ctx: AppContext,
  embedder: Embedder,
  query: string,
  scopeFilter: SQL | undefined,
): Promise<string[]> {
  const [vector] = await embedder.embed([query], { purpose: 'query' });
  const distance = cosineDistance(contextChunks.embedding, vector!);
  const iterative = await supportsIterativeScan(ctx.database);
  return ctx.db.transaction(async (tx) => {
    // With a filter, a plain HNSW scan may return fewer rows than asked (it filters after the
    // graph search); pgvector 0.8's iterative scan keeps searching until the limit is met.
    if (iterative) await tx.execute(sql`set local hnsw.iterative_scan = relaxed_order`);
    const rows = await tx
      .select({ id: contextChunks.id, distance })
      .from(contextChunks)
      .where(and(eq(contextChunks.embedder, embedder.name), scopeFilter))
      .orderBy(distance)
      .limit(CANDIDATES);
    // relaxed_order may return slightly out of order: sort again.
    return rows.sort((a, b) => Number(a.distance) - Number(b.distance)).map((r) => r.id);
  });
}

/**
 * Passages matching the websearch query (every word, phrases, -exclusions), by ts_rank. With
 * `partial`, passages with only some of the words follow: a question rarely has all of its words
 * in one passage, so full text alone needs them; next to vector search they only add noise (any
 * passage sharing one common word, such as the app's name, would be boosted), so hybrid search
 * fuses exact matches only.
 */
async function ftsCandidates(
  ctx: AppContext,
  embedderName: string,
  query: string,
  scopeFilter: SQL | undefined,
  partial: boolean,
): Promise<string[]> {
  const doc = sql`to_tsvector('english', ${contextChunks.content})`;
  const scope = scopeFilter ? sql`and ${scopeFilter}` : sql``;
  const result = partial
    ? await ctx.db.execute(sql`
        select ${contextChunks.id} as id
        from ${contextChunks}, websearch_to_tsquery('english', ${query}) as q, lateral (select replace(q::text, ' & ', ' | ')::tsquery as any_q) as o
        where ${doc} @@ o.any_q and ${contextChunks.embedder} = ${embedderName} ${scope}
        order by (${doc} @@ q) desc, ts_rank(${doc}, o.any_q) desc, ${contextChunks.content}
        limit ${CANDIDATES}`)
    : await ctx.db.execute(sql`
        select ${contextChunks.id} as id
        from ${contextChunks}, websearch_to_tsquery('english', ${query}) as q
        where ${doc} @@ q and ${contextChunks.embedder} = ${embedderName} ${scope}
        order by ts_rank(${doc}, q) desc, ${contextChunks.content}
        limit ${CANDIDATES}`);
  return (result as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

interface Ranked {
  id: string;
  score: number;
  ranks: { vector: number | null; fts: number | null };
}

/** Reciprocal Rank Fusion: score = Σ 1 / (k + rank) over the methods that found the passage. */
function fuse(vectorIds: string[], ftsIds: string[], k = RRF_K): Ranked[] {
  const byId = new Map<string, Ranked>();
  const add = (ids: string[], method: 'vector' | 'fts') =>
    ids.forEach((id, i) => {
      const entry = byId.get(id) ?? { id, score: 0, ranks: { vector: null, fts: null } };
      entry.ranks[method] = i + 1;
      entry.score += 1 / (k + i + 1);
      byId.set(id, entry);
    });
  add(vectorIds, 'vector');
  add(ftsIds, 'fts');
  const best = (r: Ranked) => Math.min(r.ranks.vector ?? Infinity, r.ranks.fts ?? Infinity);
  return [...byId.values()].sort(
    (a, b) => b.score - a.score || best(a) - best(b) || (a.ranks.vector ?? Infinity) - (b.ranks.vector ?? Infinity),
  );
}

async function loadHits(ctx: AppContext, ranked: Ranked[], query: string): Promise<ContextHit[]> {
  if (!ranked.length) return [];
  const rows = await ctx.db
    .select({
      id: contextChunks.id,
      scope: contextChunks.scope,
      sourceType: contextChunks.sourceType,
      sourceRef: contextChunks.sourceRef,
      metadata: contextChunks.metadata,
      content: contextChunks.content,
    })
    .from(contextChunks)
    .where(
      inArray(
        contextChunks.id,
        ranked.map((r) => r.id),
      ),
    );
  const appIds = [...new Set(rows.map((r) => r.scope).filter((s) => s !== PANEL_SCOPE))];
  const names = new Map(
    (appIds.length
      ? await ctx.db.select({ id: apps.id, name: apps.name }).from(apps).where(inArray(apps.id, appIds))
      : []
    ).map((a) => [a.id, a.name]),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: ContextHit[] = [];
  for (const r of ranked) {
    const row = byId.get(r.id);
    // A passage of an app deleted since it was indexed is dropped (the next index run removes it).
    if (!row || (row.scope !== PANEL_SCOPE && !names.has(row.scope))) continue;
    const appId = row.scope === PANEL_SCOPE ? null : row.scope;
    hits.push({
      id: row.id,
      scope: row.scope,
      appId,
      appName: appId ? names.get(appId)! : null,
      sourceType: row.sourceType as SourceType,
      sourceRef: row.sourceRef,
      metadata: row.metadata,
      content: row.content,
      snippet: snippet(row.content, query),
      score: r.score,
      ranks: r.ranks,
    });
  }
  return hits;
}

/** About `size` characters of the passage around the first query word it contains. */
function snippet(content: string, query: string, size = 240): string {
  const body = content
    .slice(content.indexOf('\n') + 1)
    .replace(/\s+/g, ' ')
    .trim();
  if (body.length <= size) return body;
  const lower = body.toLowerCase();
  const positions = tokenize(query)
    .map((t) => lower.indexOf(t.slice(0, Math.max(4, t.length - 2))))
    .filter((p) => p >= 0);
  const at = positions.length ? Math.min(...positions) : 0;
  let start = Math.max(0, at - 60);
  if (start > 0) start = body.indexOf(' ', start) + 1 || start;
  const end = Math.min(body.length, start + size);
  return `${start > 0 ? '…' : ''}${body.slice(start, end).trim()}${end < body.length ? '…' : ''}`;
}

const iterativeScan = new WeakMap<DatabaseHandle, Promise<boolean>>();

/** hnsw.iterative_scan exists from pgvector 0.8; an older server would reject the setting. */
function supportsIterativeScan(database: DatabaseHandle): Promise<boolean> {
  let known = iterativeScan.get(database);
  if (!known) {
    known = database.db
      .execute(sql`select extversion from pg_extension where extname = 'vector'`)
      .then((res) => {
        const version = (res as unknown as { rows: { extversion: string }[] }).rows[0]?.extversion ?? '0';
        const [major = 0, minor = 0] = version.split('.').map(Number);
        return major > 0 || minor >= 8;
      })
      .catch(() => false);
    iterativeScan.set(database, known);
  }
  return known;
}

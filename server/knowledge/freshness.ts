import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { apps } from '../db/schema/apps.ts';
import { contextChunks } from '../db/schema/context-chunks.ts';
import { conversations } from '../db/schema/conversations.ts';
import type { Embedder } from './embedder.ts';
import { PANEL_SCOPE } from './documents.ts';
import { indexApp } from './indexer.ts';
import { enqueueIndex } from './enqueue.ts';

/** Settings chunks rebuilt inline per search; more stale apps than this wait for their job. */
const MAX_INLINE = 5;

/**
 * Keeps context current without a hook in every place that changes an app (REST, chat, MCP all
 * call the same services): before a search, apps whose settings changed since they were indexed,
 * or that were never indexed by this embedder, get their settings chunk rebuilt on the spot
 * (cheap: no fetch) and a full index job queued for the repository and failures. Chunks of
 * deleted apps are dropped, and a newer conversation summary queues the panel-wide job.
 * Deployments queue their own index job when they finish.
 */
export async function refreshStaleContext(
  ctx: AppContext,
  embedder: Embedder,
  opts: { appId?: string | undefined } = {},
): Promise<{ refreshed: string[]; queued: string[] }> {
  await ctx.db.execute(
    sql`delete from ${contextChunks} where ${contextChunks.scope} <> ${PANEL_SCOPE} and not exists (select 1 from ${apps} where ${apps.id}::text = ${contextChunks.scope})`,
  );
  const rows = await ctx.db
    .select({
      id: apps.id,
      updatedAt: apps.updatedAt,
      indexedFor: sql<string | null>`max(${contextChunks.metadata}->>'appUpdatedAt')`,
    })
    .from(apps)
    .leftJoin(
      contextChunks,
      and(
        sql`${contextChunks.scope} = ${apps.id}::text`,
        eq(contextChunks.sourceType, 'config'),
        eq(contextChunks.embedder, embedder.name),
      ),
    )
    .where(opts.appId ? eq(apps.id, opts.appId) : undefined)
    .groupBy(apps.id, apps.updatedAt);
  // Compared as read by the driver on both sides, so sub-millisecond precision cannot differ.
  const stale = rows.filter((r) => r.indexedFor !== r.updatedAt.toISOString());
  const refreshed: string[] = [];
  let inline = MAX_INLINE;
  for (const app of stale) {
    if (inline-- > 0) {
      try {
        await indexApp(ctx, app.id, { embedder, only: ['config'] });
        refreshed.push(app.id);
      } catch (err) {
        // An embedder outage must not fail the search (it falls back to full text); the jobs retry.
        ctx.logger.warn(
          { appId: app.id, err: (err as Error).message },
          'could not refresh app context before a search',
        );
        inline = 0;
      }
    }
    await enqueueIndex(
      ctx,
      { appId: app.id, reason: 'app changed since it was last indexed' },
      `${app.updatedAt.getTime()}-${embedder.name}`,
    );
  }
  await queuePanelIfStale(ctx, embedder);
  return { refreshed, queued: stale.map((a) => a.id) };
}

/** Summaries change with every conversation; they are re-indexed by a job, never inline. */
async function queuePanelIfStale(ctx: AppContext, embedder: Embedder): Promise<void> {
  const [newest] = await ctx.db
    .select({ updatedAt: conversations.updatedAt })
    .from(conversations)
    .where(isNotNull(conversations.summary))
    .orderBy(desc(conversations.updatedAt))
    .limit(1);
  if (!newest) return;
  const [indexed] = await ctx.db
    .select({ at: sql<string | null>`max(${contextChunks.metadata}->>'updatedAt')` })
    .from(contextChunks)
    .where(
      and(
        eq(contextChunks.scope, PANEL_SCOPE),
        eq(contextChunks.sourceType, 'conversation'),
        eq(contextChunks.embedder, embedder.name),
      ),
    );
  if (indexed?.at !== newest.updatedAt.toISOString()) {
    await enqueueIndex(
      ctx,
      { reason: 'conversation summaries changed' },
      `${newest.updatedAt.getTime()}-${embedder.name}`,
    );
  }
}

import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { apps } from '../db/schema/apps.ts';
import { projects } from '../db/schema/projects.ts';
import { contextChunks } from '../db/schema/context-chunks.ts';
import { currentDeployment } from '../services/deployments.ts';
import { redactText } from '../source/redact.ts';
import { collectSecretValues, scrubDeep, scrubText } from '../crypto/scrub.ts';
import type { JobPayloads } from '../jobs/queue.ts';
import { chunkText } from './chunk.ts';
import { createEmbedder, type Embedder } from './embedder.ts';
import {
  PANEL_SCOPE,
  REPO_SOURCE_TYPES,
  configDocument,
  conversationDocuments,
  envVarNames,
  failureDocuments,
  type SourceDocument,
  type SourceType,
} from './documents.ts';
import { repoDocuments } from './repo-documents.ts';

export interface IndexReport {
  scope: string;
  embedder: string;
  chunks: number;
  byType: Partial<Record<SourceType, number>>;
  /** What could not be read; the previous chunks of that kind are kept. */
  warnings: string[];
  ms: number;
}

export interface IndexOptions {
  embedder?: Embedder;
  /** Re-index only these kinds (the others keep their chunks); default all. */
  only?: SourceType[];
  signal?: AbortSignal;
}

/**
 * Rebuilds an app's context: its settings, its recent failed deployments and its repository
 * files. The kinds that were read replace their old chunks in one transaction, so a search never
 * sees half an index; a repository that cannot be fetched right now keeps its old passages.
 */
export async function indexApp(ctx: AppContext, appId: string, opts: IndexOptions = {}): Promise<IndexReport> {
  const started = Date.now();
  const embedder = opts.embedder ?? createEmbedder(ctx.env);
  const [row] = await ctx.db
    .select({ app: apps, projectName: projects.name })
    .from(apps)
    .innerJoin(projects, eq(projects.id, apps.projectId))
    .where(eq(apps.id, appId));
  if (!row) {
    await ctx.db.delete(contextChunks).where(eq(contextChunks.scope, appId));
    return {
      scope: appId,
      embedder: embedder.name,
      chunks: 0,
      byType: {},
      warnings: ['The app no longer exists; its context was removed.'],
      ms: Date.now() - started,
    };
  }
  const { app, projectName } = row;
  const wants = (t: SourceType) => !opts.only || opts.only.includes(t);
  const docs: SourceDocument[] = [];
  const replaced: SourceType[] = [];
  const warnings: string[] = [];
  if (wants('config')) {
    const current = await currentDeployment(ctx, app.id);
    docs.push(
      configDocument(
        app,
        projectName,
        await envVarNames(ctx, app.id),
        current ? { number: current.number, status: current.status, commit: current.commit } : null,
      ),
    );
    replaced.push('config');
  }
  if (wants('deploy_failure')) {
    docs.push(...(await failureDocuments(ctx, app)));
    replaced.push('deploy_failure');
  }
  if (REPO_SOURCE_TYPES.some(wants)) {
    try {
      docs.push(...(await repoDocuments(ctx, app, opts.signal)));
      replaced.push(...REPO_SOURCE_TYPES.filter(wants));
    } catch (err) {
      warnings.push(`The repository could not be read (${(err as Error).message}); its earlier passages are kept.`);
    }
  }
  const report = await storeChunks(
    ctx,
    embedder,
    app.id,
    docs.filter((d) => replaced.includes(d.sourceType)),
    replaced,
    await collectSecretValues(ctx),
  );
  return { ...report, warnings, ms: Date.now() - started };
}

/** Rebuilds the panel-wide context: conversation summaries. */
export async function indexPanel(ctx: AppContext, opts: Omit<IndexOptions, 'only'> = {}): Promise<IndexReport> {
  const started = Date.now();
  const embedder = opts.embedder ?? createEmbedder(ctx.env);
  const report = await storeChunks(
    ctx,
    embedder,
    PANEL_SCOPE,
    await conversationDocuments(ctx),
    ['conversation'],
    await collectSecretValues(ctx),
  );
  return { ...report, warnings: [], ms: Date.now() - started };
}

/** The `index` job: one app, or the panel scope when no app is named. */
export async function runIndexJob(ctx: AppContext, payload: JobPayloads['index']): Promise<void> {
  const report = payload.appId ? await indexApp(ctx, payload.appId) : await indexPanel(ctx);
  ctx.logger.info(
    {
      scope: report.scope,
      chunks: report.chunks,
      byType: report.byType,
      warnings: report.warnings,
      ms: report.ms,
      reason: payload.reason,
    },
    'project context indexed',
  );
}

/**
 * `secrets` are every known secret value (all apps' env values, secret settings, provider keys):
 * a build log may echo one, a summary may quote one. URL credentials go too.
 */
async function storeChunks(
  ctx: AppContext,
  embedder: Embedder,
  scope: string,
  docs: SourceDocument[],
  replaced: SourceType[],
  secrets: string[],
): Promise<Omit<IndexReport, 'warnings' | 'ms'>> {
  const rows = docs.flatMap((doc) =>
    chunkText(doc.text, { format: doc.format }).map((c, part) => ({
      scope,
      sourceType: doc.sourceType,
      sourceRef: doc.sourceRef,
      content: scrubText(redactText(`${doc.title}${c.section ? ` › ${c.section}` : ''}\n${c.text}`), secrets),
      metadata: scrubDeep({ ...doc.metadata, ...(c.section ? { section: c.section } : {}), part }, secrets),
    })),
  );
  const vectors = rows.length
    ? await embedder.embed(
        rows.map((r) => r.content),
        { purpose: 'document' },
      )
    : [];
  await ctx.db.transaction(async (tx) => {
    // Two index runs of one scope must not interleave their delete and insert (duplicates).
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`context:${scope}`}))`);
    if (replaced.length)
      await tx
        .delete(contextChunks)
        .where(and(eq(contextChunks.scope, scope), inArray(contextChunks.sourceType, replaced)));
    for (let i = 0; i < rows.length; i += 100) {
      await tx
        .insert(contextChunks)
        .values(rows.slice(i, i + 100).map((r, j) => ({ ...r, embedder: embedder.name, embedding: vectors[i + j]! })));
    }
  });
  const byType: Partial<Record<SourceType, number>> = {};
  for (const r of rows) byType[r.sourceType] = (byType[r.sourceType] ?? 0) + 1;
  return { scope, embedder: embedder.name, chunks: rows.length, byType };
}

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestPanel, type TestPanel } from '../test/harness.ts';
import { DomainError } from '../errors.ts';
import { contextChunks } from '../db/schema/context-chunks.ts';
import { localEmbedder } from './local-embedder.ts';
import { indexApp, indexPanel } from './indexer.ts';
import { searchContext, type ContextHit, type SearchMode } from './search.ts';
import { PANEL_SCOPE, type SourceType } from './documents.ts';
import { createProject, DB_PASSWORD, SECRET_CANARY, WEB_FILES, type Project } from './test-fixture.ts';

/**
 * Retrieval quality on a small real project (PGlite with pgvector, real git repositories, the
 * local embedder). Each labelled query names the facts that should be found; recall@5 is the
 * share of those facts found in the top 5, MRR the mean of 1/rank of the first relevant passage.
 */

type AppKey = keyof Project['ids'];
interface Label {
  app: AppKey | 'panel';
  type: SourceType;
  /** The passage must contain this (case-insensitive): tells sections of one file apart. */
  contains?: string;
}
interface LabelledQuery {
  query: string;
  app?: AppKey;
  relevant: Label[];
}

const QUERIES: LabelledQuery[] = [
  { query: 'why did the last api deploy fail', relevant: [{ app: 'api', type: 'deploy_failure' }] },
  { query: 'ERESOLVE could not resolve dependency', relevant: [{ app: 'api', type: 'deploy_failure' }] },
  {
    query: 'which database does the api store its data in',
    relevant: [{ app: 'api', type: 'readme', contains: 'PostgreSQL' }],
  },
  {
    query: 'how do I run the schema migrations',
    relevant: [{ app: 'api', type: 'readme', contains: 'migrate:latest' }],
  },
  { query: 'too many requests 429 rate limit per client', relevant: [{ app: 'api', type: 'readme', contains: '429' }] },
  {
    query: 'what node version builds the api image',
    relevant: [
      { app: 'api', type: 'dockerfile' },
      { app: 'api', type: 'manifest', contains: 'engines' },
    ],
  },
  { query: 'port and health check path', app: 'api', relevant: [{ app: 'api', type: 'config' }] },
  {
    query: 'what does celery use as message broker',
    relevant: [{ app: 'worker', type: 'readme', contains: 'broker' }],
  },
  {
    query: 'when does the nightly revenue report run',
    relevant: [{ app: 'worker', type: 'readme', contains: '02:00' }],
  },
  {
    query: 'python packages required by the worker',
    relevant: [{ app: 'worker', type: 'manifest', contains: 'celery==' }],
  },
  {
    query: 'worker container killed out of memory',
    relevant: [
      { app: 'worker', type: 'deploy_failure' },
      { app: 'panel', type: 'conversation', contains: '512 MiB' },
    ],
  },
  { query: 'memory limit', app: 'worker', relevant: [{ app: 'worker', type: 'config' }] },
  { query: 'go version and chi router module', relevant: [{ app: 'web', type: 'manifest', contains: 'go 1.22' }] },
  { query: 'how long are static assets cached', relevant: [{ app: 'web', type: 'readme', contains: 'Cache-Control' }] },
  { query: 'distroless runtime image for the storefront', relevant: [{ app: 'web', type: 'dockerfile' }] },
  {
    query: 'which domain did we choose for the api',
    relevant: [{ app: 'panel', type: 'conversation', contains: 'api.acme.dev' }],
  },
  { query: 'docs site nginx image', relevant: [{ app: 'docs', type: 'config' }] },
  { query: 'graceful shutdown on SIGTERM', relevant: [{ app: 'web', type: 'readme', contains: 'SIGTERM' }] },
  {
    query: 'which environment variables are set for the api',
    relevant: [{ app: 'api', type: 'config', contains: 'STRIPE_SECRET_KEY' }],
  },
  { query: 'stripe webhooks signing secret', relevant: [{ app: 'api', type: 'readme', contains: 'webhooks' }] },
  // Paraphrases: the passage shares few or none of the query's words.
  {
    query: 'what web framework is the api written with',
    relevant: [
      { app: 'api', type: 'readme', contains: 'Express' },
      { app: 'api', type: 'manifest', contains: 'express' },
    ],
  },
  {
    query: 'which message queue do the background jobs use',
    relevant: [{ app: 'worker', type: 'readme', contains: 'broker' }],
  },
  {
    query: 'is there a scheduled task that emails reminders',
    relevant: [{ app: 'worker', type: 'readme', contains: 'Reminder' }],
  },
  {
    query: 'what did we agree about TLS certificates',
    relevant: [{ app: 'panel', type: 'conversation', contains: "Let's Encrypt" }],
  },
  { query: 'how much CPU may the storefront use', relevant: [{ app: 'web', type: 'config' }] },
  { query: 'exit code 137', relevant: [{ app: 'worker', type: 'deploy_failure', contains: '137' }] },
  { query: 'how do customers get charged', relevant: [{ app: 'api', type: 'readme', contains: 'Stripe' }] },
];

let panel: TestPanel;
let project: Project;
const embedder = localEmbedder();
const scopeOf = (label: Label) => (label.app === 'panel' ? PANEL_SCOPE : project.ids[label.app]);
const matches = (hit: ContextHit, label: Label) =>
  hit.scope === scopeOf(label) &&
  hit.sourceType === label.type &&
  (!label.contains || hit.content.toLowerCase().includes(label.contains.toLowerCase()));
const search = (query: string, opts: { app?: AppKey; mode?: SearchMode; limit?: number } = {}) =>
  searchContext(panel.ctx, {
    query,
    appId: opts.app && project.ids[opts.app],
    mode: opts.mode,
    limit: opts.limit ?? 10,
    embedder,
  });
const allChunks = () => panel.ctx.db.select().from(contextChunks);

beforeAll(async () => {
  panel = await createTestPanel();
  project = await createProject(panel.ctx);
  const started = Date.now();
  for (const id of Object.values(project.ids)) await indexApp(panel.ctx, id, { embedder });
  await indexPanel(panel.ctx, { embedder });
  console.log(
    `indexed 4 apps and the panel scope (${(await allChunks()).length} chunks) in ${Date.now() - started} ms`,
  );
});
afterAll(async () => {
  await panel?.close();
  for (const repo of Object.values(project?.repos ?? {})) fs.rmSync(repo.dir, { recursive: true, force: true });
});

describe('indexing', () => {
  it('indexes settings, repository files, failures and conversation summaries, each with its type and ref', async () => {
    const rows = await allChunks();
    const kinds = (scope: string) =>
      new Set(rows.filter((r) => r.scope === scope).map((r) => `${r.sourceType}:${r.sourceRef}`));
    expect([...kinds(project.ids.api)].sort()).toEqual([
      'config:settings',
      `deploy_failure:${project.failures.api}`,
      'dockerfile:Dockerfile',
      'manifest:package.json',
      'readme:README.md',
    ]);
    expect(kinds(project.ids.worker)).toContain('manifest:requirements.txt');
    expect(kinds(project.ids.web)).toContain('manifest:go.mod');
    expect([...kinds(project.ids.docs)]).toEqual(['config:settings']);
    expect(rows.filter((r) => r.scope === PANEL_SCOPE).map((r) => r.sourceType)).toEqual(['conversation']);
    expect(rows.every((r) => r.embedder === 'local-hash-v1' && r.content.length <= 1000)).toBe(true);
    // A README is cut at headings; every passage names its app, file and section.
    expect(rows.find((r) => r.sourceType === 'readme' && r.content.includes('migrate:latest'))?.content).toMatch(
      /^api · README\.md › Invoices API › Migrations\n/,
    );
    // A failure keeps only the last 40 log lines, the error first.
    const failure = rows
      .filter((r) => r.sourceRef === project.failures.api)
      .map((r) => r.content)
      .join('\n');
    expect(failure).toContain('Error: The build failed');
    expect(failure).toContain('--legacy-peer-deps');
    expect(failure).not.toContain('routine build output line 10\n');
  });

  it('never indexes secret values: env values and credentials are scrubbed, names stay', async () => {
    const text = (await allChunks()).map((r) => `${r.content}\n${JSON.stringify(r.metadata)}`).join('\n');
    expect(text).not.toContain(SECRET_CANARY);
    expect(text).not.toContain(DB_PASSWORD);
    expect(text).toContain('STRIPE_SECRET_KEY');
    expect(text).toContain('debug: STRIPE_SECRET_KEY=[redacted]');
  });

  it('replaces an app’s chunks on re-index, and keeps repository passages when the repository is unreachable', async () => {
    const before = await panel.ctx.db.select().from(contextChunks).where(eq(contextChunks.scope, project.ids.web));
    project.repos.web.commit(
      { 'README.md': '# Storefront web server\n\nNow serves images through an imgproxy sidecar.\n' },
      'rewrite readme',
    );
    const report = await indexApp(panel.ctx, project.ids.web, { embedder });
    const after = await panel.ctx.db.select().from(contextChunks).where(eq(contextChunks.scope, project.ids.web));
    expect(report.warnings).toEqual([]);
    expect(after.length).toBe(report.chunks);
    expect(after.some((r) => before.some((b) => b.id === r.id))).toBe(false);
    expect(after.filter((r) => r.sourceType === 'readme').map((r) => r.content)).toEqual([
      'web · README.md › Storefront web server\nNow serves images through an imgproxy sidecar.',
    ]);
    expect((await search('imgproxy sidecar')).hits[0]?.scope).toBe(project.ids.web);

    // The remote is gone: settings and failures are re-read, the README passages survive.
    fs.renameSync(project.repos.web.dir, `${project.repos.web.dir}-moved`);
    try {
      const offline = await indexApp(panel.ctx, project.ids.web, { embedder });
      expect(offline.warnings[0]).toMatch(/^The repository could not be read \(.+\); its earlier passages are kept\.$/);
      const rows = await panel.ctx.db.select().from(contextChunks).where(eq(contextChunks.scope, project.ids.web));
      expect(rows.filter((r) => r.sourceType === 'readme')).toHaveLength(1);
    } finally {
      fs.renameSync(`${project.repos.web.dir}-moved`, project.repos.web.dir);
      // Back to the original README for the retrieval measurements below.
      project.repos.web.commit({ 'README.md': WEB_FILES['README.md'] }, 'restore readme');
      await indexApp(panel.ctx, project.ids.web, { embedder });
    }
  });
});

describe('retrieval', () => {
  it('scopes a search to one app (plus panel-wide context)', async () => {
    const scoped = await search('celery message broker redis', { app: 'api' });
    expect(scoped.hits.length).toBeGreaterThan(0);
    expect(scoped.hits.every((h) => h.scope === project.ids.api || h.scope === PANEL_SCOPE)).toBe(true);
    const everywhere = await search('celery message broker redis');
    expect(everywhere.hits[0]).toMatchObject({
      scope: project.ids.worker,
      appName: 'worker',
      sourceType: 'readme',
      sourceRef: 'README.md',
    });
    expect(everywhere.hits[0]!.snippet).toContain('broker');
  });

  it('falls back to full text when the embedder is down, and copes with a query of stop words', async () => {
    const down = {
      name: embedder.name,
      dimensions: embedder.dimensions,
      embed: async () => Promise.reject(new DomainError('unavailable', 'Gemini is not reachable')),
    };
    const result = await searchContext(panel.ctx, { query: 'celery message broker', embedder: down });
    expect(result.degraded).toBe(
      'Semantic search is unavailable (Gemini is not reachable); showing full-text matches only.',
    );
    expect(result.hits[0]).toMatchObject({ appName: 'worker', sourceType: 'readme', ranks: { vector: null, fts: 1 } });
    const stopWords = await search('what is it that you are');
    expect(stopWords.hits.every((h) => h.ranks.fts === null)).toBe(true);
  });

  it('reaches recall@5 ≥ 0.8 with hybrid search, at least as good as vector-only and full-text-only', async () => {
    const results: Record<SearchMode, { recall: number; mrr: number; ms: number; misses: string[] }> = {} as never;
    for (const mode of ['vector', 'fts', 'hybrid'] as const) {
      let recall = 0;
      let mrr = 0;
      const misses: string[] = [];
      const started = performance.now();
      for (const q of QUERIES) {
        const { hits } = await search(q.query, { app: q.app, mode });
        const found = q.relevant.filter((label) => hits.slice(0, 5).some((h) => matches(h, label))).length;
        recall += found / q.relevant.length;
        const first = hits.findIndex((h) => q.relevant.some((label) => matches(h, label)));
        mrr += first === -1 ? 0 : 1 / (first + 1);
        if (found < q.relevant.length) misses.push(q.query);
      }
      results[mode] = {
        recall: recall / QUERIES.length,
        mrr: mrr / QUERIES.length,
        ms: (performance.now() - started) / QUERIES.length,
        misses,
      };
    }
    console.log(
      [
        `retrieval on ${QUERIES.length} labelled queries (local embedder):`,
        ...Object.entries(results).map(
          ([mode, r]) =>
            `  ${mode.padEnd(6)} recall@5 ${r.recall.toFixed(3)}  MRR ${r.mrr.toFixed(3)}  ${r.ms.toFixed(1)} ms/query  misses: ${r.misses.join(' | ') || 'none'}`,
        ),
      ].join('\n'),
    );
    expect(results.hybrid.recall).toBeGreaterThanOrEqual(0.8);
    expect(results.hybrid.recall).toBeGreaterThanOrEqual(results.vector.recall);
    expect(results.hybrid.recall).toBeGreaterThanOrEqual(results.fts.recall);
  });
});

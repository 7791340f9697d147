/**
 * Top-5 context search over 10k and 100k chunks (hybrid: vector + full text, fused) with the local
 * embedder, p50/p95, against vector-only search on the same data. The chunks are generated text
 * (Zipf-distributed words, so common words match many rows, as in real context) embedded with the
 * local embedder and bulk-inserted with SQL; the HNSW index is rebuilt once after each bulk load.
 *
 *   npm run bench:retrieval [-- --sizes 10000,100000 --queries 30]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { check, percentile, ratio, round, runBench } from './lib/common.ts';
import { openBenchContext, sample } from './lib/seed.ts';
import { PANEL_SCOPE } from '../server/knowledge/documents.ts';
import { searchContext, type SearchMode } from '../server/knowledge/search.ts';
import { hashEmbed, LOCAL_EMBEDDER_NAME, localEmbedder } from '../server/knowledge/local-embedder.ts';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,100000' }, queries: { type: 'string', default: '30' } },
});
const SIZES = values.sizes!.split(',').map(Number);
const QUERIES = Number(values.queries);

const TERMS =
  'deploy build image container port health check failed error timeout restart database postgres redis connection refused memory limit volume backup domain certificate proxy caddy traefik node python npm install dockerfile env variable secret log stream rollback migration schema queue worker job cron api server request response cache token session user approval'.split(
    ' ',
  );
/** A vocabulary of real terms plus synthetic ones, drawn with a Zipf-like bias toward the first. */
const VOCAB = [...TERMS, ...Array.from({ length: 3000 }, (_, i) => `term${i.toString(36)}`)];
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const word = () => VOCAB[Math.floor(VOCAB.length * rand() ** 3)]!;
const passage = () => Array.from({ length: 40 + Math.floor(rand() * 60) }, word).join(' ');

async function bulkInsert(ctx: Awaited<ReturnType<typeof openBenchContext>>['ctx'], from: number, to: number) {
  const BATCH = 500;
  for (let start = from; start < to; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(to, start + BATCH); i++) {
      const content = passage();
      rows.push(
        sql`(${PANEL_SCOPE}, 'readme', ${`bench/${i}`}, ${content}, ${LOCAL_EMBEDDER_NAME}, ${`[${hashEmbed(content).join(',')}]`}::vector)`,
      );
    }
    await ctx.db.execute(
      sql`insert into context_chunks (scope, source_type, source_ref, content, embedder, embedding) values ${sql.join(rows, sql`, `)}`,
    );
  }
}

runBench('retrieval', 'top-5 hybrid context search vs vector-only', async (log) => {
  const { ctx, close } = await openBenchContext('retrieval');
  try {
    const embedder = localEmbedder();
    const queries = Array.from(
      { length: QUERIES },
      (_, i) => `${TERMS[i % TERMS.length]} ${TERMS[(i * 7 + 3) % TERMS.length]} ${word()}`,
    );
    const results: Record<number, Record<SearchMode, { p50: number; p95: number; n: number }>> = {};
    let loaded = 0;
    for (const size of SIZES) {
      const t0 = performance.now();
      // Per-row index inserts are far slower than one build after the load.
      await ctx.db.execute(sql`drop index if exists context_chunks_embedding_idx`);
      await ctx.db.execute(sql`drop index if exists context_chunks_fts_idx`);
      await bulkInsert(ctx, loaded, size);
      const t1 = performance.now();
      await ctx.db.execute(sql`set maintenance_work_mem = '512MB'`);
      await ctx.db.execute(
        sql`create index context_chunks_embedding_idx on context_chunks using hnsw (embedding vector_cosine_ops)`,
      );
      await ctx.db.execute(
        sql`create index context_chunks_fts_idx on context_chunks using gin (to_tsvector('english', content))`,
      );
      await ctx.db.execute(sql`analyze context_chunks`);
      loaded = size;
      log(
        `\n${size} chunks: inserted in ${Math.round(t1 - t0)} ms, indexes built in ${Math.round(performance.now() - t1)} ms`,
      );
      for (const mode of ['hybrid', 'vector'] as const) {
        let q = 0;
        const times = await sample(
          async () => {
            const r = await searchContext(ctx, { query: queries[q++ % queries.length]!, limit: 5, mode, embedder });
            if (!r.hits.length) throw new Error(`no hits for "${queries[(q - 1) % queries.length]}"`);
          },
          { runs: QUERIES, budgetMs: 20_000, warmup: 3 },
        );
        results[size] ??= {} as never;
        results[size][mode] = {
          p50: round(percentile(times, 50)),
          p95: round(percentile(times, 95)),
          n: times.length,
        };
        log(
          `  ${mode.padEnd(7)} p50 ${String(results[size][mode].p50).padStart(8)} ms  p95 ${String(results[size][mode].p95).padStart(8)} ms  (${times.length} queries)`,
        );
      }
      log(`  hybrid / vector-only p50: ${ratio(results[size]!.hybrid.p50, results[size]!.vector.p50)}x`);
    }
    const largest = SIZES.at(-1)!;
    return {
      checks: [check(`top-5 hybrid p50 over ${largest} chunks`, results[largest]!.hybrid.p50, 'ms', '<=', 30)],
      data: { sizes: SIZES, results, note: largest < 100_000 ? 'the target is for 100k chunks' : undefined },
    };
  } finally {
    await close();
  }
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { cosineDistance, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from './client.ts';
import { contextChunks, EMBEDDING_DIMENSIONS } from './schema/context-chunks.ts';
import { freePort } from '../test/global-setup.ts';

function unit(hot: number): number[] {
  const v = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  v[hot] = 1;
  v[(hot + 1) % EMBEDDING_DIMENSIONS] = 0.2;
  return v;
}

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The same checks on both drivers: migrations apply (twice), and pgvector works end to end. */
function migrationSuite(
  name: string,
  open: () => Promise<DatabaseHandle>,
  teardown: () => Promise<void> = async () => {},
) {
  describe(name, () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await open();
    });
    afterAll(async () => {
      await handle.close();
      await teardown();
    });

    it('applies every migration, and applying again is a no-op', async () => {
      await handle.migrate();
      await handle.migrate();
      const tables = rowsOf<{ tablename: string }>(
        await handle.db.execute(sql`select tablename from pg_tables where schemaname = 'public' order by 1`),
      ).map((r) => r.tablename);
      expect(tables).toEqual(
        expect.arrayContaining(['users', 'sessions', 'api_tokens', 'audit_log', 'settings', 'context_chunks']),
      );
      const ext = rowsOf<{ extname: string }>(
        await handle.db.execute(sql`select extname from pg_extension where extname = 'vector'`),
      );
      expect(ext).toHaveLength(1);
    });

    it('has an HNSW cosine index on the vector column and ranks by cosine distance', async () => {
      const idx = rowsOf<{ indexdef: string }>(
        await handle.db.execute(sql`select indexdef from pg_indexes where indexname = 'context_chunks_embedding_idx'`),
      );
      expect(idx[0]?.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);

      await handle.db.insert(contextChunks).values(
        [3, 10, 20].map((hot) => ({
          scope: 'test',
          sourceType: 'note',
          sourceRef: `n${hot}`,
          content: `chunk ${hot}`,
          embedder: 'test',
          embedding: unit(hot),
        })),
      );
      // Closest to n10, then n20 (half weight), and orthogonal to n3.
      const query = unit(10);
      query[20] = 0.5;
      const distance = cosineDistance(contextChunks.embedding, query);
      const ranked = await handle.db
        .select({ ref: contextChunks.sourceRef, distance })
        .from(contextChunks)
        .orderBy(distance)
        .limit(3);
      expect(ranked.map((r) => r.ref)).toEqual(['n10', 'n20', 'n3']);
      expect(Number(ranked[0]!.distance)).toBeLessThan(0.15);
      expect(Number(ranked[2]!.distance)).toBeCloseTo(1, 5);

      // With sequential scans off, the planner must be able to answer from the HNSW index.
      await handle.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        const plan = rowsOf<{ 'QUERY PLAN': string }>(
          await tx.execute(
            sql`explain select id from context_chunks order by embedding <=> ${JSON.stringify(query)}::vector limit 2`,
          ),
        );
        expect(plan.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/context_chunks_embedding_idx/);
      });
    });

    it('rejects a vector of the wrong size with a clear database error', async () => {
      await expect(
        handle.db.insert(contextChunks).values({
          scope: 't',
          sourceType: 'note',
          sourceRef: 'bad',
          content: 'x',
          embedder: 'test',
          embedding: [1, 2, 3],
        }),
      ).rejects.toThrow();
    });
  });
}

migrationSuite('PGlite driver (embedded default)', () => openDatabase({ url: 'memory://', dataDir: '/unused' }));

let socketServer: PGLiteSocketServer | undefined;
let socketDb: PGlite | undefined;
migrationSuite(
  'node-postgres driver (over pglite-socket)',
  async () => {
    socketDb = await PGlite.create({ extensions: { vector } });
    const port = await freePort();
    socketServer = new PGLiteSocketServer({ db: socketDb, port, host: '127.0.0.1' });
    await socketServer.start();
    // pglite-socket serves one session: one connection in the pool.
    const handle = await openDatabase({
      url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
      dataDir: '/unused',
      poolSize: 1,
    });
    expect(handle.driver).toBe('pg');
    return handle;
  },
  async () => {
    await socketServer?.stop();
    await socketDb?.close();
  },
);

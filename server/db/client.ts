import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
type DatabaseDriver = 'pglite' | 'pg';

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Where the data lives, for start-up messages; never includes a password. */
  location: string;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the data folder as a .tar.gz that `new PGlite({ loadDataDir })` opens (panel backups). */
  dumpDataDir?(): Promise<Blob>;
}

const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

export interface DatabaseOptions {
  /** postgres://… for node-postgres, `memory://` for in-memory PGlite, or unset for PGlite in dataDir. */
  url?: string;
  dataDir: string;
  /** node-postgres pool size; 1 when talking to a single-session server such as pglite-socket. */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url && options.url !== 'memory://') return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options.url === 'memory://' ? undefined : path.join(options.dataDir, 'db'));
}

/**
 * The embedded database is sized for a panel's few connections and small tables, not Postgres's
 * server defaults: 128 MB of shared buffers alone held about 150 MB of resident memory at idle.
 * PGlite runs one backend, so per-query memory (work_mem) and the connection slots stay small too.
 */
export const PGLITE_SETTINGS: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  wal_buffers: '512kB',
  temp_buffers: '2MB',
  work_mem: '4MB',
  maintenance_work_mem: '32MB',
  max_connections: '4',
};

const startParams = [
  ...PGlite.defaultStartParams,
  ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
];

/**
 * Creating the database (initdb) compiles a second WebAssembly module and runs a second instance;
 * in this process that memory stayed resident for good (about 300 MB more at idle). A short-lived
 * child process does it instead, and its memory goes back to the system when it exits.
 */
async function initPgliteDataDir(dir: string): Promise<void> {
  const script = `import { PGlite } from ${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))};
const [dir, params] = process.argv.slice(1);
await (await PGlite.create(dir, { startParams: JSON.parse(params) })).close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir, JSON.stringify(startParams)], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0)
    throw new Error(`Creating the embedded database in ${dir} failed: ${stderr.trim() || `exit ${code}`}`);
}

async function openPglite(dir: string | undefined): Promise<DatabaseHandle> {
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await initPgliteDataDir(dir);
  }
  const client = await PGlite.create(dir ?? 'memory://', { extensions: { vector }, startParams });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    location: dir ?? 'memory',
    migrate: () => migratePglite(drizzlePglite({ client, schema }), { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
    dumpDataDir: () => client.dumpDataDir('gzip'),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
  const parsed = new URL(url);
  return {
    db,
    driver: 'pg',
    location: `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    migrate: () => migratePg(drizzlePg({ client: pool, schema }), { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../context.ts';
import { inheritedEnv } from '../env.ts';
import { DomainError } from '../errors.ts';

/**
 * The panel's own database. Embedded PGlite: its data folder as a .tar.gz (PGlite's
 * dumpDataDir), which `new PGlite({ loadDataDir })` or a fresh DATA_DIR/db opens again.
 * PostgreSQL (DATABASE_URL): a plain SQL dump by the pg_dump binary on the panel's host, when
 * one is installed; in production prefer pg_dump of the compose Postgres on its own schedule.
 * Restoring it is done offline (the running panel is using it), so there is no restore here.
 */
export async function dumpPanelDatabase(
  ctx: AppContext,
  out: NodeJS.WritableStream,
): Promise<{ driver: string; ext: string }> {
  if (ctx.database.driver === 'pglite') {
    if (!ctx.database.dumpDataDir) throw new DomainError('unavailable', 'This PGlite database cannot be dumped.');
    const blob = await ctx.database.dumpDataDir();
    await pipeline(Readable.fromWeb(blob.stream() as never), out);
    return { driver: 'pglite', ext: 'tar.gz' };
  }
  await dumpPostgresUrl(ctx.env.DATABASE_URL ?? '', out);
  return { driver: 'pg', ext: 'sql' };
}

/** pg_dump of a postgres:// URL to `out`; the URL's password travels in PGPASSWORD. */
export async function dumpPostgresUrl(url: string, out: NodeJS.WritableStream): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = ''; // the password goes in the environment, never on a command line
  const child = spawn('pg_dump', ['--clean', '--if-exists', '--no-owner', `--dbname=${parsed.toString()}`], {
    env: { ...inheritedEnv(/^(PATH|HOME|LANG|LC_ALL|TZ|PGSSL\w*)$/), ...(password ? { PGPASSWORD: password } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code ?? 1));
  });
  try {
    await pipeline(child.stdout, out);
    const code = await exited;
    if (code !== 0)
      throw new DomainError(
        'invalid',
        `pg_dump of the panel database failed (exit code ${code}): ${stderr.trim().slice(-500)}`,
      );
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DomainError(
        'unavailable',
        'Backing up the panel database needs pg_dump, which is not installed on the panel host.',
        "Install postgresql-client (the server's major version), or back up the compose Postgres with pg_dump on its own schedule.",
      );
    }
    throw err;
  }
}

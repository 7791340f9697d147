import fs from 'node:fs';
import path from 'node:path';
import tarFs from 'tar-fs';
import type { AppContext } from '../context.ts';
import type { AppRow } from '../db/schema/apps.ts';
import { DomainError } from '../errors.ts';
import { execInContainer, putContainerArchive, type RunResult } from '../engine/exec.ts';
import { engineCall } from '../engine/errors.ts';
import { startContainer, stopContainer } from '../engine/index.ts';
import { currentDeployment } from '../services/deployments.ts';

export type DatabaseKind = 'postgres' | 'mysql' | 'redis';

/**
 * Databases running in an app's container are dumped and restored with their own tools through
 * the engine's exec API, streaming. Credentials default to what the container itself was started
 * with (its environment, local socket trust); a stored password goes in the exec's environment,
 * never on a command line.
 */

interface Live {
  id: string;
  name: string;
  env: Record<string, string>;
}

async function liveContainer(ctx: AppContext, app: AppRow): Promise<Live> {
  const current = await currentDeployment(ctx, app.id);
  const info = current?.containerId
    ? await engineCall(ctx.docker, () => ctx.docker.getContainer(current.containerId!).inspect()).catch(() => null)
    : null;
  if (!info?.State.Running)
    throw new DomainError(
      'conflict',
      `App ${app.name} has no running container, and a database dump or restore runs inside it.`,
      'Deploy or start the app first.',
    );
  const env = Object.fromEntries(
    (info.Config.Env ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]),
  );
  return { id: info.Id, name: info.Name.replace(/^\//, ''), env };
}

/** The database and user a dump uses: given ones first, then the container's own settings. */
function resolveDbTarget(
  kind: DatabaseKind,
  target: Record<string, string>,
  env: Record<string, string>,
): Record<string, string> {
  if (kind === 'postgres') {
    const user = target.user ?? env.POSTGRES_USER ?? 'postgres';
    return { user, database: target.database ?? env.POSTGRES_DB ?? user };
  }
  if (kind === 'mysql') {
    const database = target.database ?? env.MYSQL_DATABASE ?? env.MARIADB_DATABASE;
    return { user: target.user ?? 'root', ...(database ? { database } : {}) };
  }
  return {};
}

const passwordEnv = { postgres: 'PGPASSWORD', mysql: 'MYSQL_PWD', redis: 'REDISCLI_AUTH' } as const;
// Official MySQL/MariaDB images keep the root password in their environment; use it when none is stored.
// biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a JS template
const MYSQL_PWD = 'export MYSQL_PWD="${MYSQL_PWD:-${MYSQL_ROOT_PASSWORD:-$MARIADB_ROOT_PASSWORD}}"';
const mysqlBin = (name: 'mysqldump' | 'mysql') =>
  `"$(command -v ${name} || command -v ${name === 'mysql' ? 'mariadb' : 'mariadb-dump'})"`;

function dumpCommand(kind: DatabaseKind, t: Record<string, string>): string[] {
  if (kind === 'postgres')
    return ['pg_dump', '--clean', '--if-exists', '--no-owner', '--no-privileges', '-U', t.user!, '-d', t.database!];
  if (kind === 'mysql') {
    const which = t.database ? [t.database] : ['--all-databases'];
    return [
      'sh',
      '-c',
      `${MYSQL_PWD}; exec ${mysqlBin('mysqldump')} --single-transaction --routines --triggers --add-drop-table -u"$0" "$@"`,
      t.user!,
      ...which,
    ];
  }
  // redis-cli writes the RDB to a file; its progress goes to stderr so stdout is the file alone.
  return ['sh', '-c', 'f=/tmp/openpanel-$$.rdb; redis-cli --rdb "$f" >&2 && cat "$f"; rc=$?; rm -f "$f"; exit $rc'];
}

function failed(what: string, result: RunResult): DomainError {
  const detail = (result.stderr.trim() || result.stdout.trim()).split('\n').slice(-8).join('\n');
  return new DomainError('invalid', `${what} failed with exit code ${result.exitCode}: ${detail || '(no output)'}`);
}

export async function dumpDatabase(
  ctx: AppContext,
  app: AppRow,
  kind: DatabaseKind,
  target: Record<string, string>,
  password: string | undefined,
  out: NodeJS.WritableStream,
): Promise<Record<string, string>> {
  const live = await liveContainer(ctx, app);
  const resolved = resolveDbTarget(kind, target, live.env);
  const result = await execInContainer(ctx.docker, live.id, {
    cmd: dumpCommand(kind, resolved),
    env: password ? { [passwordEnv[kind]]: password } : undefined,
    stdout: out,
  });
  if (result.exitCode !== 0) throw failed(`The ${kind} dump in ${live.name}`, result);
  return resolved;
}

/** Restores a verified dump file into the app's running database container. */
export async function restoreDatabase(
  ctx: AppContext,
  app: AppRow,
  kind: DatabaseKind,
  target: Record<string, string>,
  password: string | undefined,
  file: string,
  log: (line: string) => void,
): Promise<void> {
  const live = await liveContainer(ctx, app);
  const env = password ? { [passwordEnv[kind]]: password } : undefined;
  if (kind === 'redis') return restoreRedis(ctx, live, env, file, log);
  const t = resolveDbTarget(kind, target, live.env);
  const cmd =
    kind === 'postgres'
      ? ['psql', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-q', '-U', t.user!, '-d', t.database!]
      : [
          'sh',
          '-c',
          `${MYSQL_PWD}; exec ${mysqlBin('mysql')} -u"$0" "$@"`,
          t.user!,
          ...(t.database ? [t.database] : []),
        ];
  log(`Loading the ${kind} dump into ${live.name}${t.database ? ` (database ${t.database})` : ''}`);
  const result = await execInContainer(ctx.docker, live.id, { cmd, env, stdin: fs.createReadStream(file) });
  if (result.exitCode !== 0) throw failed(`Loading the ${kind} dump into ${live.name}`, result);
}

async function redisCli(
  ctx: AppContext,
  live: Live,
  env: Record<string, string> | undefined,
  args: string[],
): Promise<string> {
  const result = await execInContainer(ctx.docker, live.id, { cmd: ['redis-cli', '--raw', ...args], env });
  if (result.exitCode !== 0) throw failed(`redis-cli ${args.join(' ')}`, result);
  return result.stdout;
}

/**
 * Redis loads its RDB file only at start-up: read where it lives, stop the container (Redis
 * saves on the way out), put the backup in place of the file, and start it again.
 */
async function restoreRedis(
  ctx: AppContext,
  live: Live,
  env: Record<string, string> | undefined,
  file: string,
  log: (line: string) => void,
): Promise<void> {
  const value = async (name: string) =>
    (await redisCli(ctx, live, env, ['CONFIG', 'GET', name])).split('\n')[1]?.trim() ?? '';
  if ((await value('appendonly')) === 'yes') {
    throw new DomainError(
      'invalid',
      `Redis in ${live.name} runs with appendonly yes, so it would load its AOF and ignore a restored RDB file.`,
      'Turn appendonly off for the restore, or restore the data volume instead.',
    );
  }
  const dir = await value('dir');
  const dbfilename = await value('dbfilename');
  if (!dir.startsWith('/') || !dbfilename)
    throw new DomainError('invalid', `Could not read where Redis in ${live.name} keeps its RDB file.`);
  const staging = fs.mkdtempSync(path.join(path.dirname(file), 'redis-'));
  try {
    fs.copyFileSync(file, path.join(staging, dbfilename));
    fs.chmodSync(path.join(staging, dbfilename), 0o644);
    log(`Stopping ${live.name}`);
    await stopContainer(ctx.docker, live.id);
    try {
      log(`Replacing ${dir}/${dbfilename}`);
      await putContainerArchive(
        ctx.docker,
        live.id,
        dir,
        tarFs.pack(staging, { entries: [dbfilename] }) as unknown as NodeJS.ReadableStream,
      );
    } finally {
      log(`Starting ${live.name}`);
      await startContainer(ctx.docker, live.id);
    }
    await waitForRedis(ctx, live, env);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function waitForRedis(ctx: AppContext, live: Live, env: Record<string, string> | undefined): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ping = await redisCli(ctx, live, env, ['PING']).catch(() => '');
    if (ping.trim() === 'PONG') return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new DomainError(
    'unavailable',
    `Redis in ${live.name} did not answer within 30 s after the restore.`,
    'Read the app logs.',
  );
}

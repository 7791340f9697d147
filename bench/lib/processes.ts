/**
 * Spawning the real panel (its CLI, compiled when `dist/` exists) and the bare Hono baseline the same
 * way, waiting for them to answer, and reading the resident memory of a whole process tree from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './common.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where a build step may put the compiled CLI; the first that exists wins. */
const COMPILED_CANDIDATES = ['dist/server/cli.js', 'dist/cli.js', 'dist/server/cli.mjs'];

export interface Launch {
  mode: 'compiled' | 'tsx';
  /** Node arguments before the script's own. */
  nodeArgs: string[];
  entry: string;
}

/** The panel's CLI: compiled JavaScript if built, else TypeScript through tsx's loader in one process. */
export function panelLaunch(): Launch {
  warnIfStale();
  const compiled = COMPILED_CANDIDATES.map((p) => path.join(ROOT, p)).find((p) => fs.existsSync(p));
  return compiled
    ? { mode: 'compiled', nodeArgs: [], entry: compiled }
    : { mode: 'tsx', nodeArgs: ['--import', 'tsx'], entry: path.join(ROOT, 'server/cli.ts') };
}

let warned = false;
/** A build older than the sources measures yesterday's code; say so once rather than guess. */
function warnIfStale(): void {
  const compiled = COMPILED_CANDIDATES.map((p) => path.join(ROOT, p)).find((p) => fs.existsSync(p));
  if (!compiled || warned) return;
  warned = true;
  const builtAt = fs.statSync(compiled).mtimeMs;
  const newer = fs
    .readdirSync(path.join(ROOT, 'server'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .filter((f) => fs.statSync(path.join(ROOT, 'server', f)).mtimeMs > builtAt);
  if (newer.length)
    console.log(
      `note: ${path.relative(ROOT, compiled)} is older than ${newer.length} server file(s) (e.g. server/${newer[0]}); run npm run build`,
    );
}

/** The baseline is plain JavaScript; it gets tsx's loader too when the panel does, so both start alike. */
function bareLaunch(): Launch {
  return { ...panelLaunch(), entry: path.join(ROOT, 'bench/servers/bare-hono.mjs') };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface Running {
  proc: ChildProcess;
  pid: number;
  url: string;
  /** Milliseconds from spawn until `path` answered 200, per path waited for. */
  startMs: Record<string, number>;
  stderr(): string;
  stop(): Promise<void>;
}

interface SpawnOptions {
  launch: Launch;
  args?: string[];
  env?: Record<string, string>;
  /** Paths to wait for in order (e.g. /api/health then /api/ready); each time is measured from spawn. */
  waitFor?: string[];
  timeoutMs?: number;
}

async function spawnServer(opts: SpawnOptions): Promise<Running> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...opts.launch.nodeArgs, opts.launch.entry, ...(opts.args ?? [])], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.homedir(),
      ...opts.env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let exited = false;
  proc.once('exit', () => {
    exited = true;
  });
  const stop = async () => {
    if (exited) return;
    const gone = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    const killed = await Promise.race([gone.then(() => true), sleep(15_000).then(() => false)]);
    if (!killed) proc.kill('SIGKILL');
    await gone;
  };
  const startMs: Record<string, number> = {};
  const deadline = t0 + (opts.timeoutMs ?? 120_000);
  try {
    for (const p of opts.waitFor ?? ['/api/health']) {
      for (;;) {
        if (exited) throw new Error(`the server exited before ${p} answered:\n${stderr}`);
        if (performance.now() > deadline) throw new Error(`${p} did not answer 200 in time:\n${stderr}`);
        const ok = await fetch(url + p, { signal: AbortSignal.timeout(2000) }).then(
          async (r) => (await r.arrayBuffer(), r.status === 200),
          () => false,
        );
        if (ok) break;
        await sleep(10);
      }
      startMs[p] = Math.round(performance.now() - t0);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  return { proc, pid: proc.pid!, url, startMs, stderr: () => stderr, stop };
}

export interface PanelOptions {
  dataDir: string;
  env?: Record<string, string>;
  waitFor?: string[];
}

/** `openpanel start` on the embedded database in `dataDir`; logs at warn so output costs nothing. */
export function startPanelProcess(opts: PanelOptions): Promise<Running> {
  return spawnServer({
    launch: panelLaunch(),
    args: ['start'],
    env: {
      DATA_DIR: opts.dataDir,
      NODE_ENV: 'production',
      OPENPANEL_LOG_LEVEL: 'warn',
      // Generous limits: the benches create tokens and sign in more often than a person would.
      OPENPANEL_LOGIN_RATE_LIMIT: '1000',
      ...opts.env,
    },
    waitFor: opts.waitFor ?? ['/api/health', '/api/ready'],
  });
}

/** The baseline: bare Hono on @hono/node-server answering JSON bodies of `bodyBytes`. */
export function startBareProcess(bodyBytes: number, waitFor = ['/api/health', '/api/ready']): Promise<Running> {
  return spawnServer({
    launch: bareLaunch(),
    env: { BODY_BYTES: String(bodyBytes), NODE_ENV: 'production' },
    waitFor,
  });
}

export const makeDataDir = (label: string) => fs.mkdtempSync(path.join(os.tmpdir(), `openpanel-bench-${label}-`));

function childrenOf(): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces; fields after the closing parenthesis are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = map.get(ppid) ?? [];
      list.push(Number(entry));
      map.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  return map;
}

function rssKb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export interface TreeRss {
  totalMb: number;
  processes: { pid: number; command: string; rssMb: number }[];
}

/** RSS of `pid` and every descendant (workers are threads and count in their process already). */
export function treeRss(pid: number): TreeRss {
  const children = childrenOf();
  const pids: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    pids.push(p);
    queue.push(...(children.get(p) ?? []));
  }
  const processes = pids.map((p) => {
    let command = '';
    try {
      command = fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').join(' ').trim().slice(0, 120);
    } catch {}
    return { pid: p, command, rssMb: Math.round(rssKb(p) / 102.4) / 10 };
  });
  return { totalMb: Math.round(processes.reduce((s, p) => s + p.rssMb, 0) * 10) / 10, processes };
}

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * Starts a private redis-server on a free port for the whole run. A missing redis-server fails
 * the run with a clear message: Redis tests must never be skipped silently.
 */
let redis: ChildProcess | undefined;
let dir: string | undefined;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on ${port} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-redis-'));
  redis = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: 'ignore' },
  );
  const failed = new Promise<never>((_, reject) => {
    redis!.once('error', (err) =>
      reject(
        new Error(
          `Cannot start redis-server (${err.message}). Install it (apt-get install redis-server) or run scripts/test-prereqs.sh.`,
        ),
      ),
    );
  });
  await Promise.race([waitForPort(port, 10_000), failed]);
  project.provide('redisUrl', `redis://127.0.0.1:${port}`);
  return () => {
    redis?.kill('SIGTERM');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../server/test/global-setup.ts';
// @ts-expect-error plain JavaScript build script, no type declarations
import { buildDist } from './build.mjs';

// A folder of its own beside dist/, so the test never replaces a dist/ someone is running.
const outdir = path.resolve(`dist-test-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-built-'));
afterAll(() => {
  fs.rmSync(outdir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('produces plain JavaScript that starts, migrates and answers /api/health', async () => {
    await buildDist(outdir);
    const entry = path.join(outdir, 'server', 'cli.js');
    // Nothing left for a TypeScript loader: our own modules are compiled into the bundle.
    expect(fs.readFileSync(entry, 'utf8')).not.toMatch(/from ["'][^"']+\.ts["']|import\(["'][^"']+\.ts["']\)/);

    const port = await freePort();
    const child = spawn(process.execPath, [entry, 'start'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: os.tmpdir(),
        DATA_DIR: dataDir,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout.on('data', (d) => (logs += d));
    child.stderr.on('data', (d) => (logs += d));
    const exited = new Promise((r) => child.once('exit', r));
    try {
      let health: Response | undefined;
      while (child.exitCode === null && !health?.ok) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        if (!health?.ok) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status, logs).toBe(200);
      expect(await health!.json()).toEqual({ status: 'ok' });
      // The migrations folder was found from dist/: the schema exists, so first-run setup answers.
      const setup = await fetch(`http://127.0.0.1:${port}/api/setup`);
      expect(setup.status, logs).toBe(200);
      expect(await setup.json()).toEqual({ needed: true });
      const ready = (await (await fetch(`http://127.0.0.1:${port}/api/ready`)).json()) as {
        checks: { database: { status: string } };
      };
      expect(ready.checks.database.status).toBe('ok');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);
});

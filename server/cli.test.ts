import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './test/global-setup.ts';

const bin = path.resolve('bin/openpanel.js');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-cli-'));
const baseEnv = { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), DATA_DIR: dataDir, OPENPANEL_LOG_LEVEL: 'info' };

function cli(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const res = spawnSync(process.execPath, [bin, ...args], {
    input: opts.input,
    env: { ...baseEnv, ...opts.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('openpanel CLI', () => {
  it('migrate, admin create, token create, then start serves health within 15 s', async () => {
    const migrate = cli(['migrate']);
    expect(migrate.stderr).toBe('');
    expect(migrate.stdout).toMatch(/Migrations applied \(pglite/);
    expect(migrate.code).toBe(0);

    const admin = cli(['admin', 'create', '--email', 'root@example.com', '--name', 'Root', '--password-stdin'], {
      input: 'a long cli password\n',
    });
    expect(admin.stdout).toMatch(/Created owner root@example.com/);
    expect(admin.code).toBe(0);

    const again = cli([
      'admin',
      'create',
      '--email',
      'ops@example.com',
      '--role',
      'operator',
      '--password',
      'operator password',
    ]);
    expect(again.stdout).toMatch(/Created operator ops@example.com/);

    const weak = cli(['admin', 'create', '--email', 'weak@example.com', '--password', 'short']);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/too short/);

    const token = cli([
      'token',
      'create',
      '--email',
      'root@example.com',
      '--name',
      'cursor',
      '--kind',
      'agent',
      '--scopes',
      'read,write',
    ]);
    expect(token.code).toBe(0);
    const tokenValue = token.stdout.trim();
    expect(tokenValue).toMatch(/^op_[A-Za-z0-9_-]{40,}$/);
    expect(token.stderr).toMatch(/shown only now/);

    const badScope = cli([
      'token',
      'create',
      '--email',
      'root@example.com',
      '--name',
      'x',
      '--scopes',
      'read,everything',
    ]);
    expect(badScope.code).toBe(1);
    expect(badScope.stderr).toMatch(/Unknown scopes: everything/);

    const port = await freePort();
    const started = Date.now();
    const child = spawn(process.execPath, [bin, 'start'], {
      env: { ...baseEnv, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stdout.on('data', (d) => (logs += d));
    child.stderr.on('data', (d) => (logs += d));
    try {
      let health: Response | undefined;
      while (Date.now() - started < 15_000) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        if (health?.ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status, logs).toBe(200);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(logs).toMatch(/database: embedded PGlite/);
      expect(logs).toMatch(/redis: not configured/);
      expect(logs).toMatch(/docker: /);

      const me = await fetch(`http://127.0.0.1:${port}/api/auth/me`, {
        headers: { authorization: `Bearer ${tokenValue}` },
      });
      expect(await me.json()).toMatchObject({
        user: { email: 'root@example.com', role: 'owner' },
        tokenKind: 'agent',
        scopes: ['read', 'write'],
      });
      expect(logs).not.toContain(tokenValue);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }, 90_000);

  it('stops at start-up with a message that names a bad variable', () => {
    const res = cli(['start'], { env: { PORT: 'eighty', REDIS_URL: 'localhost' } });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/Invalid configuration/);
    expect(res.stderr).toMatch(/PORT: expected a port number \(got "eighty"\)/);
    expect(res.stderr).toMatch(/REDIS_URL: expected redis:\/\/host:6379/);
  });
});

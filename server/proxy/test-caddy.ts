import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test/global-setup.ts';
import { CaddyAdmin } from './caddy-admin.ts';

/**
 * A private Caddy for a test file: admin API, HTTP and HTTPS on free localhost ports, storage and
 * its local CA in a temp folder, the CA kept out of the system trust store. A missing caddy binary
 * fails loudly: these tests must never be skipped.
 */
export interface TestCaddy {
  adminUrl: string;
  httpPort: number;
  httpsPort: number;
  dir: string;
  /** The local CA's root certificate (PEM), as Caddy's admin API serves it. */
  rootCa(): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestCaddy(): Promise<TestCaddy> {
  const [adminPort, httpPort, httpsPort] = [await freePort(), await freePort(), await freePort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-caddy-'));
  const config = {
    admin: { listen: `127.0.0.1:${adminPort}`, config: { persist: false } },
    storage: { module: 'file_system', root: path.join(dir, 'storage') },
    logging: { logs: { default: { level: 'ERROR' } } },
    apps: {
      // Custom ports keep Caddy off :80/:443; the panel creates its servers on these.
      http: { http_port: httpPort, https_port: httpsPort },
      pki: { certificate_authorities: { local: { install_trust: false } } },
    },
  };
  const file = path.join(dir, 'caddy.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const xdg = {
    HOME: dir,
    XDG_DATA_HOME: path.join(dir, 'data'),
    XDG_CONFIG_HOME: path.join(dir, 'config'),
    PATH: process.env.PATH ?? '/usr/bin:/bin',
  };
  const child: ChildProcess = spawn('caddy', ['run', '--config', file], {
    env: xdg,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const adminUrl = `http://127.0.0.1:${adminPort}`;
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (err) =>
      reject(
        new Error(
          `Cannot start caddy (${err.message}). Install it (apt-get install caddy) or run scripts/test-prereqs.sh.`,
        ),
      ),
    );
    child.once('exit', (code) => reject(new Error(`caddy exited with code ${code}:\n${stderr}`)));
  });
  const ready = (async () => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (
        await fetch(`${adminUrl}/config/`).then(
          (r) => r.ok,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`caddy's admin API did not answer within 10 s:\n${stderr}`);
  })();
  await Promise.race([ready, failed]);
  failed.catch(() => {});
  return {
    adminUrl,
    httpPort,
    httpsPort,
    dir,
    rootCa: async () =>
      (await new CaddyAdmin(adminUrl).get<{ root_certificate: string }>('/pki/ca/local'))!.root_certificate,
    stop: async () => {
      child.removeAllListeners('exit');
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** GET through Caddy's HTTPS port with SNI and Host set to `host`, trusting only `ca`. */
export function httpsGet(port: number, host: string, urlPath: string, ca: string | undefined): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      { host: '127.0.0.1', port, path: urlPath, servername: host, headers: { host }, ca, agent: false, timeout: 5_000 },
      (res) => collect(res, resolve),
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** GET through Caddy's HTTP port with the Host header; redirects are not followed. */
export function httpGet(port: number, host: string, urlPath: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port, path: urlPath, headers: { host }, agent: false, timeout: 5_000 },
      (res) => collect(res, resolve),
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

function collect(res: http.IncomingMessage, resolve: (r: Reply) => void): void {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (d: string) => (body += d));
  res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
}

/** Retries `probe` until `ok` holds (routes and certificates apply asynchronously); returns the last reply and how long it took. */
export async function eventually<T>(
  probe: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  let last: T | Error = new Error('never probed');
  while (Date.now() - started < timeoutMs) {
    try {
      last = await probe();
      if (ok(last)) return { value: last, ms: Date.now() - started };
    } catch (err) {
      last = err as Error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `condition not met within ${timeoutMs} ms; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`,
  );
}

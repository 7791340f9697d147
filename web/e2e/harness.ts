import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const BUSYBOX = 'openpanel-test/busybox:latest';
export const SCREENSHOTS = path.resolve('test-results/screenshots');

/** Fails loudly: an end-to-end test that skips itself proves nothing. */
export async function checkPrerequisites(): Promise<Docker> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Install it (apt-get install chromium) or run scripts/test-prereqs.sh.`,
    );
  const docker = new Docker();
  await docker.ping().catch((err: Error) => {
    throw new Error(
      `The Docker engine is not reachable (${err.message}). Start dockerd or run scripts/test-prereqs.sh.`,
    );
  });
  const images = spawnSync('bash', ['scripts/build-base-images.sh', 'busybox'], { encoding: 'utf8' });
  if (images.status !== 0) throw new Error(`Could not build ${BUSYBOX}:\n${images.stderr}`);
  return docker;
}

export function buildWebUi(): number {
  const started = Date.now();
  const res = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'error'],
    { encoding: 'utf8' },
  );
  if (res.status !== 0) throw new Error(`npm run build:web failed:\n${res.stdout}\n${res.stderr}`);
  return Date.now() - started;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningPanel {
  base: string;
  logs: () => string;
  stop: () => Promise<void>;
}

/** The real panel, as `openpanel start` runs it: embedded PGlite in a temp folder, no provider keys. */
export async function startPanel(): Promise<RunningPanel> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-e2e-'));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: os.tmpdir(),
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    OPENPANEL_LOG_LEVEL: 'warn',
  };
  const child: ChildProcess = spawn(process.execPath, ['bin/openpanel.js', 'start'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`openpanel start exited with ${child.exitCode}:\n${output}`);
    if ((await fetch(`${base}/api/health`).catch(() => null))?.ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  if (!(await fetch(`${base}/api/health`).catch(() => null))?.ok)
    throw new Error(`openpanel did not answer within 60 s:\n${output}`);
  return {
    base,
    logs: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium with a fresh profile folder. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 860 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The app's containers on the engine, by the label the panel puts on them. */
export async function appContainers(docker: Docker, appId: string) {
  return docker.listContainers({ all: true, filters: { label: [`dev.openpanel.app=${appId}`] } });
}

export async function removeAppContainers(docker: Docker, appId: string): Promise<void> {
  for (const c of await appContainers(docker, appId))
    await docker
      .getContainer(c.Id)
      .remove({ force: true })
      .catch(() => undefined);
}

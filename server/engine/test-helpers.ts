// Test-only helpers for the engine tests: a per-run label, the busybox base image, cleanup.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import { createDocker } from '../docker.ts';
import { buildImage, imageExists } from './images.ts';
import { labelFilters } from './labels.ts';
import { ensureNetwork } from './networks.ts';

export const BUSYBOX = 'openpanel-test/busybox:latest';
export const TEST_RUN_LABEL = 'dev.openpanel.test-run';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Removes every container, image, network and volume labelled `label=value`. Intermediate images a
 * failed build leaves behind carry the label only if the Dockerfile sets it (see TestRun.labelLine).
 */
async function cleanup(docker: Docker, label: string, value: string): Promise<void> {
  const filters = { label: labelFilters({ [label]: value }) };
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(
    containers.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreMissing)),
  );
  // A parent image refuses removal (409) while a child exists, so repeat until nothing is left.
  for (let pass = 0; pass < 5; pass++) {
    const images = await docker.listImages({ all: true, filters });
    if (images.length === 0) break;
    for (const image of images) await docker.getImage(image.Id).remove({ force: true }).catch(ignoreMissingOrInUse);
  }
  const networks = await docker.listNetworks({ filters });
  await Promise.all(networks.map((n) => docker.getNetwork(n.Id).remove().catch(ignoreMissing)));
  const { Volumes: volumes } = await docker.listVolumes({ filters });
  await Promise.all((volumes ?? []).map((v) => docker.getVolume(v.Name).remove({ force: true }).catch(ignoreMissing)));
}

function ignoreMissing(err: unknown): void {
  if ((err as { statusCode?: unknown }).statusCode !== 404) throw err;
}

function ignoreMissingOrInUse(err: unknown): void {
  const status = (err as { statusCode?: unknown }).statusCode;
  if (status !== 404 && status !== 409) throw err;
}

/** One test file's footprint on the engine: a unique label value and names derived from it. */
export class TestRun {
  readonly docker: Docker = createDocker(undefined);
  readonly id = randomBytes(4).toString('hex');
  readonly labels: Record<string, string> = { [TEST_RUN_LABEL]: this.id };
  private readonly dirs: string[] = [];

  constructor(private readonly scope: string) {}

  /** A Dockerfile LABEL line: unlike build labels, it also marks a failed build's intermediate images. */
  get labelLine(): string {
    return `LABEL ${TEST_RUN_LABEL}=${this.id}`;
  }

  /** A lowercase engine name unique to this run, e.g. `optest-logs-1a2b3c4d-web`. */
  name(suffix: string): string {
    return `optest-${this.scope}-${this.id}-${suffix}`;
  }

  /** Fails with a readable message when there is no engine; builds the busybox base image. */
  async setup(): Promise<void> {
    try {
      await this.docker.ping();
    } catch (err) {
      throw new Error(
        `These tests need a running Docker engine at /var/run/docker.sock (${(err as Error).message}). Start dockerd and retry.`,
      );
    }
    await ensureBusybox(this.docker);
  }

  /** A tar stream of a temporary directory holding `files` (path -> content). */
  async pack(files: Record<string, string>): Promise<tar.Pack> {
    const dir = await mkdtemp(join(tmpdir(), 'optest-ctx-'));
    this.dirs.push(dir);
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
    return tar.pack(dir);
  }

  /** A busybox image serving `page` at /www/index.html, and a user network, both labelled for this run. */
  async webFixture(page: string): Promise<{ webImage: string; network: string }> {
    const webImage = `${this.name('web')}:1`;
    const context = await this.pack({
      Dockerfile: `FROM ${BUSYBOX}\nCOPY index.html /www/index.html\n`,
      'index.html': page,
    });
    await buildImage(this.docker, { tag: webImage, context, labels: this.labels });
    const network = this.name('net');
    await ensureNetwork(this.docker, network, this.labels);
    return { webImage, network };
  }

  async cleanup(): Promise<void> {
    await cleanup(this.docker, TEST_RUN_LABEL, this.id);
    await Promise.all(this.dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/**
 * Makes sure the busybox base image exists: scripts/build-base-images.sh busybox (idempotent),
 * and if that fails for another reason (it also builds Debian-based images, behind a lock that
 * may be held for minutes), the same image built here through the engine API.
 */
async function ensureBusybox(docker: Docker): Promise<void> {
  // What the script itself would conclude, without queueing behind its lock.
  if (await imageExists(docker, BUSYBOX)) return;
  const scriptError = await runScript(['scripts/build-base-images.sh', 'busybox'], 60_000);
  if (await imageExists(docker, BUSYBOX)) return;
  await buildBusybox(docker, BUSYBOX, scriptError);
}

/** The script's busybox image (FROM scratch, Debian's static busybox), built through the engine API. */
async function buildBusybox(docker: Docker, tag: string, scriptError = ''): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'optest-busybox-'));
  try {
    await mkdir(join(dir, 'bin'));
    for (const sub of ['tmp', 'etc', 'www']) await mkdir(join(dir, sub));
    await copyFile('/bin/busybox', join(dir, 'bin', 'busybox')).catch(() => {
      throw new Error(
        `busybox-static is missing (apt-get install -y busybox-static); the base image script said: ${scriptError}`,
      );
    });
    const applets =
      'sh ls cat echo sleep httpd nc wget env mkdir rm cp mv grep sed tar true false date id ps kill printf test head tail wc';
    for (const applet of applets.split(' ')) await symlink('busybox', join(dir, 'bin', applet));
    await writeFile(join(dir, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
    await writeFile(join(dir, 'etc', 'group'), 'root:x:0:\n');
    await writeFile(
      join(dir, 'Dockerfile'),
      'FROM scratch\nCOPY bin /bin\nCOPY etc /etc\nCOPY tmp /tmp\nCOPY www /www\nENV PATH=/bin\nCMD ["sh"]\n',
    );
    await buildImage(docker, { tag, context: tar.pack(dir) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a bash script from the repo root; resolves to '' or its error output. Kills its whole group on timeout. */
function runScript(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn('bash', args, { cwd: repoRoot, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve(err.message);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? '' : `exit ${code ?? signal}: ${stderr.trim() || 'no output'}`);
    });
  });
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

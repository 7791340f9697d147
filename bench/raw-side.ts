import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { healthRetryPauseMs } from '../server/engine/health.ts';
import type { Sample } from './report.ts';

/**
 * The baseline: what a person types to do the same deploy by hand with the docker CLI
 * (git clone, docker build, docker run, then wait until it answers).
 */

const run = promisify(execFile);

const PROBE_TIMEOUT_MS = 2000;
const HEALTHY_WITHIN_MS = 60_000;

export const BENCH_LABEL = 'dev.openpanel.bench';
export const RAW_NETWORK = 'openpanel-bench-raw';

async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

export async function prepareRawSide(): Promise<void> {
  await removeRawLeftovers();
  if (!(await docker('network', 'ls', '-q', '--filter', `name=^${RAW_NETWORK}$`))) {
    await docker('network', 'create', '--label', `${BENCH_LABEL}=raw`, RAW_NETWORK);
  }
}

/** Containers and images an earlier (interrupted) run left, found by label. */
export async function removeRawLeftovers(): Promise<void> {
  const containers = (await docker('ps', '-aq', '--filter', `label=${BENCH_LABEL}=raw`)).split('\n').filter(Boolean);
  if (containers.length) await docker('rm', '-f', ...containers);
  const images = [
    ...new Set((await docker('images', '-q', '--filter', `label=${BENCH_LABEL}=raw`)).split('\n').filter(Boolean)),
  ];
  if (images.length) await docker('rmi', '-f', ...images).catch(() => '');
}

export async function removeRawSide(): Promise<void> {
  await removeRawLeftovers();
  await docker('network', 'rm', RAW_NETWORK).catch(() => '');
}

/**
 * One timed deploy by hand. The container is started like the panel starts one (docker-init as
 * PID 1, on a user network) so that only the panel's own work differs. Cleanup is not timed.
 */
export async function deployRaw(repoUrl: string, buildArg: string): Promise<Sample & { cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'openpanel-bench-raw-'));
  const tag = `openpanel-bench/raw:${buildArg.toLowerCase().replace(/[^a-z0-9_.-]/g, '-')}`;
  const name = `openpanel-bench-raw-${buildArg.toLowerCase().replace(/[^a-z0-9_.-]/g, '-')}`;
  let containerId: string | undefined;
  const cleanup = async () => {
    if (containerId) await docker('rm', '-f', containerId).catch(() => '');
    await docker('rmi', '-f', tag).catch(() => '');
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    const t0 = Date.now();
    await run('git', ['clone', '-q', '--depth', '1', '--branch', 'main', repoUrl, path.join(dir, 'repo')]);
    const t1 = Date.now();
    await docker(
      'build',
      '-t',
      tag,
      '--label',
      `${BENCH_LABEL}=raw`,
      '--build-arg',
      `ITERATION=${buildArg}`,
      path.join(dir, 'repo'),
    );
    const t2 = Date.now();
    containerId = await docker(
      'run',
      '-d',
      '--init',
      '--name',
      name,
      '--label',
      `${BENCH_LABEL}=raw`,
      '--network',
      RAW_NETWORK,
      tag,
    );
    const ip = await docker(
      'inspect',
      '-f',
      `{{(index .NetworkSettings.Networks "${RAW_NETWORK}").IPAddress}}`,
      containerId,
    );
    const t3 = Date.now();
    await waitForHttp200(ip, 8080);
    const t4 = Date.now();
    return { totalMs: t4 - t0, phases: { fetch: t1 - t0, build: t2 - t1, start: t3 - t2, healthy: t4 - t3 }, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

async function waitForHttp200(host: string, port: number): Promise<void> {
  const deadline = Date.now() + HEALTHY_WITHIN_MS;
  // The same pauses between attempts as the panel's health check, so neither side polls faster.
  for (let attempt = 0; ; attempt++) {
    if ((await probe(host, port)) === 200) return;
    if (Date.now() > deadline)
      throw new Error(`the raw container at ${host}:${port} did not answer 200 within ${HEALTHY_WITHIN_MS} ms`);
    await delay(healthRetryPauseMs(attempt));
  }
}

/** The HTTP status, or 0 when nothing answered. No keep-alive, as in the panel's probe. */
function probe(host: string, port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: '/', agent: false, timeout: PROBE_TIMEOUT_MS }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

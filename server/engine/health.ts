import http from 'node:http';
import net from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type Docker from 'dockerode';
import { inspectContainer, type ContainerInfo } from './containers.ts';
import { cancelled } from './errors.ts';

type HealthCheck =
  | { type: 'http'; path: string /** Default: any 2xx or 3xx. */; expectStatus?: number }
  | { type: 'tcp' }
  | { type: 'none' };

export type HealthResult = { healthy: true } | { healthy: false; reason: string; exitCode?: number };

export interface WaitHealthyOptions {
  check: HealthCheck;
  address: { host: string; port: number };
  timeoutMs: number;
  /** Pause between attempts once the first quick retries are spent; default 500 ms. */
  intervalMs?: number;
  signal?: AbortSignal;
}

// 'none' means: still running, same start, this long after we first saw it running.
const settleMs = 1000;
const probeTimeoutMs = 2000;
const DEFAULT_HEALTH_INTERVAL_MS = 500;
// The first probe comes right after the start, often a few ms before the app listens; retrying
// sooner keeps that near miss from costing a whole interval.
const quickRetriesMs = [50, 100, 200];

/** The pause after `failedAttempts` unsuccessful checks. */
export function healthRetryPauseMs(failedAttempts: number, intervalMs = DEFAULT_HEALTH_INTERVAL_MS): number {
  return Math.min(quickRetriesMs[failedAttempts] ?? intervalMs, intervalMs);
}

/**
 * Polls until the check passes, the container exits (fails at once, reason with the exit code) or
 * the time is up (reason with the last problem seen). Throws DomainError('gone') when `signal` aborts.
 */
export async function waitHealthy(
  docker: Docker,
  containerId: string,
  opts: WaitHealthyOptions,
): Promise<HealthResult> {
  const { check, address, signal } = opts;
  const intervalMs = opts.intervalMs ?? DEFAULT_HEALTH_INTERVAL_MS;
  const deadline = Date.now() + opts.timeoutMs;
  let problem = 'the container has not started';
  let runningSince: { startedAt: string | null; at: number } | null = null;
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw cancelled('The health check');
    const info = await inspectContainer(docker, containerId);
    if (!info) return { healthy: false, reason: `Container ${containerId} no longer exists.` };
    const exit = exitProblem(info);
    if (exit) return { healthy: false, reason: exit, ...(info.exitCode === null ? {} : { exitCode: info.exitCode }) };
    let wait = healthRetryPauseMs(attempt, intervalMs);
    if (!info.running) {
      problem = `the container is ${info.state}`;
    } else if (check.type === 'none') {
      if (!runningSince || runningSince.startedAt !== info.startedAt)
        runningSince = { startedAt: info.startedAt, at: Date.now() };
      const settledIn = runningSince.at + settleMs - Date.now();
      if (settledIn <= 0) return { healthy: true };
      problem = 'the container has not been running for a second yet';
      wait = Math.min(wait, settledIn);
    } else {
      const timeout = Math.max(100, Math.min(probeTimeoutMs, deadline - Date.now()));
      const failure =
        check.type === 'http' ? await probeHttp(address, check, timeout) : await probeTcp(address, timeout);
      if (signal?.aborted) throw cancelled('The health check');
      if (failure === null) return { healthy: true };
      problem = failure;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return { healthy: false, reason: `Not healthy after ${opts.timeoutMs} ms: ${problem}.` };
    try {
      await delay(Math.min(wait, remaining), undefined, { signal });
    } catch {
      throw cancelled('The health check');
    }
  }
}

function exitProblem(info: ContainerInfo): string | null {
  if (info.state === 'exited' || info.state === 'dead')
    return `The container exited with code ${info.exitCode ?? 'unknown'}.`;
  if (info.state === 'restarting')
    return `The container keeps restarting; it last exited with code ${info.exitCode ?? 'unknown'}.`;
  if (info.state === 'removing') return 'The container is being removed.';
  return null;
}

/** null when healthy, else what went wrong. */
function probeHttp(
  address: { host: string; port: number },
  check: { path: string; expectStatus?: number },
  timeoutMs: number,
): Promise<string | null> {
  const path = check.path.startsWith('/') ? check.path : `/${check.path}`;
  return new Promise((resolve) => {
    // No keep-alive agent: the container may be replaced before the next probe.
    const req = http.get({ host: address.host, port: address.port, path, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      const ok = check.expectStatus === undefined ? status >= 200 && status < 400 : status === check.expectStatus;
      const wanted = check.expectStatus === undefined ? '2xx or 3xx' : String(check.expectStatus);
      resolve(ok ? null : `GET ${path} answered ${status}, expected ${wanted}`);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (err) => resolve(`GET ${path} on ${address.host}:${address.port} failed: ${describeError(err)}`));
  });
}

function probeTcp(address: { host: string; port: number }, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address.host, port: address.port });
    socket.setTimeout(timeoutMs);
    socket.once('connect', () => {
      socket.destroy();
      resolve(null);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(`no TCP connection to ${address.host}:${address.port} within ${timeoutMs} ms`);
    });
    socket.once('error', (err) =>
      resolve(`TCP connection to ${address.host}:${address.port} failed: ${describeError(err)}`),
    );
  });
}

function describeError(err: Error): string {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : err.message;
}

import type Docker from 'dockerode';
import { DomainError } from '../errors.ts';
import { engineCall, engineCallTolerating, engineStatus, engineUnavailable } from './errors.ts';
import { LineSplitter } from './lines.ts';

export interface ContainerStats {
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  memoryPercent: number;
  networkRxBytes: number;
  networkTxBytes: number;
  /** When the engine sampled it (ISO). */
  at: string;
}

const neverRead = '0001-01-01T00:00:00Z';

/**
 * One sample of a running container's usage (the engine takes about a second to measure CPU).
 * DomainError('not_found') if it does not exist, DomainError('conflict') if it is not running.
 */
export async function readStats(docker: Docker, containerId: string): Promise<ContainerStats> {
  const raw = await engineCallTolerating(docker, [404], null, () =>
    docker.getContainer(containerId).stats({ stream: false }),
  );
  if (!raw) throw new DomainError('not_found', `Container ${containerId} does not exist.`);
  const stats = toContainerStats(raw);
  if (!stats)
    throw new DomainError('conflict', `Container ${containerId} is not running, so it has no usage to report.`);
  return stats;
}

/** A sample about every second until the container stops or `signal` aborts (then it just ends). */
export async function* followStats(
  docker: Docker,
  containerId: string,
  signal: AbortSignal,
): AsyncGenerator<ContainerStats, void, undefined> {
  if (signal.aborted) return;
  // dockerode accepts abortSignal here; its typings only omit it.
  const query = { stream: true as const, abortSignal: signal };
  let stream: NodeJS.ReadableStream;
  try {
    stream = await engineCall(docker, () => docker.getContainer(containerId).stats(query));
  } catch (err) {
    if (signal.aborted) return;
    if (engineStatus(err) === 404) throw new DomainError('not_found', `Container ${containerId} does not exist.`);
    throw err;
  }
  const lines = new LineSplitter();
  try {
    for await (const chunk of stream) {
      for (const line of lines.push(chunk)) {
        if (line.trim() === '') continue;
        const stats = toContainerStats(JSON.parse(line) as Docker.ContainerStats);
        // A stopped container keeps streaming empty samples; that is the end of its stats.
        if (!stats) return;
        yield stats;
      }
    }
  } catch (err) {
    if (signal.aborted) return;
    throw engineUnavailable(err, docker) ?? err;
  } finally {
    (stream as { destroy?: () => void }).destroy?.();
  }
}

/** Usage figures the way `docker stats` computes them; null for the empty sample of a stopped container. */
function toContainerStats(raw: Docker.ContainerStats): ContainerStats | null {
  if (!raw.read || raw.read === neverRead) return null;
  const cpu = raw.cpu_stats;
  const precpu = raw.precpu_stats;
  const cpuDelta = (cpu?.cpu_usage?.total_usage ?? 0) - (precpu?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (cpu?.system_cpu_usage ?? 0) - (precpu?.system_cpu_usage ?? 0);
  const onlineCpus = cpu?.online_cpus || cpu?.cpu_usage?.percpu_usage?.length || 1;
  const cpuPercent = cpuDelta > 0 && systemDelta > 0 ? (cpuDelta / systemDelta) * onlineCpus * 100 : 0;

  const memory = raw.memory_stats ?? {};
  const usage = memory.usage ?? 0;
  // Page cache is reclaimable, so docker leaves it out: total_inactive_file on cgroup v1, inactive_file on v2.
  const inactive = memory.stats?.total_inactive_file ?? memory.stats?.inactive_file ?? 0;
  const memoryBytes = inactive < usage ? usage - inactive : usage;
  const memoryLimitBytes = memory.limit ?? 0;

  let networkRxBytes = 0;
  let networkTxBytes = 0;
  for (const network of Object.values(raw.networks ?? {})) {
    networkRxBytes += network.rx_bytes;
    networkTxBytes += network.tx_bytes;
  }
  return {
    cpuPercent: round(cpuPercent),
    memoryBytes,
    memoryLimitBytes,
    memoryPercent: memoryLimitBytes > 0 ? round((memoryBytes / memoryLimitBytes) * 100) : 0,
    networkRxBytes,
    networkTxBytes,
    at: raw.read,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

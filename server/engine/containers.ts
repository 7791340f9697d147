import type Docker from 'dockerode';
import { DomainError } from '../errors.ts';
import { engineCall, engineCallTolerating, engineMessage, engineStatus } from './errors.ts';
import { LABELS, labelFilters } from './labels.ts';

export interface ContainerSpec {
  name: string;
  image: string;
  env?: Record<string, string>;
  labels?: Record<string, string>;
  network?: string;
  networkAliases?: string[];
  /** The container port the app listens on (TCP). */
  port?: number;
  /** Also bind `port` on the host's 127.0.0.1; 'random' lets the engine pick a free port. */
  publishPort?: number | 'random';
  cmd?: string[];
  restartPolicy?: 'no' | 'always' | 'unless-stopped' | 'on-failure';
  cpus?: number;
  memoryMb?: number;
  volumes?: { name: string; target: string; readOnly?: boolean }[];
  /** Run a tiny init (docker-init) as PID 1 so signals reach the app and stops are quick. Default true. */
  init?: boolean;
}

type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  running: boolean;
  /** The last exit code; null while it has not exited yet (created, running, paused). */
  exitCode: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** Its IP on the requested network, or on its first network. */
  ip: string | null;
  /** The container port the panel talks to (the spec's `port`, else the first exposed port). */
  port: number | null;
  /** The host port `port` is published on, if any. */
  hostPort: number | null;
  labels: Record<string, string>;
}

/** Creates and starts a container. If it cannot start, it is removed again so a retry can reuse the name. */
export async function createAndStartContainer(
  docker: Docker,
  spec: ContainerSpec,
): Promise<{ id: string; name: string }> {
  if (spec.publishPort !== undefined && spec.port === undefined) {
    throw new DomainError('invalid', `Container ${spec.name}: publishPort needs port, the container port to publish.`);
  }
  let container: Docker.Container;
  try {
    container = await engineCall(docker, () => docker.createContainer(createOptions(spec)));
  } catch (err) {
    const status = engineStatus(err);
    if (status === 409)
      throw new DomainError(
        'conflict',
        `A container named ${spec.name} already exists.`,
        'Remove it first or pick another name.',
      );
    if (status === 404)
      throw new DomainError(
        'not_found',
        `Cannot create container ${spec.name}: ${engineMessage(err)}.`,
        'Build the image or create the network first; nothing can be pulled.',
      );
    if (status !== undefined)
      throw new DomainError('invalid', `Cannot create container ${spec.name}: ${engineMessage(err)}.`);
    throw err;
  }
  try {
    await engineCall(docker, () => container.start());
  } catch (err) {
    await engineCallTolerating(docker, [404, 409], undefined, () => container.remove({ force: true })).catch(
      () => undefined,
    );
    throw startFailure(spec.name, err);
  }
  return { id: container.id, name: spec.name };
}

function createOptions(spec: ContainerSpec): Docker.ContainerCreateOptions {
  const portKey = spec.port === undefined ? undefined : `${spec.port}/tcp`;
  const labels: Record<string, string> = { ...spec.labels, [LABELS.managed]: 'true' };
  if (spec.port !== undefined) labels[LABELS.port] = String(spec.port);
  const hostConfig: Docker.HostConfig = {
    NetworkMode: spec.network,
    Init: spec.init ?? true,
    RestartPolicy: spec.restartPolicy ? { Name: spec.restartPolicy } : undefined,
    NanoCpus: spec.cpus === undefined ? undefined : Math.round(spec.cpus * 1e9),
    Memory: spec.memoryMb === undefined ? undefined : Math.round(spec.memoryMb * 1024 * 1024),
    Mounts: spec.volumes?.map((v) => ({
      Type: 'volume' as const,
      Source: v.name,
      Target: v.target,
      ReadOnly: v.readOnly ?? false,
    })),
  };
  if (portKey && spec.publishPort !== undefined) {
    // Loopback only: the proxy, not the internet, is the way in.
    const hostPort = spec.publishPort === 'random' ? '' : String(spec.publishPort);
    hostConfig.PortBindings = { [portKey]: [{ HostIp: '127.0.0.1', HostPort: hostPort }] };
  }
  return {
    name: spec.name,
    Image: spec.image,
    Cmd: spec.cmd,
    Env: spec.env ? Object.entries(spec.env).map(([key, value]) => `${key}=${value}`) : undefined,
    Labels: labels,
    ExposedPorts: portKey ? { [portKey]: {} } : undefined,
    HostConfig: hostConfig,
    NetworkingConfig: spec.network
      ? { EndpointsConfig: { [spec.network]: { Aliases: spec.networkAliases } } }
      : undefined,
  };
}

function startFailure(name: string, err: unknown): unknown {
  const status = engineStatus(err);
  if (status === undefined) return err;
  if (status === 404) return new DomainError('not_found', `Container ${name} does not exist.`);
  const message = engineMessage(err);
  const kind = /already allocated|address already in use/i.test(message) ? 'conflict' : 'invalid';
  return new DomainError(kind, `Container ${name} could not start: ${message}`);
}

/** The container's state, or null if it does not exist. `network` picks which IP to report. */
export async function inspectContainer(
  docker: Docker,
  idOrName: string,
  network?: string,
): Promise<ContainerInfo | null> {
  const raw = await engineCallTolerating(docker, [404], null, () => docker.getContainer(idOrName).inspect());
  return raw ? toContainerInfo(raw, network) : null;
}

const states = new Set<string>(['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead']);
const neverTime = '0001-01-01T00:00:00Z';

function toContainerInfo(raw: Docker.ContainerInspectInfo, network?: string): ContainerInfo {
  const state = (states.has(raw.State.Status) ? raw.State.Status : 'dead') as ContainerState;
  const labels = raw.Config.Labels ?? {};
  const networks = raw.NetworkSettings.Networks ?? {};
  const endpoint = network ? networks[network] : Object.values(networks).find((n) => n.IPAddress);
  const port = parsePort(labels[LABELS.port]) ?? parsePort(Object.keys(raw.Config.ExposedPorts ?? {})[0]);
  const bindings = raw.NetworkSettings.Ports ?? {};
  const binding =
    (port !== null ? bindings[`${port}/tcp`] : undefined) ?? Object.values(bindings).find((b) => b?.length);
  return {
    id: raw.Id,
    name: raw.Name.replace(/^\//, ''),
    image: raw.Config.Image,
    state,
    running: raw.State.Running,
    exitCode: state === 'created' || state === 'running' || state === 'paused' ? null : raw.State.ExitCode,
    startedAt: raw.State.StartedAt && raw.State.StartedAt !== neverTime ? raw.State.StartedAt : null,
    finishedAt: raw.State.FinishedAt && raw.State.FinishedAt !== neverTime ? raw.State.FinishedAt : null,
    ip: endpoint?.IPAddress || null,
    port,
    hostPort: parsePort(binding?.[0]?.HostPort),
    labels,
  };
}

function parsePort(value: string | undefined): number | null {
  const port = Number.parseInt(value ?? '', 10); // "8080/tcp" parses as 8080
  return Number.isInteger(port) && port > 0 ? port : null;
}

/**
 * How the panel reaches the container: its IP on `network` (or its first network) and its port;
 * else 127.0.0.1 and the published host port; null when neither exists (stopped, no port).
 */
export async function containerAddress(
  docker: Docker,
  id: string,
  network?: string,
): Promise<{ host: string; port: number } | null> {
  const info = await inspectContainer(docker, id, network);
  if (!info?.running) return null;
  if (info.ip && info.port !== null) return { host: info.ip, port: info.port };
  if (info.hostPort !== null) return { host: '127.0.0.1', port: info.hostPort };
  return null;
}

/** Stops a container (SIGTERM, then SIGKILL after the timeout). Already stopped or absent is fine. */
export async function stopContainer(docker: Docker, id: string, timeoutSeconds = 10): Promise<void> {
  await engineCallTolerating(docker, [304, 404], undefined, () => docker.getContainer(id).stop({ t: timeoutSeconds }));
}

/** Starts a stopped container; already running is fine, absent is DomainError('not_found'). */
export async function startContainer(docker: Docker, id: string): Promise<void> {
  try {
    await engineCallTolerating(docker, [304], undefined, () => docker.getContainer(id).start());
  } catch (err) {
    throw startFailure(id, err);
  }
}

export async function restartContainer(docker: Docker, id: string, timeoutSeconds = 10): Promise<void> {
  try {
    await engineCall(docker, () => docker.getContainer(id).restart({ t: timeoutSeconds }));
  } catch (err) {
    throw startFailure(id, err);
  }
}

/**
 * Removes a container; absent (or already being removed) is fine. Without `force` a running
 * container is DomainError('conflict'). `volumes` also removes its anonymous volumes.
 */
export async function removeContainer(
  docker: Docker,
  id: string,
  opts: { force?: boolean; volumes?: boolean } = {},
): Promise<void> {
  try {
    await engineCallTolerating(docker, [404], undefined, () =>
      docker.getContainer(id).remove({ force: opts.force ?? false, v: opts.volumes ?? false }),
    );
  } catch (err) {
    if (engineStatus(err) !== 409) throw err;
    if (/already in progress/i.test(engineMessage(err))) return;
    throw new DomainError(
      'conflict',
      `Container ${id} is running and was not removed.`,
      'Stop it first, or remove it with force.',
    );
  }
}

/** Every container the panel created (any state), optionally narrowed by app, deployment or project. */
export async function listManagedContainers(
  docker: Docker,
  filter: { app?: string; deployment?: string; project?: string } = {},
): Promise<ContainerInfo[]> {
  const labels: Record<string, string> = { [LABELS.managed]: 'true' };
  if (filter.app !== undefined) labels[LABELS.app] = filter.app;
  if (filter.deployment !== undefined) labels[LABELS.deployment] = filter.deployment;
  if (filter.project !== undefined) labels[LABELS.project] = filter.project;
  const summaries = await engineCall(docker, () =>
    docker.listContainers({ all: true, filters: { label: labelFilters(labels) } }),
  );
  // The summaries lack exit codes and start times; a container removed meanwhile is skipped.
  const infos = await Promise.all(summaries.map((s) => inspectContainer(docker, s.Id)));
  return infos.filter((info): info is ContainerInfo => info !== null);
}

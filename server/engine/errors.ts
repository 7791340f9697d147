import type Docker from 'dockerode';
import { DomainError } from '../errors.ts';

// Errors that mean "no engine answers there". ENOENT/EACCES only count when raised by connect(),
// so a missing file in a build context is not reported as a missing engine.
const unreachable = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
]);
const connectOnly = new Set(['ENOENT', 'EACCES', 'EPERM']);

type SystemError = Error & { code?: unknown; syscall?: unknown; address?: unknown; port?: unknown };

/**
 * Maps "the engine cannot be reached" failures (socket missing, refused, not permitted, timed out)
 * to DomainError('unavailable'); returns null for every other error. Pass the client to name the
 * endpoint in the message.
 */
export function engineUnavailable(err: unknown, docker?: Docker): DomainError | null {
  if (err instanceof DomainError) return err.kind === 'unavailable' ? err : null;
  if (!(err instanceof Error)) return null;
  const { code, syscall } = err as SystemError;
  if (typeof code !== 'string') return null;
  const matches = unreachable.has(code) || (connectOnly.has(code) && syscall === 'connect');
  if (!matches) return null;
  const where = describeEndpoint(docker, err as SystemError);
  const hint =
    code === 'EACCES' || code === 'EPERM'
      ? 'The panel may not use the Docker socket: add its user to the docker group or fix the socket permissions.'
      : 'Start dockerd (for example `sudo systemctl start docker`) or point DOCKER_HOST at a running engine.';
  return new DomainError('unavailable', `The Docker engine is not reachable at ${where} (${code}).`, hint);
}

function describeEndpoint(docker: Docker | undefined, err: SystemError): string {
  // docker-modem keeps its connection settings as untyped fields.
  const modem = docker?.modem as unknown as
    | { socketPath?: unknown; host?: unknown; port?: unknown; protocol?: unknown }
    | undefined;
  if (typeof modem?.socketPath === 'string') return `unix://${modem.socketPath}`;
  if (typeof modem?.host === 'string')
    return `${String(modem.protocol ?? 'http')}://${modem.host}:${String(modem.port ?? '')}`;
  if (typeof err.address === 'string')
    return err.port === undefined ? err.address : `${err.address}:${String(err.port)}`;
  return 'the configured DOCKER_HOST';
}

/** The HTTP status of a dockerode error, if the engine answered at all. */
export function engineStatus(err: unknown): number | undefined {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The engine's own message ("No such container: x"), without dockerode's "(HTTP code ...)" prefix. */
export function engineMessage(err: unknown): string {
  const json = (err as { json?: unknown } | null)?.json;
  if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    return (json as { message: string }).message.trim();
  }
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^\(HTTP code \d+\) [^-]*- /, '').trim();
}

/** Runs one engine call, turning "engine unreachable" into the clear DomainError. */
export async function engineCall<T>(docker: Docker, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw engineUnavailable(err, docker) ?? err;
  }
}

/** Like engineCall, but resolves to `fallback` when the engine answers with one of `statuses`. */
export async function engineCallTolerating<T>(
  docker: Docker,
  statuses: number[],
  fallback: T,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const status = engineStatus(err);
    if (status !== undefined && statuses.includes(status)) return fallback;
    throw engineUnavailable(err, docker) ?? err;
  }
}

export function cancelled(what: string): DomainError {
  return new DomainError('gone', `${what} was cancelled.`);
}

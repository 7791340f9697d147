import crypto from 'node:crypto';
import { type PassThrough, Transform, Writable, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { DomainError } from '../errors.ts';
import { engineCall, engineCallTolerating, engineMessage, engineStatus } from './errors.ts';
import { LABELS } from './labels.ts';

/** Kept of stderr (its end, where errors are), and of stdout when no sink is given. */
const MAX_CAPTURE = 64 * 1024;

export interface StreamedRun {
  /** Piped to the process's stdin, which is closed when it ends. */
  stdin?: Readable;
  /** Receives stdout with backpressure and is ended with it; without one, stdout is captured (64 KiB). */
  stdout?: NodeJS.WritableStream;
  signal?: AbortSignal;
}

export interface RunResult {
  exitCode: number;
  /** Captured stdout when no sink was given, else ''. */
  stdout: string;
  /** The last 64 KiB of stderr. */
  stderr: string;
}

/**
 * Splits the engine's multiplexed stream (8-byte frame headers: stream type, then length) into
 * stdout bytes, passed on, and stderr, kept. Frames may be cut anywhere between chunks.
 */
class Demuxer extends Transform {
  #pending = Buffer.alloc(0);
  stderr = new Capture();

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    let buffer = this.#pending.length ? Buffer.concat([this.#pending, chunk]) : chunk;
    while (buffer.length >= 8) {
      const size = buffer.readUInt32BE(4);
      if (buffer.length < 8 + size) break;
      const payload = buffer.subarray(8, 8 + size);
      if (buffer[0] === 2) this.stderr.add(payload);
      else this.push(payload);
      buffer = buffer.subarray(8 + size);
    }
    this.#pending = Buffer.from(buffer);
    done();
  }
}

class Capture {
  #chunks: Buffer[] = [];
  #size = 0;
  add(chunk: Buffer): void {
    this.#chunks.push(Buffer.from(chunk));
    this.#size += chunk.length;
    while (this.#size > MAX_CAPTURE && this.#chunks.length > 1) this.#size -= this.#chunks.shift()!.length;
  }
  text(): string {
    const all = Buffer.concat(this.#chunks);
    return all.subarray(Math.max(0, all.length - MAX_CAPTURE)).toString('utf8');
  }
}

/** Pipes the hijacked connection's output through the demuxer; feeds stdin and half-closes after it. */
async function pump(conn: NodeJS.ReadWriteStream, run: StreamedRun): Promise<{ stdout: string; stderr: string }> {
  const demux = new Demuxer();
  const captured = new Capture();
  const sink =
    run.stdout ??
    new Writable({
      write: (chunk: Buffer, _e, cb) => {
        captured.add(chunk);
        cb();
      },
    });
  if (run.stdin) {
    const stdin = run.stdin;
    stdin.on('error', (err) => (conn as unknown as PassThrough).destroy(err));
    stdin.pipe(conn as unknown as NodeJS.WritableStream); // ends (half-closes) the connection after the last byte
  }
  try {
    await pipeline(conn as unknown as Readable, demux, sink, { signal: run.signal });
  } catch (err) {
    // A process may exit before reading all its input (psql stops at the first error): our
    // writes then hit a closed connection. Its exit code and stderr tell what happened.
    const code = (err as NodeJS.ErrnoException).code;
    if (!run.stdin || !['EPIPE', 'ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE'].includes(code ?? '')) throw err;
    if (run.stdout) (run.stdout as Writable).destroy?.();
  }
  return { stdout: run.stdout ? '' : captured.text(), stderr: demux.stderr.text() };
}

/**
 * Runs a command in a running container through the engine's exec API, streaming stdin and
 * stdout; the exit code comes back as a value (a non-zero exit is the caller's to judge).
 * `env` is set for this process only, so secrets never appear on a command line.
 */
export async function execInContainer(
  docker: Docker,
  containerId: string,
  opts: StreamedRun & { cmd: string[]; env?: Record<string, string>; user?: string },
): Promise<RunResult> {
  let exec: Docker.Exec;
  try {
    exec = await engineCall(docker, () =>
      docker.getContainer(containerId).exec({
        Cmd: opts.cmd,
        Env: opts.env ? Object.entries(opts.env).map(([k, v]) => `${k}=${v}`) : undefined,
        User: opts.user,
        AttachStdin: !!opts.stdin,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
      }),
    );
  } catch (err) {
    const status = engineStatus(err);
    if (status === 404) throw new DomainError('not_found', `Container ${containerId} does not exist.`);
    if (status === 409)
      throw new DomainError(
        'conflict',
        `Container ${containerId} is not running: ${engineMessage(err)}.`,
        'Start the app first.',
      );
    throw err;
  }
  const conn = await engineCall(docker, () => exec.start({ hijack: true, stdin: !!opts.stdin }));
  const out = await pump(conn, opts);
  // The stream can end a moment before the engine records the exit code.
  for (let i = 0; i < 100; i++) {
    const info = await engineCall(docker, () => exec.inspect());
    if (!info.Running && info.ExitCode !== null) return { exitCode: info.ExitCode, ...out };
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new DomainError('unavailable', `The engine did not report how "${opts.cmd[0]}" ended.`);
}

export interface HelperSpec extends StreamedRun {
  image: string;
  cmd: string[];
  volumes: { name: string; target: string; readOnly?: boolean }[];
}

/**
 * Runs a short-lived container (no network) with volumes mounted, streams its stdin and stdout,
 * and removes it. Attaching happens before the start, so no output is missed.
 */
export async function runHelperContainer(docker: Docker, spec: HelperSpec): Promise<RunResult> {
  const name = `op-helper-${crypto.randomBytes(4).toString('hex')}`;
  let container: Docker.Container;
  try {
    container = await engineCall(docker, () =>
      docker.createContainer({
        name,
        Image: spec.image,
        Cmd: spec.cmd,
        Labels: { [LABELS.managed]: 'true', 'dev.openpanel.helper': 'backup' },
        AttachStdin: !!spec.stdin,
        OpenStdin: !!spec.stdin,
        StdinOnce: !!spec.stdin,
        AttachStdout: true,
        AttachStderr: true,
        Tty: false,
        HostConfig: {
          NetworkMode: 'none',
          Mounts: spec.volumes.map((v) => ({
            Type: 'volume' as const,
            Source: v.name,
            Target: v.target,
            ReadOnly: v.readOnly ?? false,
          })),
        },
      }),
    );
  } catch (err) {
    if (engineStatus(err) === 404)
      throw new DomainError(
        'unavailable',
        `The helper image ${spec.image} is not on this Docker engine: ${engineMessage(err)}.`,
        'Nothing is pulled: load or build it on the host, or set OPENPANEL_BACKUP_HELPER_IMAGE to an image that has sh and tar.',
      );
    throw err;
  }
  try {
    const conn = await engineCall(docker, () =>
      container.attach({ stream: true, hijack: true, stdin: !!spec.stdin, stdout: true, stderr: true }),
    );
    try {
      await engineCall(docker, () => container.start());
    } catch (err) {
      (conn as unknown as PassThrough).destroy();
      throw err;
    }
    const out = await pump(conn, spec);
    // The output ends when the process does; "not-running" then answers at once with its code.
    const exit = (await engineCall(docker, () => container.wait())) as { StatusCode: number };
    return { exitCode: exit.StatusCode, ...out };
  } finally {
    await engineCallTolerating(docker, [404, 409], undefined, () => container.remove({ force: true })).catch(
      () => undefined,
    );
  }
}

/** Writes a tar archive into a container's filesystem (running or stopped, volumes included). */
export async function putContainerArchive(
  docker: Docker,
  containerId: string,
  dir: string,
  tar: NodeJS.ReadableStream,
): Promise<void> {
  await engineCall(docker, () => docker.getContainer(containerId).putArchive(tar, { path: dir }));
}

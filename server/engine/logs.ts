import type Docker from 'dockerode';
import { DomainError } from '../errors.ts';
import { engineCall, engineCallTolerating, engineUnavailable } from './errors.ts';
import { LogDecoder, type LogLine } from './log-decoder.ts';

export type { LogLine } from './log-decoder.ts';

export interface LogQuery {
  /** readLogs: the last N matching lines. followLogs: the engine's last N lines before following, then filtered. */
  tail?: number;
  /** A Date, or milliseconds since the epoch (like Date.now()). */
  since?: Date | number;
  /** Case-insensitive substring the line's text must contain. */
  filter?: string;
  /** Only this stream. Applied before `tail`, so tail counts lines of this stream. */
  stream?: 'stdout' | 'stderr';
  /**
   * readLogs: rewrites each line's text before the filter and the tail (the secret scrubber), so a
   * filter only matches what the caller is shown.
   */
  rewrite?: (text: string) => string;
}

// With a filter or a stream, readLogs looks for `tail` matches among this many of the latest lines.
const filterScanLines = 10_000;

/** Reads a container's logs once, stdout and stderr apart, each line with its engine timestamp. */
export async function readLogs(docker: Docker, containerId: string, opts: LogQuery = {}): Promise<LogLine[]> {
  if (opts.tail === 0) return [];
  const tty = await hasTty(docker, containerId);
  const matches = lineMatcher(opts);
  const narrowed = opts.filter !== undefined || opts.stream !== undefined;
  const tail = opts.tail === undefined ? undefined : narrowed ? Math.max(opts.tail, filterScanLines) : opts.tail;
  const raw: unknown = await engineCall(docker, () =>
    docker
      .getContainer(containerId)
      .logs({ follow: false, stdout: true, stderr: true, timestamps: true, tail, since: sinceParam(opts.since) }),
  );
  const decoder = new LogDecoder(tty);
  // Filter first, then take the tail: the caller asked for the last N lines that match.
  const decoded = [...decoder.push(toBuffer(raw)), ...decoder.end()];
  const { rewrite } = opts;
  const lines = (rewrite ? decoded.map((l) => ({ ...l, text: rewrite(l.text) })) : decoded).filter(matches);
  return opts.tail === undefined ? lines : lines.slice(-opts.tail);
}

/**
 * Yields log lines as the container prints them. Ends when the container stops or `signal`
 * aborts (then it just ends, it does not throw). The engine may end a follow before it stored a
 * last line that had no newline; readLogs afterwards has it.
 */
export async function* followLogs(
  docker: Docker,
  containerId: string,
  opts: LogQuery & { signal: AbortSignal },
): AsyncGenerator<LogLine, void, undefined> {
  const { signal } = opts;
  if (signal.aborted) return;
  const tty = await hasTty(docker, containerId);
  const matches = lineMatcher(opts);
  let stream: NodeJS.ReadableStream;
  try {
    stream = await docker.getContainer(containerId).logs({
      follow: true,
      stdout: true,
      stderr: true,
      timestamps: true,
      tail: opts.tail,
      since: sinceParam(opts.since),
      abortSignal: signal,
    });
  } catch (err) {
    if (signal.aborted) return;
    throw engineUnavailable(err, docker) ?? err;
  }
  const decoder = new LogDecoder(tty);
  try {
    for await (const chunk of stream) {
      for (const line of decoder.push(chunk)) if (matches(line)) yield line;
    }
    for (const line of decoder.end()) if (matches(line)) yield line;
  } catch (err) {
    if (signal.aborted) return;
    throw engineUnavailable(err, docker) ?? err;
  } finally {
    // The consumer may stop early (break); close the connection instead of leaking it.
    (stream as { destroy?: () => void }).destroy?.();
  }
}

/** The stream and case-insensitive filter rule of LogQuery, for callers that filter lines themselves. */
export function lineMatcher(opts: Pick<LogQuery, 'filter' | 'stream'>): (line: LogLine) => boolean {
  const needle = opts.filter?.toLowerCase();
  return (line) =>
    (!opts.stream || line.stream === opts.stream) && (!needle || line.text.toLowerCase().includes(needle));
}

async function hasTty(docker: Docker, containerId: string): Promise<boolean> {
  const info = await engineCallTolerating(docker, [404], null, () => docker.getContainer(containerId).inspect());
  if (!info) throw new DomainError('not_found', `Container ${containerId} does not exist.`);
  return info.Config.Tty;
}

/** The engine takes "seconds.nanoseconds" since the epoch. */
function sinceParam(since: Date | number | undefined): string | undefined {
  if (since === undefined) return undefined;
  const ms = since instanceof Date ? since.getTime() : since;
  const seconds = Math.floor(ms / 1000);
  const nanos = Math.round((ms - seconds * 1000) * 1e6);
  return `${seconds}.${String(nanos).padStart(9, '0')}`;
}

function toBuffer(raw: unknown): Buffer {
  // dockerode hands back parsed JSON when a body happens to be JSON; timestamps make that unlikely.
  if (Buffer.isBuffer(raw)) return raw;
  return Buffer.from(typeof raw === 'string' ? raw : JSON.stringify(raw));
}

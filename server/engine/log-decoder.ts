import { LineSplitter } from './lines.ts';

export interface LogLine {
  stream: 'stdout' | 'stderr';
  text: string;
  /** The engine's RFC 3339 timestamp (nanosecond precision), e.g. 2024-05-01T12:00:00.123456789Z. */
  time: string;
}

const timestamp = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/**
 * Decodes a log stream requested with timestamps. Without a TTY the engine multiplexes stdout and
 * stderr in frames (an 8-byte header: stream type, then payload length); with a TTY it sends raw
 * stdout. Frames and lines may be cut anywhere between chunks.
 */
export class LogDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private readonly splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };

  constructor(private readonly tty: boolean) {}

  push(chunk: Buffer | string): LogLine[] {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    if (this.tty) return this.lines('stdout', this.splitters.stdout.push(bytes));
    let buffer = this.pending.length > 0 ? Buffer.concat([this.pending, bytes]) : bytes;
    const out: LogLine[] = [];
    while (buffer.length >= 8) {
      const size = buffer.readUInt32BE(4);
      if (buffer.length < 8 + size) break;
      const stream = buffer[0] === 2 ? 'stderr' : 'stdout'; // 0 (stdin) never carries output
      out.push(...this.lines(stream, this.splitters[stream].push(buffer.subarray(8, 8 + size))));
      buffer = buffer.subarray(8 + size);
    }
    this.pending = Buffer.from(buffer);
    return out;
  }

  /** Lines left without a final newline when the stream ended. */
  end(): LogLine[] {
    return [
      ...this.lines('stdout', this.splitters.stdout.flush()),
      ...this.lines('stderr', this.splitters.stderr.flush()),
    ];
  }

  private lines(stream: LogLine['stream'], raw: string[]): LogLine[] {
    return raw.map((line) => {
      const space = line.indexOf(' ');
      const time = space > 0 ? line.slice(0, space) : line;
      if (timestamp.test(time)) return { stream, time, text: space > 0 ? line.slice(space + 1) : '' };
      return { stream, time: '', text: line };
    });
  }
}

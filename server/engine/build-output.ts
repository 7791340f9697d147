import { LineSplitter } from './lines.ts';

export interface BuildLine {
  stream: 'stdout' | 'stderr';
  text: string;
}

// The classic builder wraps a RUN step's stderr in these ANSI colour codes; they are the only
// sign of which stream a line came from.
const stderrStart = '\u001b[91m';
// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the ESC byte of ANSI colour codes
const colourCodes = /\u001b\[(?:91|0)m/g;

interface BuildMessage {
  stream?: unknown;
  status?: unknown;
  id?: unknown;
  progressDetail?: { current?: unknown };
  error?: unknown;
  errorDetail?: { message?: unknown };
  aux?: { ID?: unknown };
}

/**
 * Turns the engine's build response (newline-delimited JSON, split anywhere by the transport) into
 * whole output lines, and remembers the image id and the last error.
 */
export class BuildOutput {
  imageId: string | null = null;
  error: string | null = null;
  private readonly json = new LineSplitter();
  private readonly stdout = new LineSplitter();
  private readonly stderr = new LineSplitter();

  constructor(private readonly emit: (line: BuildLine) => void) {}

  push(chunk: Buffer | string): void {
    for (const raw of this.json.push(chunk)) this.handle(raw);
  }

  end(): void {
    for (const raw of this.json.flush()) this.handle(raw);
    this.flushText();
  }

  private handle(raw: string): void {
    if (raw.trim() === '') return;
    let message: BuildMessage;
    try {
      message = JSON.parse(raw) as BuildMessage;
    } catch {
      this.emit({ stream: 'stdout', text: raw });
      return;
    }
    if (typeof message.aux?.ID === 'string') this.imageId = message.aux.ID;
    if (message.errorDetail || message.error !== undefined) {
      // Output printed before the error belongs before it.
      this.flushText();
      const text = String(message.errorDetail?.message ?? message.error).trim();
      this.error = text;
      for (const line of text.split('\n')) this.emit({ stream: 'stderr', text: line });
      return;
    }
    if (typeof message.stream === 'string') {
      const isStderr = message.stream.startsWith(stderrStart);
      const text = message.stream.replace(colourCodes, '');
      const splitter = isStderr ? this.stderr : this.stdout;
      for (const line of splitter.push(text)) this.emit({ stream: isStderr ? 'stderr' : 'stdout', text: line });
      return;
    }
    // Pull progress: keep the state changes ("Pull complete"), drop the byte counters.
    if (typeof message.status === 'string' && message.progressDetail?.current === undefined) {
      const prefix = typeof message.id === 'string' ? `${message.id}: ` : '';
      this.emit({ stream: 'stdout', text: `${prefix}${message.status}` });
    }
  }

  private flushText(): void {
    for (const text of this.stdout.flush()) this.emit({ stream: 'stdout', text });
    for (const text of this.stderr.flush()) this.emit({ stream: 'stderr', text });
  }
}

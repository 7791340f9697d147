/**
 * Splits a chunked byte stream into complete lines, keeping an unfinished line for the next chunk.
 * Works on bytes so a UTF-8 character cut between two chunks is decoded whole.
 */
export class LineSplitter {
  private rest: Buffer = Buffer.alloc(0);

  push(chunk: Buffer | string): string[] {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let buffer = this.rest.length > 0 ? Buffer.concat([this.rest, bytes]) : bytes;
    const lines: string[] = [];
    for (let newline = buffer.indexOf(0x0a); newline !== -1; newline = buffer.indexOf(0x0a)) {
      lines.push(stripCarriageReturn(buffer.subarray(0, newline).toString('utf8')));
      buffer = buffer.subarray(newline + 1);
    }
    this.rest = Buffer.from(buffer);
    return lines;
  }

  /** The unfinished last line, if any (call once the stream has ended). */
  flush(): string[] {
    const tail = this.rest;
    this.rest = Buffer.alloc(0);
    return tail.length > 0 ? [stripCarriageReturn(tail.toString('utf8'))] : [];
  }
}

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

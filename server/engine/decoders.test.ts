// The engine rarely cuts a frame or a line in two on a local socket, so the cuts are forced here.
import { describe, expect, it } from 'vitest';
import { BuildOutput, type BuildLine } from './build-output.ts';
import { LogDecoder, type LogLine } from './log-decoder.ts';

function frame(stream: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

/** Feeds `bytes` in pieces of `size` bytes and collects everything decoded. */
function decodeInPieces(decoder: LogDecoder, bytes: Buffer, size: number): LogLine[] {
  const lines: LogLine[] = [];
  for (let i = 0; i < bytes.length; i += size) lines.push(...decoder.push(bytes.subarray(i, i + size)));
  return [...lines, ...decoder.end()];
}

const t1 = '2024-05-01T12:00:00.000000001Z';
const t2 = '2024-05-01T12:00:01.5Z';

describe('LogDecoder', () => {
  // One logical line split over two frames, a UTF-8 character and an unterminated last line.
  const bytes = Buffer.concat([
    frame(1, `${t1} hello wörld\n${t1} second `),
    frame(2, `${t2} oops ✗\n`),
    frame(1, `half\n${t2} tail without newline`),
  ]);
  const expected: LogLine[] = [
    { stream: 'stdout', time: t1, text: 'hello wörld' },
    { stream: 'stderr', time: t2, text: 'oops ✗' },
    { stream: 'stdout', time: t1, text: 'second half' },
    { stream: 'stdout', time: t2, text: 'tail without newline' },
  ];

  it.each([1, 2, 3, 7, 8, 9, 64, bytes.length])('decodes multiplexed frames fed %i bytes at a time', (size) => {
    expect(decodeInPieces(new LogDecoder(false), bytes, size)).toEqual(expected);
  });

  it('decodes a TTY stream as stdout and drops the carriage returns', () => {
    const raw = Buffer.from(`${t1} one\r\n${t2} twö\r\n`);
    expect(decodeInPieces(new LogDecoder(true), raw, 5)).toEqual([
      { stream: 'stdout', time: t1, text: 'one' },
      { stream: 'stdout', time: t2, text: 'twö' },
    ]);
  });
});

describe('BuildOutput', () => {
  const response = [
    { stream: 'Step 1/2 : FROM busybox' },
    { stream: '\n' },
    { stream: '\u001b[91mwarn: \u001b[0m' },
    { stream: '\u001b[91mslow\n\u001b[0m' },
    { stream: 'partial out' },
    {
      errorDetail: { message: 'The command returned a non-zero code: 3' },
      error: 'The command returned a non-zero code: 3',
    },
  ]
    .map((m) => `${JSON.stringify(m)}\r\n`)
    .join('');

  it.each([1, 5, 13, response.length])('rebuilds lines fed %i bytes at a time and keeps the error last', (size) => {
    const lines: BuildLine[] = [];
    const output = new BuildOutput((line) => lines.push(line));
    const bytes = Buffer.from(response);
    for (let i = 0; i < bytes.length; i += size) output.push(bytes.subarray(i, i + size));
    output.end();
    expect(lines).toEqual([
      { stream: 'stdout', text: 'Step 1/2 : FROM busybox' },
      { stream: 'stderr', text: 'warn: slow' },
      { stream: 'stdout', text: 'partial out' },
      { stream: 'stderr', text: 'The command returned a non-zero code: 3' },
    ]);
    expect(output.error).toBe('The command returned a non-zero code: 3');
    expect(output.imageId).toBeNull();
  });

  it('takes the image id from the aux message', () => {
    const output = new BuildOutput(() => undefined);
    output.push(
      `${JSON.stringify({ aux: { ID: 'sha256:abc' } })}\n${JSON.stringify({ stream: 'Successfully built abc\n' })}\n`,
    );
    output.end();
    expect(output.imageId).toBe('sha256:abc');
  });
});

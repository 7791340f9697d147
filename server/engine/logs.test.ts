import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAndStartContainer, inspectContainer } from './containers.ts';
import { followLogs, readLogs, type LogLine } from './logs.ts';
import { BUSYBOX, TestRun, waitFor } from './test-helpers.ts';

const run = new TestRun('logs');
const { docker } = run;

beforeAll(() => run.setup(), 120_000);
afterAll(() => run.cleanup(), 60_000);

async function runToExit(suffix: string, script: string): Promise<string> {
  const { id } = await createAndStartContainer(docker, {
    name: run.name(suffix),
    image: BUSYBOX,
    labels: run.labels,
    cmd: ['sh', '-c', script],
  });
  await waitFor(`${suffix} to exit`, async () => ((await inspectContainer(docker, id))?.running ? undefined : true));
  return id;
}

const texts = (lines: LogLine[]) => lines.map((l) => l.text);

describe('readLogs', () => {
  it('keeps stdout and stderr apart, with the engine timestamp split off', async () => {
    const before = Date.now();
    const id = await runToExit('split', 'echo out; echo err >&2');
    const lines = await readLogs(docker, id, {});

    expect(lines).toHaveLength(2);
    expect(lines).toContainEqual({ stream: 'stdout', text: 'out', time: expect.any(String) });
    expect(lines).toContainEqual({ stream: 'stderr', text: 'err', time: expect.any(String) });
    for (const line of lines) {
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
      expect(Math.abs(Date.parse(line.time) - before)).toBeLessThan(60_000);
    }
  }, 30_000);

  it('applies tail, a case-insensitive filter (tail then counts matches) and since', async () => {
    // The engine reads stdout and stderr separately: the pauses make their order in the log certain.
    const id = await runToExit(
      'many',
      'for i in 1 2 3 4 5 6 7 8; do echo "line $i"; done; sleep 0.1; echo "Error: disk full" >&2; sleep 0.1; echo "last line"',
    );
    const all = await readLogs(docker, id, {});
    expect(texts(all)).toHaveLength(10);

    expect(texts(await readLogs(docker, id, { tail: 3 }))).toEqual(['line 8', 'Error: disk full', 'last line']);
    expect(await readLogs(docker, id, { tail: 0 })).toEqual([]);
    expect(await readLogs(docker, id, { filter: 'ERROR' })).toEqual([
      expect.objectContaining({ stream: 'stderr', text: 'Error: disk full' }),
    ]);
    // Two matching lines, not two lines then filtered (which would find only "last line").
    expect(texts(await readLogs(docker, id, { filter: 'LINE', tail: 2 }))).toEqual(['line 8', 'last line']);

    // A stream is picked before the tail: the last 2 stderr lines, though stdout printed after them.
    const mixed = await runToExit(
      'mixed',
      'for i in 1 2 3; do echo "err $i" >&2; done; sleep 0.1; for i in 1 2 3 4; do echo "out $i"; done',
    );
    expect(texts(await readLogs(docker, mixed, { stream: 'stderr', tail: 2 }))).toEqual(['err 2', 'err 3']);
    expect(texts(await readLogs(docker, mixed, { stream: 'stdout', tail: 5 }))).toEqual([
      'out 1',
      'out 2',
      'out 3',
      'out 4',
    ]);

    const future = new Date(Date.now() + 60_000);
    expect(await readLogs(docker, id, { since: future })).toEqual([]);
    expect(texts(await readLogs(docker, id, { since: Date.parse(all[0]!.time) - 1000 }))).toHaveLength(10);
  }, 30_000);

  it('reads a TTY container (no stream frames) as stdout without carriage returns', async () => {
    const container = await docker.createContainer({
      name: run.name('tty'),
      Image: BUSYBOX,
      Tty: true,
      Labels: run.labels,
      Cmd: ['sh', '-c', 'echo first; echo second >&2'],
    });
    await container.start();
    await waitFor('tty container to exit', async () =>
      (await inspectContainer(docker, container.id))?.running ? undefined : true,
    );
    const lines = await readLogs(docker, container.id, {});
    expect(lines.map((l) => [l.stream, l.text])).toEqual([
      ['stdout', 'first'],
      ['stdout', 'second'],
    ]);
  }, 30_000);

  it('says not_found for a missing container', async () => {
    await expect(readLogs(docker, run.name('missing'), {})).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('followLogs', () => {
  it('yields lines as they are printed and stops when the signal aborts', async () => {
    const { id } = await createAndStartContainer(docker, {
      name: run.name('ticker'),
      image: BUSYBOX,
      labels: run.labels,
      cmd: ['sh', '-c', 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.2; done'],
    });
    const controller = new AbortController();
    const received: { line: LogLine; at: number }[] = [];
    const started = Date.now();
    let abortedAt = 0;
    for await (const line of followLogs(docker, id, { signal: controller.signal })) {
      received.push({ line, at: Date.now() });
      if (received.length === 5) {
        abortedAt = Date.now();
        controller.abort();
      }
    }
    const endedAfterMs = Date.now() - abortedAt;

    expect(texts(received.map((r) => r.line))).toEqual(['tick 1', 'tick 2', 'tick 3', 'tick 4', 'tick 5']);
    // Streamed, not batched: the five lines arrive over about 0.8 s, each soon after it was printed.
    expect(received[4]!.at - received[0]!.at).toBeGreaterThan(600);
    for (const { line, at } of received) expect(at - Date.parse(line.time)).toBeLessThan(500);
    expect(endedAfterMs).toBeLessThan(500);
    console.log(
      `followLogs: 5 lines over ${received[4]!.at - received[0]!.at} ms, ended ${endedAfterMs} ms after abort, ${Date.now() - started} ms total`,
    );
  }, 30_000);

  it('ends by itself when the container stops', async () => {
    const { id } = await createAndStartContainer(docker, {
      name: run.name('short'),
      image: BUSYBOX,
      labels: run.labels,
      cmd: ['sh', '-c', 'echo one; sleep 0.5; echo two >&2; sleep 0.3'],
    });
    const lines: LogLine[] = [];
    const started = Date.now();
    for await (const line of followLogs(docker, id, { signal: AbortSignal.timeout(10_000) })) lines.push(line);
    expect(lines.map((l) => [l.stream, l.text])).toEqual([
      ['stdout', 'one'],
      ['stderr', 'two'],
    ]);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 30_000);

  it('filters and tails when following', async () => {
    const id = await runToExit(
      'followfilter',
      'echo "GET /a 200"; echo "GET /b 500"; echo "get /c 500"; echo "GET /d 200"',
    );
    const signal = AbortSignal.timeout(10_000);
    const matching: string[] = [];
    for await (const line of followLogs(docker, id, { filter: 'get', tail: 2, signal })) matching.push(line.text);
    expect(matching).toEqual(['get /c 500', 'GET /d 200']);
    const errors: string[] = [];
    for await (const line of followLogs(docker, id, { filter: ' 500', signal })) errors.push(line.text);
    expect(errors).toEqual(['GET /b 500', 'get /c 500']);
  }, 30_000);
});

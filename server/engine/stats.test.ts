import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAndStartContainer, stopContainer } from './containers.ts';
import { followStats, readStats, type ContainerStats } from './stats.ts';
import { BUSYBOX, TestRun } from './test-helpers.ts';

const run = new TestRun('stats');
const { docker } = run;
let busyId = '';

beforeAll(async () => {
  await run.setup();
  // A busy loop so CPU use is clearly above zero, capped so it is clearly below the machine.
  const busy = await createAndStartContainer(docker, {
    name: run.name('busy'),
    image: BUSYBOX,
    labels: run.labels,
    cmd: ['sh', '-c', 'trap "exit 0" TERM; while true; do :; done'],
    cpus: 0.5,
    memoryMb: 64,
  });
  busyId = busy.id;
}, 120_000);
afterAll(() => run.cleanup(), 60_000);

function expectSane(stats: ContainerStats): void {
  expect(stats.memoryBytes).toBeGreaterThan(0);
  expect(stats.memoryLimitBytes).toBe(64 * 1024 * 1024);
  expect(stats.memoryPercent).toBeGreaterThan(0);
  expect(stats.memoryPercent).toBeLessThan(100);
  expect(stats.networkRxBytes).toBeGreaterThanOrEqual(0);
  expect(stats.networkTxBytes).toBeGreaterThanOrEqual(0);
  expect(Math.abs(Date.parse(stats.at) - Date.now())).toBeLessThan(30_000);
}

describe('readStats', () => {
  it('reports sane usage for a running container, CPU computed like docker stats', async () => {
    const started = Date.now();
    const stats = await readStats(docker, busyId);
    console.log(`readStats took ${Date.now() - started} ms:`, stats);
    expectSane(stats);
    // Half a CPU of quota: the busy loop uses about 50 % (docker's scale: 100 % = one CPU).
    expect(stats.cpuPercent).toBeGreaterThan(20);
    expect(stats.cpuPercent).toBeLessThan(70);
  }, 30_000);

  it('says conflict for a stopped container and not_found for a missing one', async () => {
    const { id } = await createAndStartContainer(docker, {
      name: run.name('stopped'),
      image: BUSYBOX,
      labels: run.labels,
      cmd: ['true'],
    });
    await stopContainer(docker, id);
    await expect(readStats(docker, id)).rejects.toMatchObject({ kind: 'conflict' });
    await expect(readStats(docker, run.name('missing'))).rejects.toMatchObject({ kind: 'not_found' });
  }, 30_000);
});

describe('followStats', () => {
  it('yields a sample about every second and ends when the signal aborts', async () => {
    const controller = new AbortController();
    const samples: { stats: ContainerStats; at: number }[] = [];
    let abortedAt = 0;
    for await (const stats of followStats(docker, busyId, controller.signal)) {
      samples.push({ stats, at: Date.now() });
      if (samples.length === 3) {
        abortedAt = Date.now();
        controller.abort();
      }
    }
    const endedAfterMs = Date.now() - abortedAt;
    expect(samples).toHaveLength(3);
    for (const { stats } of samples) expectSane(stats);
    // The first sample has no previous one to compare with; later ones measure the last second.
    expect(samples[2]!.stats.cpuPercent).toBeGreaterThan(20);
    expect(samples[2]!.at - samples[1]!.at).toBeGreaterThan(500);
    expect(endedAfterMs).toBeLessThan(500);
    console.log(
      `followStats: 3 samples in ${samples[2]!.at - samples[0]!.at} ms, ended ${endedAfterMs} ms after abort`,
    );
  }, 30_000);

  it('ends by itself when the container stops', async () => {
    const { id } = await createAndStartContainer(docker, {
      name: run.name('brief'),
      image: BUSYBOX,
      labels: run.labels,
      cmd: ['sleep', '2'],
    });
    const started = Date.now();
    let count = 0;
    for await (const stats of followStats(docker, id, AbortSignal.timeout(15_000))) {
      expect(stats.memoryBytes).toBeGreaterThan(0);
      count++;
    }
    expect(count).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(8000);
  }, 30_000);
});

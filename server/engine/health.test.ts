import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerAddress, createAndStartContainer, inspectContainer, type ContainerSpec } from './containers.ts';
import { waitHealthy } from './health.ts';
import { TestRun } from './test-helpers.ts';

const run = new TestRun('health');
const { docker } = run;
const page = '<h1>healthy</h1>\n';
let webImage = '';
let network = '';

beforeAll(async () => {
  await run.setup();
  ({ webImage, network } = await run.webFixture(page));
}, 120_000);
afterAll(() => run.cleanup(), 60_000);

async function start(
  suffix: string,
  extra: Partial<ContainerSpec>,
): Promise<{ id: string; address: { host: string; port: number } }> {
  const { id } = await createAndStartContainer(docker, {
    name: run.name(suffix),
    image: webImage,
    labels: run.labels,
    network,
    ...extra,
  });
  const info = await inspectContainer(docker, id, network);
  // Computed here rather than with containerAddress so a container that already exited still has one.
  return { id, address: { host: info?.ip ?? '127.0.0.1', port: extra.port ?? 80 } };
}

const httpd = (port: number) => ['httpd', '-f', '-p', String(port), '-h', '/www'];

describe('waitHealthy', () => {
  it('http: passes against the container IP on the user network', async () => {
    const { id } = await start('web', { cmd: httpd(8080), port: 8080 });
    const address = await containerAddress(docker, id, network);
    expect(address?.host).not.toBe('127.0.0.1');

    const started = Date.now();
    const result = await waitHealthy(docker, id, {
      check: { type: 'http', path: '/' },
      address: address!,
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    console.log(`http healthy after ${Date.now() - started} ms`);
    expect(result).toEqual({ healthy: true });
    const res = await fetch(`http://${address?.host}:${address?.port}/index.html`);
    expect(await res.text()).toBe(page);

    // An explicit status is matched exactly: busybox answers 404 for a missing file.
    const missing = await waitHealthy(docker, id, {
      check: { type: 'http', path: '/nope', expectStatus: 404 },
      address: address!,
      timeoutMs: 5000,
    });
    expect(missing).toEqual({ healthy: true });
  }, 30_000);

  it('http: times out with the last problem when the status never matches', async () => {
    const { id, address } = await start('wrongpath', { cmd: httpd(8080), port: 8080 });
    const started = Date.now();
    const result = await waitHealthy(docker, id, {
      check: { type: 'http', path: '/health' },
      address,
      timeoutMs: 1500,
      intervalMs: 200,
    });
    const tookMs = Date.now() - started;
    expect(result).toEqual({
      healthy: false,
      reason: expect.stringMatching(/^Not healthy after 1500 ms: GET \/health answered 404, expected 2xx or 3xx\.$/),
    });
    expect(tookMs).toBeGreaterThanOrEqual(1400);
    expect(tookMs).toBeLessThan(3000);
  }, 30_000);

  it('fails fast, with the exit code, when the container exits', async () => {
    const { id, address } = await start('crash', { cmd: ['sh', '-c', 'echo starting; sleep 0.3; exit 1'], port: 8080 });
    const started = Date.now();
    const result = await waitHealthy(docker, id, {
      check: { type: 'http', path: '/' },
      address,
      timeoutMs: 30_000,
      intervalMs: 200,
    });
    const tookMs = Date.now() - started;
    console.log(`exit detected after ${tookMs} ms (timeout was 30000)`);
    expect(result).toEqual({ healthy: false, reason: 'The container exited with code 1.', exitCode: 1 });
    expect(tookMs).toBeLessThan(3000);
  }, 30_000);

  it('tcp: passes when the port accepts connections, fails with the reason when it does not', async () => {
    const { id, address } = await start('tcp', { cmd: httpd(9000), port: 9000 });
    expect(
      await waitHealthy(docker, id, { check: { type: 'tcp' }, address, timeoutMs: 10_000, intervalMs: 100 }),
    ).toEqual({ healthy: true });

    const closed = await waitHealthy(docker, id, {
      check: { type: 'tcp' },
      address: { ...address, port: 9001 },
      timeoutMs: 800,
      intervalMs: 200,
    });
    expect(closed).toEqual({
      healthy: false,
      reason: expect.stringContaining(`TCP connection to ${address.host}:9001 failed: ECONNREFUSED`),
    });
  }, 30_000);

  it('none: healthy once running for about a second; an early exit still fails', async () => {
    const { id, address } = await start('none', { cmd: ['sleep', '30'] });
    const started = Date.now();
    expect(await waitHealthy(docker, id, { check: { type: 'none' }, address, timeoutMs: 10_000 })).toEqual({
      healthy: true,
    });
    const tookMs = Date.now() - started;
    expect(tookMs).toBeGreaterThanOrEqual(1000);
    expect(tookMs).toBeLessThan(2000);

    const quick = await start('quick', { cmd: ['sh', '-c', 'sleep 0.2; exit 0'] });
    const result = await waitHealthy(docker, quick.id, {
      check: { type: 'none' },
      address: quick.address,
      timeoutMs: 10_000,
      intervalMs: 100,
    });
    expect(result).toMatchObject({ healthy: false, exitCode: 0 });
  }, 30_000);

  it('throws DomainError(gone) when the signal aborts', async () => {
    const { id, address } = await start('abort', { cmd: ['sleep', '30'], port: 8080 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const waiting = waitHealthy(docker, id, {
      check: { type: 'http', path: '/' },
      address,
      timeoutMs: 30_000,
      signal: controller.signal,
    });
    await expect(waiting).rejects.toMatchObject({ kind: 'gone' });
    expect(Date.now() - started).toBeLessThan(1500);
  }, 30_000);
});

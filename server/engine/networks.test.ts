import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from './labels.ts';
import { attachContainer, ensureNetwork, removeNetwork } from './networks.ts';
import { createAndStartContainer } from './containers.ts';
import { BUSYBOX } from './test-helpers.ts';
import { TEST_RUN_LABEL, TestRun } from './test-helpers.ts';

const run = new TestRun('net');
const { docker } = run;

beforeAll(() => run.setup(), 120_000);
afterAll(() => run.cleanup(), 60_000);

async function networksNamed(name: string): Promise<Docker.NetworkInspectInfo[]> {
  return (await docker.listNetworks({ filters: { name: [name] } })).filter((n) => n.Name === name);
}

describe('ensureNetwork', () => {
  it('creates a labelled bridge network once and returns the same id afterwards', async () => {
    const name = run.name('once');
    const id = await ensureNetwork(docker, name, run.labels);
    expect(await ensureNetwork(docker, name, run.labels)).toBe(id);
    const [network, ...others] = await networksNamed(name);
    expect(others).toEqual([]);
    expect(network).toMatchObject({
      Id: id,
      Driver: 'bridge',
      Labels: { [LABELS.managed]: 'true', [TEST_RUN_LABEL]: run.id },
    });
    // A name that merely contains another network's name is a different network.
    const longer = await ensureNetwork(docker, `${name}-2`, run.labels);
    expect(longer).not.toBe(id);
  }, 30_000);

  it('is safe under 5 concurrent calls through one client', async () => {
    const name = run.name('shared');
    const ids = await Promise.all(Array.from({ length: 5 }, () => ensureNetwork(docker, name, run.labels)));
    expect(new Set(ids).size).toBe(1);
    expect((await networksNamed(name)).map((n) => n.Id)).toEqual([ids[0]]);
  }, 30_000);

  it('is safe under 5 concurrent calls through separate clients (as from separate processes)', async () => {
    const name = run.name('racing');
    const clients = Array.from({ length: 5 }, () => new Docker({ socketPath: '/var/run/docker.sock' }));
    const started = Date.now();
    const ids = await Promise.all(clients.map((client) => ensureNetwork(client, name, run.labels)));
    console.log(`5 racing ensureNetwork calls settled in ${Date.now() - started} ms`);
    expect(new Set(ids).size).toBe(1);
    expect((await networksNamed(name)).map((n) => n.Id)).toEqual([ids[0]]);
  }, 30_000);

  it('removeNetwork removes it and tolerates a missing one', async () => {
    const name = run.name('gone');
    await ensureNetwork(docker, name, run.labels);
    expect(await removeNetwork(docker, name)).toBe(true);
    expect(await networksNamed(name)).toEqual([]);
    expect(await removeNetwork(docker, name)).toBe(false);
  }, 30_000);
});

describe('attachContainer', () => {
  it('connects a foreign container (the panel, a proxy) to a project network once', async () => {
    const network = run.name('attach');
    await ensureNetwork(docker, network, run.labels);
    // Started on the default bridge, like a container the panel did not create.
    const { id } = await createAndStartContainer(docker, {
      name: run.name('outsider'),
      image: BUSYBOX,
      cmd: ['sleep', '60'],
      labels: run.labels,
    });
    await attachContainer(docker, id, network);
    await attachContainer(docker, id, network);
    const info = await docker.getContainer(id).inspect();
    expect(Object.keys(info.NetworkSettings.Networks).sort()).toEqual(['bridge', network].sort());
    expect(info.NetworkSettings.Networks[network]?.IPAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });
});

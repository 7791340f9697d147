import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  containerAddress,
  createAndStartContainer,
  inspectContainer,
  listManagedContainers,
  removeContainer,
  restartContainer,
  startContainer,
  stopContainer,
  type ContainerSpec,
} from './containers.ts';
import { LABELS } from './labels.ts';
import { BUSYBOX, TestRun } from './test-helpers.ts';

const run = new TestRun('ctr');
const { docker } = run;
const page = '<h1>served by busybox</h1>\n';
let webImage = '';
let network = '';

beforeAll(async () => {
  await run.setup();
  ({ webImage, network } = await run.webFixture(page));
}, 120_000);
afterAll(() => run.cleanup(), 60_000);

function spec(suffix: string, extra: Partial<ContainerSpec> = {}): ContainerSpec {
  return { name: run.name(suffix), image: BUSYBOX, labels: run.labels, network, ...extra };
}
const httpd = (port: number) => ['httpd', '-f', '-p', String(port), '-h', '/www'];
// PID 1 ignores SIGTERM unless it traps it; the trap keeps `stop` fast.
const idle = ['sh', '-c', 'trap "exit 0" TERM; while true; do sleep 0.2; done'];

describe('createAndStartContainer', () => {
  it('runs a container on a user network with the spec applied', async () => {
    const created = await createAndStartContainer(
      docker,
      spec('web', {
        image: webImage,
        cmd: httpd(8080),
        port: 8080,
        networkAliases: ['web-alias'],
        env: { GREETING: 'hi there' },
        labels: { ...run.labels, [LABELS.app]: 'app-1' },
        restartPolicy: 'unless-stopped',
        cpus: 0.5,
        memoryMb: 64,
      }),
    );
    expect(created.name).toBe(run.name('web'));

    const info = await inspectContainer(docker, created.id, network);
    expect(info).toMatchObject({
      id: created.id,
      name: created.name,
      image: webImage,
      state: 'running',
      running: true,
      exitCode: null,
      port: 8080,
      hostPort: null,
    });
    expect(info?.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(info?.labels).toMatchObject({ [LABELS.managed]: 'true', [LABELS.app]: 'app-1', [LABELS.port]: '8080' });

    const raw = await docker.getContainer(created.id).inspect();
    expect(raw.Config.Env).toContain('GREETING=hi there');
    expect(raw.HostConfig).toMatchObject({
      NanoCpus: 500_000_000,
      Memory: 64 * 1024 * 1024,
      RestartPolicy: { Name: 'unless-stopped' },
    });
    expect(raw.NetworkSettings.Networks[network]?.Aliases).toContain('web-alias');

    // The panel reaches it on its own IP (health.test.ts fetches the page there).
    const address = await containerAddress(docker, created.id, network);
    expect(address).toEqual({ host: info?.ip, port: 8080 });
  }, 30_000);

  it('publishes on 127.0.0.1 and falls back to it when the container is not on the asked network', async () => {
    const { id } = await createAndStartContainer(
      docker,
      spec('published', { image: webImage, cmd: httpd(8081), port: 8081, publishPort: 'random' }),
    );
    const info = await inspectContainer(docker, id);
    expect(info?.hostPort).toBeGreaterThan(0);
    const raw = await docker.getContainer(id).inspect();
    expect(raw.NetworkSettings.Ports['8081/tcp']?.[0]?.HostIp).toBe('127.0.0.1');

    const address = await containerAddress(docker, id, 'bridge');
    expect(address).toEqual({ host: '127.0.0.1', port: info?.hostPort });
    const res = await fetch(`http://127.0.0.1:${info?.hostPort}/`);
    expect(await res.text()).toBe(page);
  }, 30_000);

  it('maps engine refusals to DomainErrors and leaves no half-started container', async () => {
    const first = await createAndStartContainer(docker, spec('dup', { cmd: idle }));
    await expect(createAndStartContainer(docker, spec('dup', { cmd: idle }))).rejects.toMatchObject({
      kind: 'conflict',
    });
    await expect(
      createAndStartContainer(docker, spec('noimage', { image: run.name('no-such-image') })),
    ).rejects.toMatchObject({ kind: 'not_found' });
    await expect(createAndStartContainer(docker, spec('noport', { publishPort: 'random' }))).rejects.toMatchObject({
      kind: 'invalid',
    });

    // Two containers cannot bind the same host port: the second fails to start and is removed.
    const holder = await createAndStartContainer(
      docker,
      spec('holder', { image: webImage, cmd: httpd(8082), port: 8082, publishPort: 'random' }),
    );
    const taken = await inspectContainer(docker, holder.id);
    const clash = createAndStartContainer(
      docker,
      spec('clash', { image: webImage, cmd: httpd(8082), port: 8082, publishPort: taken?.hostPort ?? 1 }),
    );
    await expect(clash).rejects.toBeInstanceOf(DomainError);
    await expect(clash).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringContaining('could not start'),
    });
    expect(await inspectContainer(docker, run.name('clash'))).toBeNull();
    await removeContainer(docker, first.id, { force: true });
  }, 30_000);
});

describe('container lifecycle', () => {
  it('stop, start and restart change the engine state and tolerate repeats', async () => {
    const { id } = await createAndStartContainer(docker, spec('life', { cmd: idle }));
    const before = await inspectContainer(docker, id);

    await stopContainer(docker, id, 5);
    expect(await inspectContainer(docker, id)).toMatchObject({ state: 'exited', running: false, exitCode: 0 });
    await stopContainer(docker, id); // 304: already stopped

    await startContainer(docker, id);
    const started = await inspectContainer(docker, id);
    expect(started).toMatchObject({ state: 'running', running: true, exitCode: null });
    await startContainer(docker, id); // 304: already running

    await restartContainer(docker, id, 5);
    const restarted = await inspectContainer(docker, id);
    expect(restarted?.running).toBe(true);
    expect(Date.parse(restarted?.startedAt ?? '')).toBeGreaterThan(Date.parse(started?.startedAt ?? ''));
    expect(Date.parse(started?.startedAt ?? '')).toBeGreaterThan(Date.parse(before?.startedAt ?? ''));

    await expect(removeContainer(docker, id)).rejects.toMatchObject({ kind: 'conflict' });
    await removeContainer(docker, id, { force: true });
    expect(await inspectContainer(docker, id)).toBeNull();
    await removeContainer(docker, id);
    await stopContainer(docker, id);
    await expect(startContainer(docker, id)).rejects.toMatchObject({ kind: 'not_found' });
    await expect(restartContainer(docker, id)).rejects.toMatchObject({ kind: 'not_found' });
    expect(await containerAddress(docker, id)).toBeNull();
  }, 30_000);

  it('lists managed containers in every state by app and deployment', async () => {
    const app = `app-${run.id}`;
    const labels = (deployment: string) => ({ ...run.labels, [LABELS.app]: app, [LABELS.deployment]: deployment });
    const a = await createAndStartContainer(docker, spec('list-a', { cmd: idle, labels: labels('d1') }));
    const b = await createAndStartContainer(docker, spec('list-b', { cmd: ['true'], labels: labels('d2') }));
    // Not the panel's: no managed label, so it never shows up.
    await docker.createContainer({
      Image: BUSYBOX,
      name: run.name('foreign'),
      Labels: { ...run.labels, [LABELS.app]: app },
    });

    const all = await listManagedContainers(docker, { app });
    expect(all.map((c) => c.id).sort()).toEqual([a.id, b.id].sort());
    const d2 = await listManagedContainers(docker, { app, deployment: 'd2' });
    expect(d2).toHaveLength(1);
    expect(d2[0]?.id).toBe(b.id);
    expect(await listManagedContainers(docker, { deployment: `none-${run.id}` })).toEqual([]);
  }, 30_000);
});

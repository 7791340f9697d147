import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { createAndStartContainer, inspectContainer, listManagedContainers, stopContainer } from './containers.ts';
import { engineUnavailable } from './errors.ts';
import { buildImage, imageExists } from './images.ts';
import { followLogs, readLogs } from './logs.ts';
import { ensureNetwork } from './networks.ts';
import { readStats } from './stats.ts';

const missingSocket = `/tmp/openpanel-no-engine-${process.pid}.sock`;
const down = new Docker({ socketPath: missingSocket });

describe('when the engine is not reachable', () => {
  const calls: [string, () => Promise<unknown>][] = [
    ['inspectContainer', () => inspectContainer(down, 'web')],
    ['buildImage', () => buildImage(down, { tag: 'x', context: Readable.from([Buffer.alloc(1024)]) })],
    ['imageExists', () => imageExists(down, 'x')],
    ['ensureNetwork', () => ensureNetwork(down, 'x')],
    ['createAndStartContainer', () => createAndStartContainer(down, { name: 'x', image: 'x' })],
    ['stopContainer', () => stopContainer(down, 'x')],
    ['listManagedContainers', () => listManagedContainers(down)],
    ['readLogs', () => readLogs(down, 'x', {})],
    [
      'followLogs',
      async () => {
        for await (const line of followLogs(down, 'x', { signal: AbortSignal.timeout(5000) })) return line;
      },
    ],
    ['readStats', () => readStats(down, 'x')],
  ];

  it.each(calls)('%s fails with a clear unavailable DomainError naming the socket', async (_name, call) => {
    const error = await call().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      kind: 'unavailable',
      message: `The Docker engine is not reachable at unix://${missingSocket} (ENOENT).`,
      hint: expect.stringContaining('Start dockerd'),
    });
  });

  it('names a TCP endpoint that refuses connections', async () => {
    const refused = new Docker({ host: '127.0.0.1', port: 1, protocol: 'http' });
    await expect(inspectContainer(refused, 'web')).rejects.toMatchObject({
      kind: 'unavailable',
      message: 'The Docker engine is not reachable at http://127.0.0.1:1 (ECONNREFUSED).',
    });
  });
});

describe('engineUnavailable', () => {
  it('tells permission problems apart and ignores errors that are not about reaching the engine', async () => {
    const denied = Object.assign(new Error('connect EACCES /var/run/docker.sock'), {
      code: 'EACCES',
      syscall: 'connect',
      address: '/var/run/docker.sock',
    });
    expect(engineUnavailable(denied)).toMatchObject({
      kind: 'unavailable',
      message: expect.stringContaining('/var/run/docker.sock'),
      hint: expect.stringContaining('docker group'),
    });

    const missingFile = await readFile('/nonexistent/build/context').catch((e: unknown) => e);
    expect(engineUnavailable(missingFile)).toBeNull();
    const notFound = Object.assign(new Error('(HTTP code 404) no such container'), { statusCode: 404 });
    expect(engineUnavailable(notFound)).toBeNull();
    expect(engineUnavailable('boom')).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { buildImage, imageExists, removeImage, tagImage } from './images.ts';
import { LABELS } from './labels.ts';
import { BUSYBOX, TEST_RUN_LABEL, TestRun, waitFor } from './test-helpers.ts';

const run = new TestRun('images');
const { docker } = run;
type Line = { stream: 'stdout' | 'stderr'; text: string };

beforeAll(() => run.setup(), 120_000);
afterAll(() => run.cleanup(), 60_000);

describe('buildImage', () => {
  it('builds from a tar stream with a build arg, streaming stdout and stderr lines', async () => {
    const lines: Line[] = [];
    const context = await run.pack({
      'docker/App.Dockerfile': [
        `FROM ${BUSYBOX}`,
        'ARG GREETING=nobody',
        'RUN echo "hello $GREETING" && echo "careful $GREETING" >&2',
        'COPY index.html /www/index.html',
      ].join('\n'),
      'index.html': '<h1>hi</h1>\n',
    });
    const tag = `${run.name('app')}:v1`;
    const { imageId } = await buildImage(docker, {
      tag,
      context,
      dockerfile: 'docker/App.Dockerfile',
      buildArgs: { GREETING: 'engine' },
      labels: run.labels,
      onLine: (line) => lines.push(line),
    });

    expect(imageId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(lines).toContainEqual({ stream: 'stdout', text: 'hello engine' });
    expect(lines).toContainEqual({ stream: 'stderr', text: 'careful engine' });
    expect(lines.some((l) => l.text.startsWith('Step 1/'))).toBe(true);
    // Escape codes the engine uses to mark stderr never reach the caller.
    expect(lines.every((l) => !l.text.includes('\u001b'))).toBe(true);
    const image = await docker.getImage(tag).inspect();
    expect(image.Id).toBe(imageId);
    expect(image.Config.Labels).toMatchObject({ [TEST_RUN_LABEL]: run.id, [LABELS.managed]: 'true' });
  }, 60_000);

  it('fails with the engine error after delivering every line, the failing step output included', async () => {
    const lines: Line[] = [];
    const context = await run.pack({
      Dockerfile: [
        `FROM ${BUSYBOX}`,
        run.labelLine,
        'RUN echo before',
        `RUN sh -c 'echo boom >&2; exit 3'`,
        'RUN echo never',
      ].join('\n'),
    });
    const error = await buildImage(docker, {
      tag: run.name('broken'),
      context,
      labels: run.labels,
      onLine: (l) => lines.push(l),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid' });
    expect((error as Error).message).toMatch(/^The build failed: .*returned a non-zero code: 3$/);
    const boom = lines.findIndex((l) => l.stream === 'stderr' && l.text === 'boom');
    expect(boom).toBeGreaterThan(lines.findIndex((l) => l.text === 'before'));
    expect(lines.at(-1)).toEqual({
      stream: 'stderr',
      text: (error as Error).message.replace('The build failed: ', ''),
    });
    expect(lines.some((l) => l.text === 'never')).toBe(false);
    expect(await imageExists(docker, run.name('broken'))).toBe(false);
  }, 60_000);

  it('reports a build the engine refuses up front (no such Dockerfile) the same way', async () => {
    const lines: Line[] = [];
    const context = await run.pack({ 'README.md': 'no Dockerfile here\n' });
    const error = await buildImage(docker, {
      tag: run.name('nodockerfile'),
      context,
      onLine: (l) => lines.push(l),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^The build failed: .*Dockerfile/) });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.stream).toBe('stderr');
  }, 30_000);

  it('stops a long build when the signal aborts, and the engine removes the step container', async () => {
    const marker = `started-${run.id}`;
    const context = await run.pack({ Dockerfile: `FROM ${BUSYBOX}\nRUN echo ${marker}; sleep 60\n` });
    const controller = new AbortController();
    let abortedAt = 0;
    const started = Date.now();
    const error = await buildImage(docker, {
      tag: run.name('slow'),
      context,
      labels: run.labels,
      signal: controller.signal,
      onLine: (line) => {
        if (line.text === marker) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    }).catch((e: unknown) => e);
    const stoppedAfterMs = Date.now() - abortedAt;

    expect(abortedAt).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'gone', message: 'The build was cancelled.' });
    expect(stoppedAfterMs).toBeLessThan(1000);
    expect(Date.now() - started).toBeLessThan(15_000);
    // The engine kills the RUN container when the client goes away.
    await waitFor('the build container to go away', async () => {
      const containers = await docker.listContainers({ all: true });
      return containers.some((c) => c.Command.includes(marker)) ? undefined : true;
    });
    console.log(
      `build abort: rejected ${stoppedAfterMs} ms after abort(), whole build call ${Date.now() - started} ms`,
    );
  }, 60_000);

  it('throws at once when the signal is already aborted', async () => {
    const context = await run.pack({ Dockerfile: `FROM ${BUSYBOX}\n` });
    await expect(
      buildImage(docker, { tag: run.name('never'), context, signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ kind: 'gone' });
  });
});

describe('imageExists, tagImage, removeImage', () => {
  it('tags, finds and removes images, tolerating missing and in-use ones', async () => {
    const context = await run.pack({ Dockerfile: `FROM ${BUSYBOX}\nLABEL purpose=tagging\n` });
    const source = `${run.name('base')}:1`;
    await buildImage(docker, { tag: source, context, labels: run.labels });
    const repo = run.name('tagged');

    expect(await imageExists(docker, `${repo}:stable`)).toBe(false);
    await tagImage(docker, source, repo, 'stable');
    expect(await imageExists(docker, `${repo}:stable`)).toBe(true);

    expect(await removeImage(docker, `${repo}:stable`)).toBe(true);
    expect(await imageExists(docker, `${repo}:stable`)).toBe(false);
    expect(await removeImage(docker, `${repo}:stable`)).toBe(false);

    // A container (even a stopped one) keeps its only tag from being removed.
    await docker.createContainer({ Image: source, name: run.name('user'), Labels: run.labels, Cmd: ['true'] });
    expect(await removeImage(docker, source)).toBe(false);
    expect(await imageExists(docker, source)).toBe(true);

    await expect(tagImage(docker, run.name('missing'), repo, 'x')).rejects.toMatchObject({ kind: 'not_found' });
  }, 60_000);
});

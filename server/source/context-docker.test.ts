import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildImage, imageExists } from '../engine/images.ts';
import { BUSYBOX, TestRun } from '../engine/test-helpers.ts';
import { packBuildContext } from './context.ts';
import { tempDir } from './test-helpers.ts';

// The real engine reads the context: proves the tar is one Docker accepts and that the
// .dockerignore semantics and the injected Dockerfile are what a build sees.
const run = new TestRun('source-context');
let base: string;

beforeAll(async () => {
  base = tempDir();
  await run.docker.ping();
  // run.setup() would build every base image; this test needs only busybox.
  if (!(await imageExists(run.docker, BUSYBOX)))
    throw new Error(`${BUSYBOX} is missing: run scripts/build-base-images.sh busybox`);
}, 30_000);
afterAll(async () => {
  await run.cleanup();
  fs.rmSync(base, { recursive: true, force: true });
}, 60_000);

describe('packBuildContext with the Docker engine', () => {
  it('builds an image from the packed folder with the generated Dockerfile', async () => {
    const files: Record<string, string> = {
      Dockerfile: 'FROM nothing-that-exists\n', // overridden below, so never used
      '.dockerignore': 'node_modules\n*.log\n!keep.log\n',
      'app.js': 'console.log(1)',
      'keep.log': 'kept',
      'debug.log': 'dropped',
      'node_modules/x/index.js': 'dropped',
    };
    for (const [name, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(base, name)), { recursive: true });
      fs.writeFileSync(path.join(base, name), content);
    }
    fs.symlinkSync('/etc/passwd', path.join(base, 'passwd-link'));
    const dockerfile = [
      `FROM ${BUSYBOX}`,
      run.labelLine,
      'COPY . /ctx',
      'RUN test -f /ctx/app.js && test -f /ctx/keep.log && test ! -e /ctx/debug.log && test ! -e /ctx/node_modules',
      // the link arrives as a link, not as the host's /etc/passwd
      'RUN test -L /ctx/passwd-link && echo "link -> $(readlink /ctx/passwd-link)"',
      'RUN grep -q generated /ctx/Dockerfile.openpanel',
      '# generated',
    ].join('\n');
    const lines: string[] = [];
    const context = await packBuildContext(base, { dockerfile: { path: 'Dockerfile.openpanel', content: dockerfile } });
    const { imageId } = await buildImage(run.docker, {
      tag: run.name('ctx'),
      context,
      dockerfile: 'Dockerfile.openpanel',
      labels: run.labels,
      onLine: (l) => lines.push(l.text),
    });
    expect(imageId).toMatch(/^sha256:/);
    expect(lines).toContain('link -> /etc/passwd');
  }, 60_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tarFs from 'tar-fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { listBuildContext, packBuildContext, type BuildContextOptions } from './context.ts';
import { tempDir } from './test-helpers.ts';

let base: string;

beforeAll(() => {
  base = tempDir();
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

function makeApp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(base, 'app-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    if (content.startsWith('->')) fs.symlinkSync(content.slice(2), path.join(dir, name));
    else fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface Unpacked {
  dir: string;
  headers: { name: string; type: string; linkname?: string; uid: number; gid: number }[];
}

/** Reads a context stream back the way the engine would, recording every header; links are only recorded. */
async function unpack(dir: string, opts?: BuildContextOptions): Promise<Unpacked> {
  const out = fs.mkdtempSync(path.join(base, 'unpacked-'));
  const headers: Unpacked['headers'] = [];
  const extract = tarFs.extract(out, {
    ignore: (_name, header) => {
      const h = header as unknown as Unpacked['headers'][number];
      headers.push({ name: h.name, type: h.type, linkname: h.linkname, uid: h.uid, gid: h.gid });
      return h.type === 'symlink';
    },
  });
  await pipeline(await packBuildContext(dir, opts), extract);
  return { dir: out, headers };
}

const sample = {
  Dockerfile: 'FROM node:20\n',
  '.dockerignore':
    'node_modules\n*.log\n!keep.log\n# a comment\nDockerfile\n.dockerignore\nsecret\n!secret/public.txt\ncache/\n',
  'app.js': 'console.log(1)',
  'keep.log': 'kept',
  'debug.log': 'dropped',
  'src/index.js': 'x',
  'src/nested.log': 'only root *.log is ignored',
  'node_modules/left-pad/index.js': 'dropped',
  'lib/node_modules/x.js': 'kept: the pattern is anchored at the root',
  'secret/key.pem': 'dropped',
  'secret/public.txt': 'rescued by an exception',
  'cache/blob': 'dropped',
  'etc-link': '->/etc',
};

describe('build context', () => {
  it('lists what .dockerignore lets through, with Docker’s semantics', async () => {
    const dir = makeApp(sample);
    expect(await listBuildContext(dir)).toEqual([
      '.dockerignore', // always sent, even when it ignores itself
      'Dockerfile', // likewise
      'app.js',
      'etc-link',
      'keep.log',
      'lib/node_modules/x.js',
      'secret/public.txt',
      'src/index.js',
      'src/nested.log',
    ]);
  });

  it('packs exactly the listed files, as owned by root, and sends symlinks as links without following them', async () => {
    const dir = makeApp(sample);
    const { dir: out, headers } = await unpack(dir);
    const files = headers
      .filter((h) => h.type !== 'directory')
      .map((h) => h.name)
      .sort();
    expect(files).toEqual(await listBuildContext(dir));
    expect(fs.readFileSync(path.join(out, 'secret/public.txt'), 'utf8')).toBe('rescued by an exception');
    expect(fs.readFileSync(path.join(out, 'Dockerfile'), 'utf8')).toBe('FROM node:20\n');
    expect(headers.find((h) => h.name === 'etc-link')).toMatchObject({ type: 'symlink', linkname: '/etc' });
    expect(headers.some((h) => h.name.startsWith('etc-link/') || h.name === 'passwd')).toBe(false);
    expect(headers.every((h) => h.uid === 0 && h.gid === 0)).toBe(true);
    expect(headers.some((h) => h.name === 'node_modules' || h.name === 'cache')).toBe(false);
  });

  it('injects a Dockerfile override without touching the folder', async () => {
    const dir = makeApp(sample);
    const content = 'FROM scratch\nCOPY . /app\n';
    const { dir: out, headers } = await unpack(dir, { dockerfile: { content } });
    expect(fs.readFileSync(path.join(out, 'Dockerfile'), 'utf8')).toBe(content);
    expect(headers.filter((h) => h.name === 'Dockerfile')).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8')).toBe('FROM node:20\n');

    const custom = await unpack(dir, { dockerfile: { path: 'Dockerfile.openpanel', content } });
    expect(fs.readFileSync(path.join(custom.dir, 'Dockerfile.openpanel'), 'utf8')).toBe(content);
    // Only the Dockerfile in use is exempt from .dockerignore, which lists the plain one here.
    expect(fs.existsSync(path.join(custom.dir, 'Dockerfile'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'Dockerfile.openpanel'))).toBe(false);
    expect(await listBuildContext(dir, { dockerfile: { path: 'Dockerfile.openpanel', content } })).toContain(
      'Dockerfile.openpanel',
    );
  });

  it('uses the given .dockerignore only when the folder has none', async () => {
    const bare = makeApp({ 'main.py': 'print(1)', '.venv/bin/python': 'x', 'notes.tmp': 'x' });
    expect(await listBuildContext(bare)).toEqual(['.venv/bin/python', 'main.py', 'notes.tmp']);
    expect(await listBuildContext(bare, { dockerignore: '.venv\n*.tmp\n' })).toEqual(['main.py']);
    const own = makeApp({ '.dockerignore': '*.tmp\n', 'main.py': 'print(1)', '.venv/x': 'x', 'notes.tmp': 'x' });
    expect(await listBuildContext(own, { dockerignore: '.venv\n' })).toEqual(['.dockerignore', '.venv/x', 'main.py']);
  });

  it('keeps a Dockerfile in an ignored folder, and refuses a Dockerfile path outside the folder', async () => {
    const dir = makeApp({
      '.dockerignore': 'docker\n',
      'docker/Dockerfile.prod': 'FROM scratch\n',
      'docker/other': 'x',
    });
    expect(
      await listBuildContext(dir, { dockerfile: { path: 'docker/Dockerfile.prod', content: 'FROM scratch\n' } }),
    ).toEqual(['.dockerignore', 'docker/Dockerfile.prod']);
    for (const bad of ['../Dockerfile', '/etc/passwd', '.']) {
      const err = await listBuildContext(dir, { dockerfile: { path: bad, content: '' } }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DomainError);
    }
    expect(await packBuildContext(path.join(base, 'missing')).catch((e: unknown) => e)).toBeInstanceOf(DomainError);
  });
});

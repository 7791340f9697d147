import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fsRepoReader } from './fs-repo-reader.ts';
import { generateDockerfile } from './generate.ts';

let dir: string;
let outside: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'openpanel-repo-'));
  outside = await mkdtemp(path.join(tmpdir(), 'openpanel-outside-'));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ scripts: { start: 'node src/server.js' } }),
    'pnpm-lock.yaml': "lockfileVersion: '9.0'\n",
    'src/server.js': 'listen(process.env.PORT)',
    'node_modules/left-pad/package.json': '{}',
    '.git/HEAD': 'ref: refs/heads/main',
    'vendor/autoload.php': '',
    'target/debug/app': '',
  };
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  await writeFile(path.join(outside, 'secret.txt'), 'do not read');
  await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'leak.txt'));
  await symlink(outside, path.join(dir, 'linked-dir'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('fsRepoReader', () => {
  it('lists files and skips dependency, VCS and build folders and symbolic links', async () => {
    expect(await fsRepoReader(dir).list()).toEqual(['package.json', 'pnpm-lock.yaml', 'src/server.js']);
  });

  it('reads files inside the folder only', async () => {
    const reader = fsRepoReader(dir);
    expect(await reader.read('src/server.js')).toBe('listen(process.env.PORT)');
    expect(await reader.read('missing.txt')).toBeNull();
    expect(await reader.read('src')).toBeNull();
    expect(await reader.read(`../${path.basename(outside)}/secret.txt`)).toBeNull();
    expect(await reader.read('leak.txt')).toBeNull();
    expect(await reader.read('linked-dir/secret.txt')).toBeNull();
  });

  it('feeds generateDockerfile', async () => {
    const result = await generateDockerfile(fsRepoReader(dir));
    expect(result.stack).toBe('node');
    expect(result.startCommand).toBe('node src/server.js');
    expect(result.explanation).toContain('Found pnpm-lock.yaml, so dependencies are installed with pnpm.');
  });
});

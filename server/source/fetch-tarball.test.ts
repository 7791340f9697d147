import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import tarFs from 'tar-fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { fetchSource } from './fetch.ts';
import { makeRepo, tempDir } from './test-helpers.ts';

let base: string;
let workDir: string;

beforeAll(() => {
  base = tempDir();
  workDir = path.join(base, 'work');
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

/** Makes a folder from { relativePath: content }; a content starting with "->" makes a symlink. */
function makeFolder(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(base, 'folder-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    if (content.startsWith('->')) fs.symlinkSync(content.slice(2), path.join(dir, name));
    else fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Packs a folder with tar-fs; `rename` rewrites entry names to craft hostile archives. */
async function tarOf(dir: string, rename?: (name: string) => string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = tarFs.pack(dir, { map: (h) => (rename ? { ...h, name: rename(h.name) } : h) });
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

let fileCount = 0;
function writeArchive(bytes: Buffer, name = `upload-${++fileCount}.bin`): string {
  const file = path.join(base, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function fetchArchive(
  bytes: Buffer,
  extra: { subdir?: string; maxUnpackedBytes?: number; maxEntries?: number } = {},
) {
  const { subdir, ...limits } = extra;
  return fetchSource(
    { type: 'tarball', path: writeArchive(bytes), ...(subdir ? { subdir } : {}) },
    { workDir, ...limits },
  );
}

async function refused(bytes: Buffer, extra: Parameters<typeof fetchArchive>[1] = {}): Promise<DomainError> {
  const err = await fetchArchive(bytes, extra).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  expect(fs.existsSync(workDir) ? fs.readdirSync(workDir) : []).toEqual([]); // nothing left behind
  return err as DomainError;
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('fetchSource (tarball)', () => {
  it('extracts a plain tar, detected by its bytes rather than its name', async () => {
    const tar = await tarOf(
      makeFolder({ Dockerfile: 'FROM scratch\n', 'src/index.js': 'hi', 'src/link': '->index.js' }),
    );
    const src = await fetchArchive(tar);
    expect(src.commit).toBeUndefined();
    expect(fs.readdirSync(src.dir).sort()).toEqual(['Dockerfile', 'src']);
    expect(read(src.dir, 'src/index.js')).toBe('hi');
    expect(fs.readlinkSync(path.join(src.dir, 'src/link'))).toBe('index.js'); // a link inside is fine
    await src.cleanup();
    expect(fs.existsSync(src.dir)).toBe(false);
  });

  it('extracts a .tar.gz and treats a single top-level folder as the root, with subdir applied after', async () => {
    const tgz = gzipSync(
      await tarOf(
        makeFolder({ Dockerfile: 'FROM scratch\n', 'api/main.go': 'package main' }),
        (n) => `acme-api-3f2c1a/${n}`,
      ),
    );
    const src = await fetchArchive(tgz);
    expect(path.basename(src.dir)).toBe('acme-api-3f2c1a');
    expect(read(src.dir, 'Dockerfile')).toBe('FROM scratch\n');
    const sub = await fetchArchive(tgz, { subdir: 'api' });
    expect(read(sub.dir, 'main.go')).toBe('package main');
    await Promise.all([src.cleanup(), sub.cleanup()]);
    expect((await refused(tgz, { subdir: '../..' })).message).toMatch(/must stay inside/);
  });

  it('takes a git archive (pax global header, prefix folder) like the tarballs GitHub serves', async () => {
    const repo = makeRepo(fs.mkdtempSync(path.join(base, 'repo-')));
    const archive = (...paths: string[]) =>
      execFileSync('git', ['archive', '--format=tar.gz', '--prefix=acme-api-1a2b3c/', 'HEAD', ...paths], {
        cwd: repo.dir,
      });
    const src = await fetchArchive(archive('app', 'README.md'), { subdir: 'app' });
    expect(src.dir.endsWith(path.join('acme-api-1a2b3c', 'app'))).toBe(true);
    expect(read(src.dir, 'Dockerfile')).toBe('FROM scratch\n');
    await src.cleanup();
    // The whole tree also holds etc-link -> /etc, which an archive may not carry.
    expect((await refused(archive())).message).toMatch(/etc-link -> \/etc/);
  });

  it('refuses entries that escape the folder: "..", absolute paths, symlinks and hard links out', async () => {
    const folder = makeFolder({ 'ok.txt': 'ok', 'evil.txt': 'evil' });
    const dotdot = await tarOf(folder, (n) => (n === 'evil.txt' ? '../evil.txt' : n));
    expect((await refused(dotdot)).message).toBe(
      'The archive has an entry that leads outside its folder (../evil.txt).',
    );
    const target = path.join(base, 'absolute-evil.txt');
    const absolute = await tarOf(folder, (n) => (n === 'evil.txt' ? target : n));
    expect((await refused(absolute)).message).toMatch(/absolute path/);
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(path.join(base, 'evil.txt'))).toBe(false);
    expect(fs.existsSync(path.join(workDir, 'evil.txt'))).toBe(false);

    const toEtc = await tarOf(makeFolder({ 'ok.txt': 'ok', etc: '->/etc' }));
    expect((await refused(toEtc)).message).toBe(
      'The archive has a symlink that points outside its folder (etc -> /etc).',
    );
    const upAndOut = await tarOf(makeFolder({ 'a/up': '->../../secret' }));
    expect((await refused(gzipSync(upAndOut))).message).toMatch(/symlink that points outside/);
  });

  it('refuses device files', async () => {
    const devices = execFileSync('tar', ['-c', '-C', '/dev', 'null']); // GNU tar: a character device entry
    expect((await refused(devices)).message).toBe('The archive contains a device file or a fifo (null).');
  });

  it('refuses archives over the unpacked size or entry limits, gzip bombs included', async () => {
    const big = await tarOf(makeFolder({ 'a.bin': 'x'.repeat(4000) }));
    expect((await refused(gzipSync(big), { maxUnpackedBytes: 1000 })).message).toBe(
      'The archive unpacks to more than 1000 bytes.',
    );
    const many = await tarOf(makeFolder({ a: '1', b: '2', c: '3', d: '4', e: '5' }));
    expect((await refused(many, { maxEntries: 3 })).message).toBe('The archive has more than 3 entries.');
    // A tiny file followed by 64 MiB of zeros: 64 KiB compressed, small by entry sizes.
    const bomb = gzipSync(Buffer.concat([await tarOf(makeFolder({ a: '1' })), Buffer.alloc(64 * 1024 * 1024)]));
    expect(bomb.length).toBeLessThan(200_000);
    expect((await refused(bomb, { maxUnpackedBytes: 1024 * 1024, maxEntries: 10 })).message).toMatch(
      /unpacks to more than 1 MiB/,
    );
  });

  it('refuses a garbage, corrupt or empty archive, and a missing file', async () => {
    expect((await refused(Buffer.from('just some text, not an archive\n'.repeat(40)))).message).toMatch(
      /is not a \.tar or \.tar\.gz archive/,
    );
    expect((await refused(gzipSync(Buffer.from('hello world\n'.repeat(100))))).message).toMatch(
      /is corrupt or not a tar file/,
    );
    const tgz = gzipSync(await tarOf(makeFolder({ 'a.txt': 'y'.repeat(20000) })));
    expect((await refused(tgz.subarray(0, tgz.length - 40))).message).toMatch(/is corrupt or not a tar file/);
    expect((await refused(gzipSync(Buffer.alloc(1024)))).message).toBe('The archive is empty.');
    const missing = await fetchSource({ type: 'tarball', path: path.join(base, 'gone.tgz') }, { workDir }).catch(
      (e: unknown) => e,
    );
    expect((missing as DomainError).kind).toBe('not_found');
  });

  it('stops on abort and leaves nothing behind', async () => {
    const controller = new AbortController();
    const file = writeArchive(await tarOf(makeFolder({ 'big.bin': 'z'.repeat(5_000_000) })));
    // onLine fires just before unpacking starts.
    const err = await fetchSource(
      { type: 'tarball', path: file },
      { workDir, signal: controller.signal, onLine: () => controller.abort() },
    ).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(fs.readdirSync(workDir)).toEqual([]);
  });
});

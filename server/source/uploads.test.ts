import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import tarFs from 'tar-fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { fetchSource } from './fetch.ts';
import { storeUpload } from './uploads.ts';
import { tempDir } from './test-helpers.ts';

let base: string;
let tgz: Buffer;
let tar: Buffer;

beforeAll(async () => {
  base = tempDir();
  const app = path.join(base, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'Dockerfile'), 'FROM scratch\n');
  fs.writeFileSync(path.join(app, 'data.bin'), Buffer.alloc(300_000, 7));
  const chunks: Buffer[] = [];
  for await (const chunk of tarFs.pack(app)) chunks.push(chunk as Buffer);
  tar = Buffer.concat(chunks);
  tgz = gzipSync(tar);
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const chunked = (b: Buffer, size = 16 * 1024) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
    })(),
  );
const uploadDir = () => fs.mkdtempSync(path.join(base, 'uploads-'));

describe('storeUpload', () => {
  it('stores a .tar.gz from a Node stream with the right size and sha256, usable as a tarball source', async () => {
    const dir = uploadDir();
    const stored = await storeUpload(chunked(tgz), { dir, maxBytes: 10 * 1024 * 1024 });
    expect(stored.bytes).toBe(tgz.length);
    expect(stored.sha256).toBe(sha256(tgz));
    expect(stored.path).toBe(path.join(dir, `${stored.id}.tar.gz`));
    expect(fs.readFileSync(stored.path).equals(tgz)).toBe(true);
    expect(fs.readdirSync(dir)).toEqual([`${stored.id}.tar.gz`]); // no temp file left
    const src = await fetchSource({ type: 'tarball', path: stored.path }, { workDir: path.join(base, 'work') });
    expect(fs.readFileSync(path.join(src.dir, 'Dockerfile'), 'utf8')).toBe('FROM scratch\n');
    await src.cleanup();
  });

  it('stores a plain .tar from a web ReadableStream', async () => {
    const dir = uploadDir();
    const stored = await storeUpload(Readable.toWeb(chunked(tar, 1000)) as ReadableStream<Uint8Array>, {
      dir,
      maxBytes: 10 * 1024 * 1024,
    });
    expect(stored.path.endsWith('.tar')).toBe(true);
    expect(stored.sha256).toBe(sha256(tar));
  });

  it('refuses an upload over maxBytes and leaves no file behind', async () => {
    const dir = uploadDir();
    const err = await storeUpload(chunked(tar), { dir, maxBytes: 100_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).message).toBe('The upload is over 100000 bytes.');
    const big = await storeUpload(chunked(Buffer.concat([tgz, Buffer.alloc(2 * 1024 * 1024)])), {
      dir,
      maxBytes: 2 * 1024 * 1024,
    }).catch((e: unknown) => e);
    expect((big as DomainError).message).toBe('The upload is over 2 MiB.');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses a non-archive as soon as its first bytes are in, leaving no file behind', async () => {
    const dir = uploadDir();
    // A body that sends 1 KiB of text and then never ends: only an early check can answer.
    const endless = new Readable({ read() {} });
    endless.push(Buffer.from('<html>not an archive</html>\n'.repeat(40)));
    const err = await storeUpload(endless, { dir, maxBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect((err as DomainError).message).toBe('The upload is not a .tar or .tar.gz archive.');
    const short = await storeUpload(chunked(Buffer.from('hi')), { dir, maxBytes: 1024 }).catch((e: unknown) => e);
    expect((short as DomainError).kind).toBe('invalid');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('removes the partial file when the client goes away mid-upload', async () => {
    const dir = uploadDir();
    const broken = new Readable({ read() {} });
    broken.push(tgz.subarray(0, 50_000));
    setTimeout(() => broken.destroy(new Error('client disconnected')), 20);
    await expect(storeUpload(broken, { dir, maxBytes: 1024 * 1024 })).rejects.toThrow('client disconnected');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

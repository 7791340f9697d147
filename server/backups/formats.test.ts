import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import tarFs from 'tar-fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DecryptStream, EncryptStream, HEADER_BYTES } from './crypto-stream.ts';
import { checkTarFile } from './tar-check.ts';

const key = crypto.randomBytes(32);
const CHUNK = 64;

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Feeds the input in uneven pieces, as a network or a file would. */
const pieces = (buf: Buffer) =>
  Readable.from(Array.from({ length: Math.ceil(buf.length / 37) }, (_, i) => buf.subarray(i * 37, (i + 1) * 37)));

const encrypt = (plain: Buffer, chunk = CHUNK) => collect(pieces(plain).pipe(new EncryptStream(key, chunk)));
const decrypt = (sealed: Buffer, withKey = key) => collect(pieces(sealed).pipe(new DecryptStream(withKey)));

describe('backup encryption (OPBK v1)', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK, 5 * CHUNK + 7])('round-trips %i bytes', async (size) => {
    const plain = crypto.randomBytes(size);
    const sealed = await encrypt(plain);
    const records = Math.max(1, Math.ceil(size / CHUNK));
    expect(sealed.length).toBe(HEADER_BYTES + size + records * 16);
    expect(sealed.subarray(0, 5)).toEqual(Buffer.from([0x4f, 0x50, 0x42, 0x4b, 1]));
    expect(await decrypt(sealed)).toEqual(plain);
  });

  it('uses a fresh salt, so the same data never encrypts the same way twice', async () => {
    const plain = Buffer.from('same data');
    expect((await encrypt(plain)).equals(await encrypt(plain))).toBe(false);
  });

  const sealedOf = async () => encrypt(crypto.randomBytes(4 * CHUNK + 10));
  const rejects = (p: Promise<unknown>, why: RegExp) => expect(p).rejects.toThrow(why);

  it('detects a changed byte anywhere: header, a record, a tag', async () => {
    const sealed = await sealedOf();
    for (const at of [10, 20, HEADER_BYTES + 3, HEADER_BYTES + CHUNK + 16 + 1, sealed.length - 1]) {
      const bad = Buffer.from(sealed);
      bad[at] = bad[at]! ^ 1;
      await rejects(decrypt(bad), /failed its encryption check/);
    }
  });

  it('detects a cut-off end, also exactly at a record boundary, and swapped records', async () => {
    const sealed = await sealedOf();
    const record = CHUNK + 16;
    await rejects(decrypt(sealed.subarray(0, HEADER_BYTES + 2 * record)), /bad authentication tag in record 1/);
    await rejects(decrypt(sealed.subarray(0, sealed.length - 5)), /failed its encryption check/);
    await rejects(decrypt(sealed.subarray(0, 10)), /shorter than its header/);
    const swapped = Buffer.concat([
      sealed.subarray(0, HEADER_BYTES),
      sealed.subarray(HEADER_BYTES + record, HEADER_BYTES + 2 * record),
      sealed.subarray(HEADER_BYTES, HEADER_BYTES + record),
      sealed.subarray(HEADER_BYTES + 2 * record),
    ]);
    await rejects(decrypt(swapped), /bad authentication tag in record 0/);
  });

  it('refuses another panel key and files that are not encrypted backups', async () => {
    await rejects(decrypt(await sealedOf(), crypto.randomBytes(32)), /another panel key/);
    await rejects(decrypt(Buffer.alloc(200, 7)), /not an OpenPanel encrypted backup/);
  });
});

describe('checkTarFile', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-tarcheck-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function makeTar(): Promise<Buffer> {
    const src = path.join(dir, 'src');
    fs.mkdirSync(path.join(src, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(src, 'a.txt'), 'x'.repeat(1500));
    fs.writeFileSync(path.join(src, 'sub', 'b.bin'), crypto.randomBytes(700));
    fs.symlinkSync('a.txt', path.join(src, 'link'));
    await pipeline(tarFs.pack(src), fs.createWriteStream(path.join(dir, 'ok.tar')));
    return fs.readFileSync(path.join(dir, 'ok.tar'));
  }

  it('accepts a complete archive and refuses cut-off or damaged ones', async () => {
    const tar = await makeTar();
    const file = path.join(dir, 'check.tar');
    fs.writeFileSync(file, tar);
    expect(await checkTarFile(file)).toBe(5); // ., a.txt, link, sub, sub/b.bin
    fs.writeFileSync(file, tar.subarray(0, 1024));
    await expect(checkTarFile(file)).rejects.toThrow(/not a complete tar archive \(member \d is cut off\)/);
    fs.writeFileSync(file, tar.subarray(0, tar.length - 1024));
    await expect(checkTarFile(file)).rejects.toThrow(/not a complete tar archive/);
    const damaged = Buffer.from(tar);
    damaged[10] = damaged[10]! ^ 1;
    fs.writeFileSync(file, damaged);
    await expect(checkTarFile(file)).rejects.toThrow(/a damaged header at byte 0/);
  });
});

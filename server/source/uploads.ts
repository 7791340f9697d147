import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError } from '../errors.ts';
import { ARCHIVE_SNIFF_BYTES, detectArchiveType, formatSize, type ArchiveType } from './archive-type.ts';

export interface StoredUpload {
  /** Random id; the file is <dir>/<id>.tar or <dir>/<id>.tar.gz. */
  id: string;
  path: string;
  bytes: number;
  /** Hex sha256 of the bytes as uploaded. */
  sha256: string;
}

const HINT = 'Upload a .tar or .tar.gz of the app folder, for example: tar czf app.tgz -C my-app .';

/**
 * Streams an uploaded archive to disk: never buffered whole, written under a temp name and
 * renamed once complete, so a failed, oversized or non-archive upload leaves nothing behind.
 */
export async function storeUpload(
  body: WebReadableStream<Uint8Array> | ReadableStream<Uint8Array> | NodeJS.ReadableStream,
  opts: { dir: string; maxBytes: number },
): Promise<StoredUpload> {
  await fs.mkdir(opts.dir, { recursive: true });
  const id = randomUUID();
  const temp = path.join(opts.dir, `.${id}.part`);
  const hash = createHash('sha256');
  const notArchive = () => new DomainError('invalid', 'The upload is not a .tar or .tar.gz archive.', HINT);
  let bytes = 0;
  let head = Buffer.alloc(0);
  let type: ArchiveType | undefined;

  const inspect = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > opts.maxBytes)
        return done(new DomainError('invalid', `The upload is over ${formatSize(opts.maxBytes)}.`, HINT));
      if (!type) {
        head = Buffer.concat([head, chunk.subarray(0, ARCHIVE_SNIFF_BYTES - head.length)]);
        type = detectArchiveType(head);
        // Reject as soon as the magic bytes are in, rather than after the whole upload.
        if (!type && head.length >= ARCHIVE_SNIFF_BYTES) return done(notArchive());
      }
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      done(type ? null : notArchive());
    },
  });

  const source =
    'getReader' in body ? Readable.fromWeb(body as WebReadableStream<Uint8Array>) : (body as NodeJS.ReadableStream);
  try {
    await pipeline(source, inspect, createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    const final = path.join(opts.dir, `${id}${type === 'gzip' ? '.tar.gz' : '.tar'}`);
    await fs.rename(temp, final);
    return { id, path: final, bytes, sha256: hash.digest('hex') };
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tarFs from 'tar-fs';
import { DomainError } from '../errors.ts';
import { ARCHIVE_SNIFF_BYTES, detectArchiveType, formatSize } from './archive-type.ts';
import { abortError } from './run-git.ts';

const DEFAULT_MAX_UNPACKED_BYTES = 500 * 1024 * 1024;
const DEFAULT_MAX_ENTRIES = 100_000;
const MiB = 1024 * 1024;
const UPLOAD_HINT = 'Upload a .tar or .tar.gz of the app folder, for example: tar czf app.tgz -C my-app .';

/** The fields of a tar entry header we check (tar-fs's own type leaves out device files). */
interface EntryHeader {
  name: string;
  type?: string | null;
  linkname?: string | null;
  size?: number;
}

export interface ExtractOptions {
  signal?: AbortSignal;
  maxUnpackedBytes?: number;
  maxEntries?: number;
}

/**
 * Unpacks a .tar or .tar.gz into target and returns the source root: target itself, or the
 * archive's single top-level folder (as in GitHub's tarballs). Refuses entries that would land
 * outside target, links leading out, device files, and archives over the size limits.
 */
export async function extractTarball(file: string, target: string, opts: ExtractOptions = {}): Promise<string> {
  const maxBytes = opts.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES;
  const maxEntries = opts.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const name = path.basename(file);
  const type = detectArchiveType(await readHead(file));
  if (!type) throw new DomainError('invalid', `${name} is not a .tar or .tar.gz archive.`, UPLOAD_HINT);

  let problem: DomainError | undefined;
  let unpacked = 0;
  let entries = 0;
  const source = createReadStream(file);
  const refuse = (why: string) => {
    problem ??= new DomainError('invalid', `The archive ${why}.`, UPLOAD_HINT);
    // Stop at once so nothing after a bad entry is written; the entry itself is skipped and
    // the pipeline tears down the other streams.
    extract.destroy(problem);
    return true;
  };
  const checkEntry = (header: EntryHeader): string | undefined => {
    if (++entries > maxEntries) return `has more than ${maxEntries} entries`;
    const entry = header.name;
    if (entry.startsWith('/')) return `has an entry with an absolute path (${entry})`;
    if (entry.split('/').includes('..')) return `has an entry that leads outside its folder (${entry})`;
    const link = header.linkname ?? '';
    switch (header.type) {
      case 'file':
      case 'directory':
        break;
      case 'symlink': {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(entry), link));
        if (path.posix.isAbsolute(link) || resolved === '..' || resolved.startsWith('../')) {
          return `has a symlink that points outside its folder (${entry} -> ${link})`;
        }
        break;
      }
      case 'link':
        if (path.posix.isAbsolute(link) || link.split('/').includes('..'))
          return `has a hard link that points outside its folder (${entry})`;
        break;
      case 'character-device':
      case 'block-device':
      case 'fifo':
        return `contains a device file or a fifo (${entry})`;
      default:
        return `has an entry of an unsupported type (${entry}: ${header.type})`;
    }
    unpacked += header.size ?? 0;
    if (unpacked > maxBytes) return `unpacks to more than ${formatSize(maxBytes)}`;
    return undefined;
  };

  // Caps the decompressed tar stream too, so a gzip bomb padded past the end of the archive
  // cannot keep us busy; headers and padding cost at most about 1 KiB per entry.
  let streamed = 0;
  const streamCap = maxBytes + maxEntries * 1024 + MiB;
  const capStream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      streamed += chunk.length;
      if (streamed > streamCap)
        return done(
          new DomainError('invalid', `The archive unpacks to more than ${formatSize(maxBytes)}.`, UPLOAD_HINT),
        );
      done(null, chunk);
    },
  });

  await fs.mkdir(target, { recursive: true });
  const extract = tarFs.extract(target, {
    ignore: (_name, header) => {
      const why = header ? checkEntry(header) : 'has an unreadable entry';
      return why ? refuse(why) : false;
    },
    dmode: 0o700, // we must always be able to read and delete what we unpacked
    fmode: 0o600,
    chown: false, // an uploaded archive does not choose file owners on the server
  } as tarFs.ExtractOptions);
  // On destroy, tar-stream also errors the current entry's stream, which tar-fs leaves without a
  // listener when it skips the entry: an unhandled 'error' would take the process down. The
  // error still reaches the pipeline through the extract stream itself.
  extract.on('entry', (_header, entry) => entry.on('error', () => {}));
  try {
    await pipeline([source, ...(type === 'gzip' ? [createGunzip()] : []), capStream, extract], { signal: opts.signal });
  } catch (err) {
    if (problem) throw problem;
    if (err instanceof DomainError) throw err;
    if (opts.signal?.aborted) throw abortError(opts.signal);
    const code = (err as NodeJS.ErrnoException).code;
    // Disk and permission trouble is ours, not the archive's.
    if (code && /^E[A-Z]+$/.test(code) && code !== 'EPIPE') throw err;
    throw new DomainError(
      'invalid',
      `The archive ${name} is corrupt or not a tar file (${(err as Error).message}).`,
      UPLOAD_HINT,
    );
  }
  if (problem) throw problem; // the source may have been read to its end before a bad entry came up
  if (entries === 0) throw new DomainError('invalid', 'The archive is empty.', UPLOAD_HINT);

  const top = await fs.readdir(target, { withFileTypes: true });
  return top.length === 1 && top[0]!.isDirectory() ? path.join(target, top[0]!.name) : target;
}

async function readHead(file: string): Promise<Uint8Array> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DomainError(
        'not_found',
        `The uploaded archive ${path.basename(file)} no longer exists.`,
        'Upload the archive again.',
      );
    }
    throw err;
  }
  try {
    const buffer = Buffer.alloc(ARCHIVE_SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

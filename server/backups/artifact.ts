import crypto from 'node:crypto';
import fs from 'node:fs';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../context.ts';
import type { AppRow } from '../db/schema/apps.ts';
import type { BackupRun } from '../db/schema/backups.ts';
import { loadSecretKey } from '../crypto/secret-box.ts';
import { DomainError } from '../errors.ts';
import { DecryptStream, EncryptStream } from './crypto-stream.ts';
import { dumpDatabase, type DatabaseKind } from './databases.ts';
import { dumpPanelDatabase } from './panel-db.ts';
import { tempFile } from './paths.ts';
import { dumpVolume } from './volume.ts';

/** The key encrypted backups derive theirs from: the panel's secret key (see crypto-stream.ts). */
function backupSecretKey(ctx: AppContext): Buffer {
  return loadSecretKey({ configured: ctx.env.OPENPANEL_SECRET_KEY, dataDir: ctx.env.dataDir }).key;
}

const EXT = { volume: 'tar', postgres: 'sql', mysql: 'sql', redis: 'rdb' } as const;

export interface Artifact {
  /** Storage key: <app or panel>/<kind>[-<volume>]/<time>-<run>.<ext>[.enc] */
  key: string;
  file: string;
  size: number;
  sha256: string;
  /** The target as resolved (database and user filled in from the container). */
  target: Record<string, string>;
}

/**
 * Dumps the run's subject into a temp file, encrypting on the way if asked, and hashes exactly
 * the bytes that are stored: the checksum is over the artifact as it sits in storage.
 */
export async function writeArtifact(
  ctx: AppContext,
  opts: { run: BackupRun; app: AppRow | null; password?: string; log: (line: string) => void },
): Promise<Artifact> {
  const { run, app } = opts;
  const file = tempFile(ctx, 'artifact');
  const hash = crypto.createHash('sha256');
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const entry = new PassThrough();
  const out = fs.createWriteStream(file);
  const written = run.encrypted
    ? pipeline(entry, new EncryptStream(backupSecretKey(ctx)), measure, out)
    : pipeline(entry, measure, out);
  let target = run.target;
  let ext: string;
  try {
    if (run.kind === 'panel') {
      const dumped = await dumpPanelDatabase(ctx, entry);
      target = { driver: dumped.driver };
      ext = dumped.ext;
    } else if (run.kind === 'volume') {
      await dumpVolume(ctx, run.target.volume!, entry);
      ext = EXT.volume;
    } else {
      target = await dumpDatabase(ctx, app!, run.kind as DatabaseKind, run.target, opts.password, entry);
      ext = EXT[run.kind];
    }
    await written;
  } catch (err) {
    entry.destroy(err as Error);
    await written.catch(() => {});
    await fs.promises.rm(file, { force: true });
    throw err;
  }
  if (size === 0) {
    await fs.promises.rm(file, { force: true });
    throw new DomainError('invalid', 'The backup came out empty.');
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const what = [run.kind, run.kind === 'volume' ? target.volume : undefined].filter(Boolean).join('-');
  const key = `${app?.name ?? 'panel'}/${what}/${stamp}-${run.id.slice(0, 8)}.${ext}${run.encrypted ? '.enc' : ''}`;
  opts.log(`Dumped ${size} bytes${run.encrypted ? ' (encrypted, format OPBK v1)' : ''}`);
  return { key, file, size, sha256: hash.digest('hex'), target };
}

/** Decrypts an artifact file to a new temp file; a wrong tag or cut-off end throws. */
export async function decryptFile(ctx: AppContext, file: string): Promise<string> {
  const plain = tempFile(ctx, 'plain');
  try {
    await pipeline(fs.createReadStream(file), new DecryptStream(backupSecretKey(ctx)), fs.createWriteStream(plain));
    return plain;
  } catch (err) {
    await fs.promises.rm(plain, { force: true });
    throw err;
  }
}

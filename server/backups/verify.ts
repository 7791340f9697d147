import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { AppContext } from '../context.ts';
import type { BackupRun } from '../db/schema/backups.ts';
import { DomainError } from '../errors.ts';
import { decryptFile } from './artifact.ts';
import type { BackupStorage } from './storage.ts';
import { checkTarFile } from './tar-check.ts';

const NOTHING_DONE = 'Nothing was restored. Pick another backup.';

async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/** The first (or, with `end`, the last) bytes of a file. */
async function slice(file: string, bytes: number, end = false): Promise<Buffer> {
  const fd = await fs.promises.open(file, 'r');
  try {
    const { size } = await fd.stat();
    const buf = Buffer.alloc(Math.min(bytes, size));
    await fd.read(buf, 0, buf.length, end ? size - buf.length : 0);
    return buf;
  } finally {
    await fd.close();
  }
}
const tail = (file: string, bytes: number) => slice(file, bytes, true);

/** A dump must end the way its tool ends a complete one: a cut-off dump is refused. */
async function checkContent(kind: BackupRun['kind'], file: string): Promise<void> {
  const incomplete = (what: string) =>
    new DomainError('invalid', `The backup is not a complete ${what}.`, NOTHING_DONE);
  if (kind === 'volume') {
    await checkTarFile(file);
  } else if (kind === 'postgres') {
    if (!(await tail(file, 512)).toString('utf8').includes('-- PostgreSQL database dump complete'))
      throw incomplete('pg_dump output (its closing line is missing)');
  } else if (kind === 'mysql') {
    if (!(await tail(file, 512)).toString('utf8').includes('-- Dump completed'))
      throw incomplete('mysqldump output (its closing line is missing)');
  } else if (kind === 'redis') {
    const head = (await slice(file, 5)).toString('latin1');
    // An RDB file starts with REDIS and, before its 8-byte checksum, ends with the EOF opcode 0xFF.
    const end = await tail(file, 9);
    if (head !== 'REDIS' || end[0] !== 0xff) throw incomplete('Redis RDB file');
  }
}

/**
 * Fetches a backup and checks it all before a restore touches anything: the stored bytes against
 * the recorded sha256, the encryption tags (every record, and the end), and the content's own
 * structure. Returns the plaintext file to restore from; `done` removes the temp files.
 */
export async function verifyBackup(
  ctx: AppContext,
  run: BackupRun,
  storage: BackupStorage,
): Promise<{ file: string; done(): Promise<void> }> {
  if (!run.location || !run.sha256)
    throw new DomainError('invalid', `Backup ${run.id} has no stored artifact.`, NOTHING_DONE);
  const fetched = await storage.fetch(run.location);
  const temps: string[] = [];
  const done = async () => {
    await fetched.done();
    for (const f of temps) await fs.promises.rm(f, { force: true });
  };
  try {
    const actual = await sha256File(fetched.file);
    if (actual !== run.sha256) {
      throw new DomainError(
        'invalid',
        `Backup ${run.id} failed its checksum: sha256 ${actual.slice(0, 16)}… instead of the recorded ${run.sha256.slice(0, 16)}…, so it was changed or damaged after it was written.`,
        NOTHING_DONE,
      );
    }
    let plain = fetched.file;
    if (run.encrypted) {
      plain = await decryptFile(ctx, fetched.file);
      temps.push(plain);
    }
    await checkContent(run.kind, plain);
    return { file: plain, done };
  } catch (err) {
    await done();
    throw err;
  }
}

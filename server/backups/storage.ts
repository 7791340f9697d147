import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { AppContext } from '../context.ts';
import type { BackupDestination } from '../db/schema/backups.ts';
import { DomainError } from '../errors.ts';
import { tempFile } from './paths.ts';

/** Where artifacts go. A location is what a run records: an absolute path, or s3://bucket/key. */
export interface BackupStorage {
  /** Moves a finished artifact (a local temp file) to `key` and returns its location. */
  put(key: string, file: string, size: number): Promise<string>;
  /** A local file with the artifact's bytes; `done` removes it if it was a download. */
  fetch(location: string): Promise<{ file: string; done(): Promise<void> }>;
  /** Deleting what is already gone is fine. */
  remove(location: string): Promise<void>;
  /** Proves the destination is usable (for config creation), with a clear error if not. */
  check(): Promise<void>;
}

const defaultBackupDir = (ctx: AppContext) => path.join(ctx.env.dataDir, 'backups');

export function openStorage(
  ctx: AppContext,
  destination: BackupDestination,
  s3SecretAccessKey?: string,
): BackupStorage {
  if (destination.type === 'local') return localStorage(destination.path ?? defaultBackupDir(ctx));
  if (!s3SecretAccessKey)
    throw new DomainError(
      'invalid',
      'This S3 destination has no secret access key stored.',
      'Create the backup configuration again with its secretAccessKey.',
    );
  return s3Storage(destination, s3SecretAccessKey, () => tempFile(ctx, 'download'));
}

function localStorage(root: string): BackupStorage {
  // Locations come from the panel's own run records; a run keeps its path even if its
  // configuration (and so its folder setting) is gone.
  const inside = (location: string) => {
    if (!path.isAbsolute(location))
      throw new DomainError('invalid', `The backup location ${location} is not a local file path.`);
    return location;
  };
  return {
    async put(key, file) {
      const target = path.join(root, key);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      try {
        await fs.promises.rename(file, target);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
        await fs.promises.copyFile(file, target);
        await fs.promises.rm(file, { force: true });
      }
      return target;
    },
    async fetch(location) {
      const file = inside(location);
      if (!fs.existsSync(file))
        throw new DomainError(
          'gone',
          `The backup file ${file} is missing.`,
          'It was deleted or moved outside the panel; pick another backup.',
        );
      return { file, done: async () => {} };
    },
    async remove(location) {
      await fs.promises.rm(inside(location), { force: true });
    },
    async check() {
      try {
        await fs.promises.mkdir(root, { recursive: true });
        await fs.promises.access(root, fs.constants.W_OK);
      } catch (err) {
        throw new DomainError(
          'invalid',
          `The backup folder ${root} is not writable (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`,
          'Pick a folder the panel can write to.',
        );
      }
    },
  };
}

type S3Destination = Extract<BackupDestination, { type: 's3' }>;

function parseS3Location(location: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(location);
  if (!match) throw new DomainError('invalid', `${location} is not an s3:// location.`);
  return { bucket: match[1]!, key: match[2]! };
}

function s3Error(what: string, dest: S3Destination, err: unknown): DomainError {
  if (err instanceof S3ServiceException) {
    const status = err.$metadata.httpStatusCode;
    const kind = status === 404 ? 'not_found' : status === 403 || status === 401 ? 'forbidden' : 'unavailable';
    return new DomainError(
      kind,
      `S3 ${what} failed at bucket ${dest.bucket}${dest.endpoint ? ` (${dest.endpoint})` : ''}: ${err.name}${err.message && err.message !== 'UnknownError' ? ` — ${err.message}` : ''}.`,
      'Check the bucket, region, endpoint and access keys.',
    );
  }
  return new DomainError(
    'unavailable',
    `S3 ${what} failed at ${dest.endpoint ?? 'AWS'}: ${(err as Error).message}.`,
    'Check that the endpoint is reachable.',
  );
}

function s3Storage(dest: S3Destination, secretAccessKey: string, downloadPath: () => string): BackupStorage {
  const client = new S3Client({
    region: dest.region ?? 'us-east-1',
    endpoint: dest.endpoint,
    forcePathStyle: dest.forcePathStyle ?? false,
    credentials: { accessKeyId: dest.accessKeyId, secretAccessKey },
    // Plain signed PUTs: many S3-compatible servers reject the newer streaming-checksum encoding.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  const prefix = dest.prefix ? `${dest.prefix.replace(/^\/+|\/+$/g, '')}/` : '';
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      throw s3Error(what, dest, err);
    }
  };
  const ours = (location: string) => {
    const parsed = parseS3Location(location);
    if (parsed.bucket !== dest.bucket)
      throw new DomainError(
        'invalid',
        `The backup is in bucket ${parsed.bucket}, not in this configuration's bucket ${dest.bucket}.`,
      );
    return parsed.key;
  };
  return {
    async put(key, file, size) {
      const Key = `${prefix}${key}`;
      // A file stream with its length: PutObject streams it without buffering in memory.
      await call('upload', () =>
        client.send(
          new PutObjectCommand({ Bucket: dest.bucket, Key, Body: fs.createReadStream(file), ContentLength: size }),
        ),
      );
      await fs.promises.rm(file, { force: true });
      return `s3://${dest.bucket}/${Key}`;
    },
    async fetch(location) {
      const Key = ours(location);
      const res = await call('download', () => client.send(new GetObjectCommand({ Bucket: dest.bucket, Key })));
      const file = downloadPath();
      await pipeline(res.Body as Readable, fs.createWriteStream(file));
      return { file, done: () => fs.promises.rm(file, { force: true }) };
    },
    async remove(location) {
      await call('delete', () => client.send(new DeleteObjectCommand({ Bucket: dest.bucket, Key: ours(location) })));
    },
    async check() {
      await call('listing', () =>
        client.send(new ListObjectsV2Command({ Bucket: dest.bucket, Prefix: prefix, MaxKeys: 1 })),
      );
    },
  };
}

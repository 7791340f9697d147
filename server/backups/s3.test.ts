import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import {
  CreateBucketCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';
import { freePort } from '../test/global-setup.ts';
import { backupConfigs, backupRuns } from '../db/schema/backups.ts';
import { storageOfRun } from './run.ts';
import { verifyBackup } from './verify.ts';
import { backupNow, settle } from './test-helpers.ts';

/**
 * S3 destinations against a real S3-compatible server on this machine: moto's standalone server
 * (`moto_server`, Python), which speaks the S3 REST API (signed PutObject, GetObject,
 * DeleteObject, ListObjectsV2). The panel's own database is the subject, so no engine is needed.
 */
const SECRET = `s3-secret-${crypto.randomUUID()}`;
const BUCKET = 'openpanel-backups';
let moto: ChildProcess;
let endpoint: string;
let s3: S3Client;
let panel: TestPanel;
let owner: Client;

async function startMoto(): Promise<void> {
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) =>
    moto.once('error', (err) =>
      reject(
        new Error(`Cannot start moto_server (${err.message}): install moto's server (pip install "moto[server]").`),
      ),
    ),
  );
  const up = (async () => {
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(endpoint).then(
          () => true,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('moto_server did not answer within 10 s');
  })();
  await Promise.race([up, failed]);
}

beforeAll(async () => {
  await startMoto();
  s3 = new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'test', secretAccessKey: SECRET },
  });
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  panel = await createTestPanel({}, { jobs: true });
  owner = await setupOwner(panel);
});

afterAll(async () => {
  await panel?.close();
  s3?.destroy();
  moto?.kill('SIGTERM');
});

const destination = (extra: Record<string, unknown> = {}) => ({
  type: 's3',
  bucket: BUCKET,
  prefix: 'nightly/',
  endpoint,
  region: 'us-east-1',
  forcePathStyle: true,
  accessKeyId: 'test',
  secretAccessKey: SECRET,
  ...extra,
});
const keys = async () =>
  ((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'nightly/' }))).Contents ?? [])
    .map((o) => o.Key!)
    .sort();

describe('S3 destinations (moto server)', () => {
  let configId: string;

  it('refuses a destination it cannot use, before saving it', async () => {
    const res = await owner.post('/api/backups/configs', {
      kind: 'panel',
      destination: destination({ bucket: 'no-such-bucket' }),
    });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(
      /S3 listing failed at bucket no-such-bucket .*NoSuchBucket.*Check the bucket/,
    );
  });

  it('keeps the secret access key encrypted and never returns it', async () => {
    const res = await owner.post('/api/backups/configs', {
      kind: 'panel',
      destination: destination(),
      keepLast: 1,
      encrypt: true,
    });
    const text = await res.clone().text();
    expect(res.status, text).toBe(201);
    expect(text).not.toContain(SECRET);
    const { config } = await res.json();
    configId = config.id;
    expect(config.destination).toEqual({
      type: 's3',
      bucket: BUCKET,
      prefix: 'nightly/',
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      accessKeyId: 'test',
    });
    const [row] = await panel.ctx.db.select().from(backupConfigs).where(eq(backupConfigs.id, configId));
    expect(row!.secretEncrypted).toMatch(/^v1:/);
    expect(JSON.stringify(row)).not.toContain(SECRET);
    expect(await (await owner.get('/api/backups/configs')).text()).not.toContain(SECRET);
  });

  it('uploads an encrypted backup whose object matches the recorded sha256, and retention deletes the older object', async () => {
    const first = await backupNow(owner, { configId });
    expect(first.location).toMatch(new RegExp(`^s3://${BUCKET}/nightly/panel/panel/.*\\.tar\\.gz\\.enc$`));
    const key = first.location.slice(`s3://${BUCKET}/`.length);
    const body = Buffer.from(
      await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToByteArray(),
    );
    expect(crypto.createHash('sha256').update(body).digest('hex')).toBe(first.sha256);
    expect(body.subarray(0, 4).toString()).toBe('OPBK');

    const second = await backupNow(owner, { configId });
    await settle(panel);
    expect(await keys()).toEqual([second.location.slice(`s3://${BUCKET}/`.length)]);
    expect((await (await owner.get(`/api/backups/${first.id}`)).json()).backup.status).toBe('deleted');

    // Downloaded and verified in full (checksum, then every encryption tag) as a restore would.
    const [run] = await panel.ctx.db.select().from(backupRuns).where(eq(backupRuns.id, second.id));
    const verified = await verifyBackup(panel.ctx, run!, await storageOfRun(panel.ctx, run!));
    await verified.done();

    // An object replaced in the bucket fails the checksum.
    await s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: second.location.slice(`s3://${BUCKET}/`.length),
        Body: Buffer.from('not the backup'),
      }),
    );
    await expect(verifyBackup(panel.ctx, run!, await storageOfRun(panel.ctx, run!))).rejects.toThrow(
      /failed its checksum/,
    );
  });

  it('will not drop a configuration whose backups are in S3 unless they go with it', async () => {
    const refused = await owner.delete(`/api/backups/configs/${configId}`);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/still has 1 backup\(s\) in S3.*deleteBackups=true/);
    const res = await owner.delete(`/api/backups/configs/${configId}?deleteBackups=true`);
    expect(await res.json()).toEqual({ deletedBackups: 1 });
    expect(await keys()).toEqual([]);
  });
});

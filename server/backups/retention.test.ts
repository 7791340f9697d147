import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';
import { backupConfigs, backupRuns } from '../db/schema/backups.ts';
import { applyRetention } from './retention.ts';
import { backupNow, settle } from './test-helpers.ts';

/**
 * Retention on real rows and real files: older runs are faked with past start times and their
 * own artifact files; the panel's own (PGlite) database is what gets backed up for real.
 */
let panel: TestPanel;
let owner: Client;
const DAY = 86_400_000;

beforeAll(async () => {
  panel = await createTestPanel({}, { jobs: true });
  owner = await setupOwner(panel);
});
afterAll(async () => panel?.close());

async function createConfig(body: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await owner.post('/api/backups/configs', { kind: 'panel', ...body });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).config;
}

/** A succeeded run `ageMs` old, with a real artifact file. */
async function fakeRun(
  configId: string | null,
  ageMs: number,
  status: 'succeeded' | 'failed' = 'succeeded',
): Promise<{ id: string; file: string }> {
  const file = path.join(panel.env.dataDir, 'backups', 'panel', 'panel', `fake-${crypto.randomUUID()}.tar.gz`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `fake artifact ${ageMs}`);
  const [row] = await panel.ctx.db
    .insert(backupRuns)
    .values({
      configId,
      kind: 'panel',
      status,
      location: status === 'succeeded' ? file : null,
      sha256: 'x'.repeat(64),
      startedAt: new Date(Date.now() - ageMs),
      finishedAt: new Date(Date.now() - ageMs),
    })
    .returning();
  return { id: row!.id, file };
}

const statusOf = async (id: string) => (await panel.ctx.db.select().from(backupRuns).where(eq(backupRuns.id, id)))[0]!;

describe('retention', () => {
  it('after a backup, keeps what any rule keeps (newest N, or younger than D days) and deletes the rest with their files', async () => {
    const config = await createConfig({ keepLast: 2, keepDays: 7 });
    expect(config).toMatchObject({
      kind: 'panel',
      appId: null,
      retentionCount: 2,
      retentionDays: 7,
      destination: { type: 'local' },
    });
    const ages = {
      hour: 3_600_000,
      twoDays: 2 * DAY,
      fiveDays: 5 * DAY,
      tenDays: 10 * DAY,
      twentyDays: 20 * DAY,
      fortyDays: 40 * DAY,
    };
    const runs = Object.fromEntries(
      await Promise.all(Object.entries(ages).map(async ([k, age]) => [k, await fakeRun(config.id, age)] as const)),
    );
    const failed = await fakeRun(config.id, 50 * DAY, 'failed');
    const otherConfig = await createConfig({ name: 'other' });
    const foreign = await fakeRun(otherConfig.id, 60 * DAY);
    const oneOff = await fakeRun(null, 60 * DAY);

    const fresh = await backupNow(owner, { configId: config.id });
    await settle(panel);
    expect(fs.existsSync(fresh.location)).toBe(true);
    expect((await statusOf(fresh.id)).log).toMatch(/Retention deleted 3 older backup\(s\)/);

    for (const kept of ['hour', 'twoDays', 'fiveDays']) {
      expect((await statusOf(runs[kept]!.id)).status, kept).toBe('succeeded');
      expect(fs.existsSync(runs[kept]!.file), kept).toBe(true);
    }
    for (const gone of ['tenDays', 'twentyDays', 'fortyDays']) {
      const row = await statusOf(runs[gone]!.id);
      expect(row.status, gone).toBe('deleted');
      expect(row.log).toMatch(/Deleted by retention \(keep last 2, keep 7 days\)/);
      expect(fs.existsSync(runs[gone]!.file), gone).toBe(false);
    }
    // Failed runs, other configurations' backups and one-off backups are not this retention's business.
    expect((await statusOf(failed.id)).status).toBe('failed');
    expect((await statusOf(foreign.id)).status).toBe('succeeded');
    expect((await statusOf(oneOff.id)).status).toBe('succeeded');

    // keep D days alone: only the last day stays.
    await owner.patch(`/api/backups/configs/${config.id}`, { keepLast: null, keepDays: 1 });
    const [byDays] = await panel.ctx.db.select().from(backupConfigs).where(eq(backupConfigs.id, config.id));
    expect(await applyRetention(panel.ctx, byDays!)).toEqual(
      expect.arrayContaining([runs.twoDays!.id, runs.fiveDays!.id]),
    );
    expect((await statusOf(runs.hour!.id)).status).toBe('succeeded');

    // keep N alone: the newest N stay, whatever their age.
    await owner.patch(`/api/backups/configs/${config.id}`, { keepLast: 1, keepDays: null });
    const [byCount] = await panel.ctx.db.select().from(backupConfigs).where(eq(backupConfigs.id, config.id));
    expect(await applyRetention(panel.ctx, byCount!)).toEqual([runs.hour!.id]);
    expect((await statusOf(fresh.id)).status).toBe('succeeded');
    expect(fs.existsSync(runs.hour!.file)).toBe(false);
  });

  it('always keeps the newest backup, even when every backup is older than the days kept', async () => {
    const config = await createConfig({ keepDays: 1, name: 'old-only' });
    const newest = await fakeRun(config.id, 3 * DAY);
    const older = await fakeRun(config.id, 4 * DAY);
    const [row] = await panel.ctx.db.select().from(backupConfigs).where(eq(backupConfigs.id, config.id));
    expect(await applyRetention(panel.ctx, row!)).toEqual([older.id]);
    expect((await statusOf(newest.id)).status).toBe('succeeded');
  });
});

describe('the panel database backup', () => {
  it('is a PGlite data folder that opens again with the panel rows in it, and is never restored live', async () => {
    const backup = await backupNow(owner, { kind: 'panel' });
    expect(backup).toMatchObject({ kind: 'panel', appId: null, target: { driver: 'pglite' } });
    expect(backup.location).toMatch(/\/panel\/panel\/.*\.tar\.gz$/);
    const copy = await PGlite.create({
      loadDataDir: new Blob([fs.readFileSync(backup.location)]),
      extensions: { vector },
    });
    try {
      const users = await copy.query<{ email: string }>('select email from users');
      expect(users.rows.map((r) => r.email)).toContain('owner@example.com');
    } finally {
      await copy.close();
    }
    // restore_backup restores into an app; the panel's own database has none to name.
    const res = await owner.post(`/api/backups/${backup.id}/restore`, {});
    expect(res.status).toBe(422);
    expect((await res.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(['app']);
  });
});

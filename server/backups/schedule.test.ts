import crypto from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';
import { BullJobQueue, QUEUE_NAME } from '../jobs/bullmq.ts';
import { jobHandlers } from '../jobs/handlers.ts';
import { backupRuns } from '../db/schema/backups.ts';
import { runBackupJob } from './run.ts';
import { startBackupScheduler, type BackupScheduler } from './scheduler.ts';

/**
 * Schedules fire for real: per-second cron patterns, the panel's own database as the subject.
 * In-process with croner; with Redis as BullMQ job schedulers in the real Redis from globalSetup.
 */
const EVERY_SECOND = '* * * * * *';

async function scheduledRuns(client: Client, configId: string): Promise<Record<string, any>[]> {
  const { backups } = await (await client.get('/api/backups?limit=50')).json();
  return backups.filter(
    (b: { trigger: string; configId: string }) => b.trigger === 'schedule' && b.configId === configId,
  );
}

async function waitForScheduledRun(client: Client, configId: string, timeoutMs = 15_000): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const done = (await scheduledRuns(client, configId)).find((b) => b.status === 'succeeded');
    if (done) return done;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no scheduled backup succeeded: ${JSON.stringify(await scheduledRuns(client, configId))}`);
}

async function createScheduled(client: Client, schedule = EVERY_SECOND): Promise<string> {
  const res = await client.post('/api/backups/configs', { kind: 'panel', schedule, keepLast: 2 });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).config.id;
}

describe('in-process schedules (croner)', () => {
  let panel: TestPanel;
  let owner: Client;
  let scheduler: BackupScheduler;

  beforeAll(async () => {
    panel = await createTestPanel({}, { jobs: true });
    owner = await setupOwner(panel);
    scheduler = await startBackupScheduler(panel.ctx);
  });
  afterAll(async () => {
    await scheduler?.stop();
    await panel?.close();
  });

  it('fires a per-second schedule, and stops when the schedule is removed', async () => {
    expect(scheduler.mode).toBe('in-process');
    const id = await createScheduled(owner);
    const { config } = await (await owner.get(`/api/backups/configs/${id}`)).json();
    expect(Date.parse(config.nextRunAt) - Date.now()).toBeLessThanOrEqual(1000);
    const run = await waitForScheduledRun(owner, id);
    expect(run).toMatchObject({ kind: 'panel', configId: id, trigger: 'schedule' });

    expect((await owner.patch(`/api/backups/configs/${id}`, { schedule: null })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500)); // let a tick that was already queued finish
    const settled = (await scheduledRuns(owner, id)).length;
    await new Promise((r) => setTimeout(r, 2000));
    expect((await scheduledRuns(owner, id)).length).toBe(settled);
  });

  it('skips a tick while the previous backup still runs, and fails runs a restart interrupted', async () => {
    const id = await createScheduled(owner, '0 3 * * *');
    const [busy] = await panel.ctx.db
      .insert(backupRuns)
      .values({ configId: id, kind: 'panel', trigger: 'schedule', status: 'running' })
      .returning();
    await runBackupJob(panel.ctx, { configId: id, trigger: 'schedule' });
    expect((await scheduledRuns(owner, id)).map((r) => r.id)).toEqual([busy!.id]);

    scheduler = await startBackupScheduler(panel.ctx); // as after a restart of an in-process panel
    const { backup: run } = await (await owner.get(`/api/backups/${busy!.id}`)).json();
    expect(run).toMatchObject({ status: 'failed', error: expect.stringMatching(/^Interrupted: the panel stopped/) });
    await runBackupJob(panel.ctx, { configId: id, trigger: 'schedule' });
    expect((await scheduledRuns(owner, id)).map((r) => r.status).sort()).toEqual(['failed', 'succeeded']);
  });

  it('creates and stops a schedule through the schedule_backup tool', async () => {
    const made = await (
      await owner.post('/api/tools/schedule_backup', {
        kind: 'panel',
        schedule: '0 3 * * *',
        keepLast: 3,
        keepDays: 14,
      })
    ).json();
    expect(made.status, JSON.stringify(made)).toBe('done');
    expect(made.text).toMatch(
      /^Created panel-panel \(config .*\): the panel database to local folder; schedule "0 3 \* \* \*" \(UTC\), next .*T03:00:00\.000Z; keep last 3, keep 14 days\. Run it now with create_backup \{"config":"/,
    );
    const id = made.data.config.id;
    const off = await (await owner.post('/api/tools/schedule_backup', { config: id, schedule: 'off' })).json();
    expect(off.text).toMatch(/no schedule; keep last 3, keep 14 days/);
    expect((await (await owner.get(`/api/backups/configs/${id}`)).json()).config.schedule).toBeNull();
  });

  it('refuses an invalid cron schedule with a clear 422, over REST and through the tool', async () => {
    const res = await owner.post('/api/backups/configs', { kind: 'panel', schedule: '61 * * * *' });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.fields).toEqual([
      expect.objectContaining({
        path: 'schedule',
        message: expect.stringMatching(/"61 \* \* \* \*" is not a valid cron schedule .*e\.g\. "0 3 \* \* \*"/),
      }),
    ]);
    const patched = await owner.patch(`/api/backups/configs/${crypto.randomUUID()}`, { schedule: 'every night' });
    expect(patched.status).toBe(422);
    const tool = await owner.post('/api/tools/schedule_backup', { kind: 'panel', schedule: 'nightly' });
    expect(tool.status).toBe(422);
    expect((await tool.json()).error.message).toMatch(/schedule: "nightly" is not a valid cron schedule/);
  });
});

describe('BullMQ schedules (Redis)', () => {
  const prefix = `bk${Date.now()}${Math.random().toString(36).slice(2, 6)}`;
  let panel: TestPanel;
  let owner: Client;
  let scheduler: BackupScheduler;
  let redis: Redis;
  let queue: Queue;
  const schedulers = async () => (await queue.getJobSchedulers()).map((s) => ({ key: s.key, pattern: s.pattern }));

  beforeAll(async () => {
    const url = inject('redisUrl');
    panel = await createTestPanel({ REDIS_URL: url });
    // Our own queue prefix, so workers of other test files on the same Redis never see these jobs.
    await panel.ctx.jobs.close();
    panel.ctx.jobs = new BullJobQueue(url, panel.ctx.logger, { prefix });
    await panel.ctx.jobs.start(jobHandlers(panel.ctx));
    owner = await setupOwner(panel);
    redis = new Redis(url, { maxRetriesPerRequest: null });
    queue = new Queue(QUEUE_NAME, { connection: redis, prefix });
  });
  afterAll(async () => {
    await scheduler?.stop();
    await queue?.obliterate({ force: true }).catch(() => {});
    await queue?.close();
    redis?.disconnect();
    await panel?.close();
  });

  it('registers one job scheduler per configuration in Redis, fires it, follows changes and drops stale ones', async () => {
    // A scheduler left behind by a configuration deleted while no panel was running.
    const stale = `backup:${crypto.randomUUID()}`;
    await queue.upsertJobScheduler(
      stale,
      { pattern: '0 3 * * *' },
      { name: 'backup', data: { configId: stale.slice(7), trigger: 'schedule' } },
    );
    scheduler = await startBackupScheduler(panel.ctx, { prefix });
    expect(scheduler.mode).toBe('bullmq');
    expect(await schedulers()).toEqual([]);

    const id = await createScheduled(owner);
    expect(await schedulers()).toEqual([{ key: `backup:${id}`, pattern: EVERY_SECOND }]);
    const run = await waitForScheduledRun(owner, id);
    expect(run).toMatchObject({ configId: id, trigger: 'schedule', status: 'succeeded' });

    await owner.patch(`/api/backups/configs/${id}`, { schedule: '0 3 * * *' });
    expect(await schedulers()).toEqual([{ key: `backup:${id}`, pattern: '0 3 * * *' }]);
    expect((await owner.delete(`/api/backups/configs/${id}`)).status).toBe(200);
    expect(await schedulers()).toEqual([]);
  });
});

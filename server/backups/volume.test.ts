import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestPanel, createToken, setupOwner, type TestPanel } from '../test/harness.ts';
import { BUSYBOX, cleanupEngine, deployAndWait } from '../test/deploy-helpers.ts';
import { backupRuns } from '../db/schema/backups.ts';
import { inspectContainer } from '../engine/index.ts';
import { backupNow, flipByte, inVolume, removeVolume } from './test-helpers.ts';

/**
 * Volume backups on the real engine: an app with a named volume, data written by a busybox
 * container, a backup, a change, a restore; then damaged backups refused before anything is touched.
 */
const suffix = Math.random().toString(36).slice(2, 8);
const VOLUME = `bkv-data-${suffix}`;
const OTHER_VOLUME = `bkv-copy-${suffix}`;
let panel: TestPanel;
let owner: Client;

const read = (volume = VOLUME) =>
  inVolume(
    panel.ctx.docker,
    volume,
    'cat /volume/state.txt; ls -a /volume | sort | tr "\\n" " "; cat /volume/sub/n.txt',
  );
const liveContainer = async (app: string) => (await (await owner.get(`/api/apps/${app}`)).json()).runtime.container;
const setSha = (id: string, sha256: string) =>
  panel.ctx.db.update(backupRuns).set({ sha256 }).where(eq(backupRuns.id, id));
const sha256Of = (file: string) => execFileSync('sha256sum', [file], { encoding: 'utf8' }).split(' ')[0]!;

beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
  panel = await createTestPanel({ OPENPANEL_BACKUP_HELPER_IMAGE: BUSYBOX }, { jobs: true });
  owner = await setupOwner(panel);
  const apps = [
    [`bkv-app-${suffix}`, VOLUME],
    [`bkv-copy-${suffix}`, OTHER_VOLUME],
  ] as const;
  await Promise.all(
    apps.map(async ([name, volume]) => {
      const res = await owner.post('/api/apps', {
        name,
        source: { type: 'image', image: BUSYBOX },
        command: ['sleep', '3600'],
        volumes: [{ name: volume, target: '/data' }],
      });
      expect(res.status, await res.clone().text()).toBe(201);
      await deployAndWait(owner, name);
    }),
  );
  await inVolume(
    panel.ctx.docker,
    VOLUME,
    'echo v1 > /volume/state.txt && mkdir -p /volume/sub && echo nested > /volume/sub/n.txt && echo hidden > /volume/.dot',
  );
});

afterAll(async () => {
  if (!panel) return;
  await cleanupEngine(panel);
  await removeVolume(panel.ctx.docker, VOLUME);
  await removeVolume(panel.ctx.docker, OTHER_VOLUME);
  await panel.close();
});

describe('volume backups on the real engine', () => {
  const app = `bkv-app-${suffix}`;
  let plain: Record<string, any>;

  it('backs up a volume and restores it after the data changed, with the app stopped around it', async () => {
    plain = await backupNow(owner, { app, kind: 'volume' });
    expect(plain).toMatchObject({
      kind: 'volume',
      status: 'succeeded',
      encrypted: false,
      target: { volume: VOLUME, mountPath: '/data' },
    });
    expect(plain.location.startsWith(`${panel.env.dataDir}/backups/${app}/volume-${VOLUME}/`)).toBe(true);
    expect(sha256Of(plain.location)).toBe(plain.sha256);
    expect(plain.sizeBytes).toBe(fs.statSync(plain.location).size);
    expect(plain.log).toMatch(/Backing up volume .*\n.*Dumped .*\n.*Stored/);

    await inVolume(
      panel.ctx.docker,
      VOLUME,
      'echo v2 > /volume/state.txt && echo new > /volume/new.txt && rm /volume/.dot',
    );
    expect(await read()).toContain('v2');
    const before = await liveContainer(app);

    const res = await owner.post(`/api/backups/${plain.id}/restore`, { app });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = await res.json();
    expect(body.log.join('\n')).toMatch(
      /Checksum, encryption and structure are sound[\s\S]*Stopping[\s\S]*Restored volume[\s\S]*Starting/,
    );
    expect(await read()).toBe('v1\n. .. .dot state.txt sub nested\n');
    const after = await inspectContainer(panel.ctx.docker, before.id);
    expect(after?.running).toBe(true);
    expect(after?.startedAt).not.toBe(before.startedAt); // it was stopped and started again
  });

  it('refuses a backup with a flipped byte before touching the volume or the app', async () => {
    await inVolume(panel.ctx.docker, VOLUME, 'echo v3 > /volume/state.txt');
    const container = await liveContainer(app);
    const original = fs.readFileSync(plain.location);
    flipByte(plain.location);
    const res = await owner.post(`/api/backups/${plain.id}/restore`, { app });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(
      /failed its checksum: sha256 .* instead of the recorded .*changed or damaged.*Nothing was restored/,
    );
    expect(await read()).toContain('v3');
    expect((await inspectContainer(panel.ctx.docker, container.id))?.startedAt).toBe(container.startedAt);
    const [audit] = (await (await owner.get('/api/audit?action=backup.restore')).json()).entries;
    expect(audit).toMatchObject({
      result: 'error',
      targetType: 'app',
      error: expect.stringMatching(/failed its checksum/),
    });

    // A tar cut short, with a checksum that matches it (as if it was recorded that way).
    fs.writeFileSync(plain.location, original.subarray(0, Math.floor(original.length / 2) + 100));
    await setSha(plain.id, sha256Of(plain.location));
    const truncated = await owner.post(`/api/backups/${plain.id}/restore`, { app });
    expect(truncated.status).toBe(422);
    expect((await truncated.json()).error.message).toMatch(/not a complete tar archive/);
    expect(await read()).toContain('v3');
    fs.writeFileSync(plain.location, original);
    await setSha(plain.id, sha256Of(plain.location));
  });

  it('encrypts a backup (OPBK v1), refuses it with a bad tag, and restores the intact one', async () => {
    const enc = await backupNow(owner, { app, kind: 'volume', encrypt: true });
    expect(enc.location).toMatch(/\.tar\.enc$/);
    const stored = fs.readFileSync(enc.location);
    expect(stored.subarray(0, 4).toString()).toBe('OPBK');
    expect(stored.includes(Buffer.from('v3'))).toBe(false);

    await inVolume(panel.ctx.docker, VOLUME, 'echo v4 > /volume/state.txt');
    // Tampered, with the recorded checksum rewritten too: only the encryption tag can tell.
    flipByte(enc.location, stored.length - 40);
    await setSha(enc.id, sha256Of(enc.location));
    const res = await owner.post(`/api/backups/${enc.id}/restore`, { app });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(
      /failed its encryption check \(bad authentication tag in record \d+\).*another panel key.*Nothing was restored/,
    );
    expect(await read()).toContain('v4');

    fs.writeFileSync(enc.location, stored);
    await setSha(enc.id, enc.sha256);
    expect((await owner.post(`/api/backups/${enc.id}/restore`, { app })).status).toBe(200);
    expect(await read()).toContain('v3');
  });

  it('restores into another app through an approval when an agent asks, into the volume at the same path', async () => {
    const agent = Client.withToken(panel, await createToken(owner, { kind: 'agent', scopes: ['read', 'write'] }));
    // The REST route and /api/tools both go through the gate: an agent's restore waits for a person.
    const viaRest = await agent.post(`/api/backups/${plain.id}/restore`, { app: `bkv-copy-${suffix}` });
    expect(viaRest.status).toBe(202);
    expect(await viaRest.json()).toMatchObject({ status: 'pending', action: { tool: 'restore_backup' } });
    const requested = await (
      await agent.post('/api/tools/restore_backup', { backup: plain.id, app: `bkv-copy-${suffix}` })
    ).json();
    expect(requested).toMatchObject({
      status: 'pending',
      action: { tool: 'restore_backup', risk: 'destructive', target: { type: 'app', name: `bkv-copy-${suffix}` } },
    });
    expect(await inVolume(panel.ctx.docker, OTHER_VOLUME, 'ls /volume | wc -l')).toBe('0\n');

    const approved = await (await owner.post(`/api/actions/${requested.action.id}/approve`, {})).json();
    expect(approved.status, JSON.stringify(approved)).toBe('succeeded');
    expect(approved.result.text).toMatch(/Restored backup .* into bkv-copy-/);
    expect(await read(OTHER_VOLUME)).toBe('v1\n. .. .dot state.txt sub nested\n');
  });

  it('deletes a backup file and keeps it in the history as deleted', async () => {
    const res = await owner.delete(`/api/backups/${plain.id}?app=${app}`);
    expect(res.status).toBe(200);
    expect(fs.existsSync(plain.location)).toBe(false);
    expect((await (await owner.get(`/api/backups/${plain.id}`)).json()).backup.status).toBe('deleted');
    expect((await owner.post(`/api/backups/${plain.id}/restore`, { app })).status).toBe(410);
  });
});

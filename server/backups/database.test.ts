import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';
import { cleanupEngine, deployAndWait } from '../test/deploy-helpers.ts';
import { backupRuns } from '../db/schema/backups.ts';
import { execInContainer } from '../engine/exec.ts';
import { createAndStartContainer, inspectContainer, removeContainer } from '../engine/index.ts';
import { dumpPostgresUrl } from './panel-db.ts';
import { POSTGRES_IMAGE, REDIS_IMAGE, backupNow, ensureDatabaseImage, waitForBackup } from './test-helpers.ts';

/**
 * Database dumps through the engine's exec API, against real Postgres 15 and Redis 7 built
 * locally from Debian packages: rows are created, backed up, changed, restored, and are back.
 */
const suffix = Math.random().toString(36).slice(2, 8);
const PG_APP = `bkd-pg-${suffix}`;
const REDIS_APP = `bkd-redis-${suffix}`;
let panel: TestPanel;
let owner: Client;

async function containerOf(app: string): Promise<string> {
  return (await (await owner.get(`/api/apps/${app}`)).json()).runtime.container.id;
}

async function sh(app: string, cmd: string[]): Promise<string> {
  const result = await execInContainer(panel.ctx.docker, await containerOf(app), { cmd });
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout.trim();
}

const psql = (sql: string) => sh(PG_APP, ['psql', '-U', 'postgres', '-At', '-v', 'ON_ERROR_STOP=1', '-c', sql]);
const redis = (...args: string[]) => sh(REDIS_APP, ['redis-cli', '--raw', ...args]);

beforeAll(async () => {
  panel = await createTestPanel({}, { jobs: true });
  owner = await setupOwner(panel);
  await Promise.all([
    ensureDatabaseImage(panel.ctx.docker, POSTGRES_IMAGE),
    ensureDatabaseImage(panel.ctx.docker, REDIS_IMAGE),
  ]);
  await Promise.all(
    [
      { name: PG_APP, source: { type: 'image', image: POSTGRES_IMAGE }, port: 5432, healthCheck: { type: 'tcp' } },
      { name: REDIS_APP, source: { type: 'image', image: REDIS_IMAGE }, port: 6379, healthCheck: { type: 'tcp' } },
    ].map(async (spec) => {
      const res = await owner.post('/api/apps', spec);
      expect(res.status, await res.clone().text()).toBe(201);
      await deployAndWait(owner, spec.name);
    }),
  );
}, 240_000);

afterAll(async () => {
  if (!panel) return;
  await cleanupEngine(panel);
  await panel.close();
});

describe('database backups on the real engine', () => {
  it('round-trips real Postgres rows: dump, change, restore', async () => {
    await psql(
      "create table items (id int primary key, name text not null); insert into items values (1, 'alpha'), (2, 'beta'), (3, 'gamma')",
    );
    const backup = await backupNow(owner, { app: PG_APP, kind: 'postgres' });
    expect(backup).toMatchObject({ kind: 'postgres', target: { user: 'postgres', database: 'postgres' } });
    const dump = fs.readFileSync(backup.location, 'utf8');
    expect(dump).toContain('CREATE TABLE public.items');
    expect(dump.slice(-300)).toContain('-- PostgreSQL database dump complete'); // newer pg_dump adds \unrestrict after it

    await psql(
      "delete from items where id = 1; update items set name = 'changed' where id = 2; insert into items values (4, 'extra')",
    );
    expect(await psql('select id, name from items order by id')).toBe('2|changed\n3|gamma\n4|extra');

    // A dump cut short is refused (its closing line is missing), and the rows stay as they are.
    const original = fs.readFileSync(backup.location);
    fs.writeFileSync(backup.location, original.subarray(0, original.length - 200));
    const sha = execFileSync('sha256sum', [backup.location], { encoding: 'utf8' }).split(' ')[0]!;
    await panel.ctx.db.update(backupRuns).set({ sha256: sha }).where(eq(backupRuns.id, backup.id));
    const refused = await owner.post(`/api/backups/${backup.id}/restore`, { app: PG_APP });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/not a complete pg_dump output/);
    expect(await psql('select count(*) from items')).toBe('3');
    fs.writeFileSync(backup.location, original);
    await panel.ctx.db.update(backupRuns).set({ sha256: backup.sha256 }).where(eq(backupRuns.id, backup.id));

    const res = await owner.post(`/api/backups/${backup.id}/restore`, { app: PG_APP });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await psql('select id, name from items order by id')).toBe('1|alpha\n2|beta\n3|gamma');
  });

  it('round-trips Redis keys through an encrypted RDB backup, made and restored with the tools', async () => {
    await redis('SET', 'k1', 'v1');
    await redis('SET', 'k2', 'v2');
    await redis('RPUSH', 'queue', 'a', 'b', 'c');
    const made = await (
      await owner.post('/api/tools/create_backup', { app: REDIS_APP, kind: 'redis', encrypt: true })
    ).json();
    expect(made.status, JSON.stringify(made)).toBe('done');
    const backup = await waitForBackup(owner, made.data.backup.id);
    expect(backup).toMatchObject({ kind: 'redis', encrypted: true });
    expect(fs.readFileSync(backup.location).subarray(0, 4).toString()).toBe('OPBK');

    await redis('DEL', 'k1');
    await redis('SET', 'k2', 'changed');
    await redis('SET', 'k3', 'new');
    const restored = await (
      await owner.post('/api/tools/restore_backup', { backup: backup.id, app: REDIS_APP })
    ).json();
    expect(restored.status, JSON.stringify(restored)).toBe('done');
    expect(restored.text).toMatch(/Replacing \/data\/dump\.rdb/);
    expect(await redis('GET', 'k1')).toBe('v1');
    expect(await redis('GET', 'k2')).toBe('v2');
    expect(await redis('EXISTS', 'k3')).toBe('0');
    expect(await redis('LRANGE', 'queue', '0', '-1')).toBe('a\nb\nc');
  });

  it("dumps a PostgreSQL panel database with the host's pg_dump, the password kept off the command line", async () => {
    const server = await createAndStartContainer(panel.ctx.docker, {
      name: `bkd-panelpg-${suffix}`,
      image: POSTGRES_IMAGE,
    });
    try {
      for (
        let i = 0;
        (await execInContainer(panel.ctx.docker, server.id, { cmd: ['pg_isready', '-q'] })).exitCode !== 0;
        i++
      ) {
        if (i > 100) throw new Error('postgres did not become ready');
        await new Promise((r) => setTimeout(r, 100));
      }
      const password = 'p@ss w/rd:1';
      const setup = `ALTER USER postgres PASSWORD '${password}'; CREATE TABLE panel_rows (email text); INSERT INTO panel_rows VALUES ('owner@example.com')`;
      expect(
        (await execInContainer(panel.ctx.docker, server.id, { cmd: ['psql', '-v', 'ON_ERROR_STOP=1', '-c', setup] }))
          .exitCode,
      ).toBe(0);
      const ip = (await inspectContainer(panel.ctx.docker, server.id))!.ip;
      const dump = async (pw: string) => {
        const chunks: Buffer[] = [];
        await dumpPostgresUrl(
          `postgres://postgres:${encodeURIComponent(pw)}@${ip}:5432/postgres`,
          new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) }),
        );
        return Buffer.concat(chunks).toString('utf8');
      };
      const sql = await dump(password);
      expect(sql).toContain('CREATE TABLE public.panel_rows');
      expect(sql).toContain('owner@example.com');
      await expect(dump('wrong')).rejects.toThrow(
        /pg_dump of the panel database failed \(exit code 1\): .*password authentication failed/,
      );
    } finally {
      await removeContainer(panel.ctx.docker, server.id, { force: true });
    }
  });

  it('fails a dump clearly when the app is not running, and records it with its log', async () => {
    await owner.post(`/api/apps/${REDIS_APP}/stop`);
    const res = await owner.post('/api/backups', { app: REDIS_APP, kind: 'redis' });
    const failed = await waitForBackup(owner, (await res.json()).backup.id, ['failed']);
    expect(failed.error).toMatch(/has no running container.*Deploy or start the app first/);
    expect(failed.log).toMatch(/Failed: /);
  });
});

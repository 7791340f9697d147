import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestPanel, createToken, setupOwner, userWithRole, type TestPanel } from '../test/harness.ts';
import { waitForBackup } from '../backups/test-helpers.ts';

/** Who may do what with backups over REST and through the tools; the panel database is the subject. */
let panel: TestPanel;
let owner: Client;
let operator: Client;
let viewer: Client;
let agent: Client;

beforeAll(async () => {
  panel = await createTestPanel({}, { jobs: true });
  owner = await setupOwner(panel);
  operator = await userWithRole(panel, owner, 'operator');
  viewer = await userWithRole(panel, owner, 'viewer');
  agent = Client.withToken(panel, await createToken(owner, { kind: 'agent', scopes: ['read', 'write'] }));
});
afterAll(async () => panel?.close());

describe('backup routes', () => {
  let backupId: string;

  it('lets people with write back up now, and only admins restore or delete', async () => {
    const res = await operator.post('/api/backups', { kind: 'panel' });
    expect(res.status, await res.clone().text()).toBe(202);
    const { backup } = await res.json();
    expect(backup).toMatchObject({ kind: 'panel', status: 'queued', trigger: 'manual' });
    expect(backup).not.toHaveProperty('log');
    backupId = (await waitForBackup(operator, backup.id)).id;

    expect((await viewer.get('/api/backups')).status).toBe(200);
    expect((await viewer.post('/api/backups', { kind: 'panel' })).status).toBe(403);
    expect((await viewer.post('/api/backups/configs', { kind: 'panel' })).status).toBe(403);
    expect((await operator.delete(`/api/backups/${backupId}`)).status).toBe(403);
    // Restoring needs the app to restore into: checked before anything else.
    expect((await operator.post(`/api/backups/${backupId}/restore`, {})).status).toBe(422);
    const listed = await (await viewer.get('/api/backups')).json();
    expect(listed.backups.map((b: { id: string }) => b.id)).toEqual([backupId]);
    const audit = await (await owner.get('/api/audit?action=backup.')).json();
    expect(audit.entries.map((e: { action: string; actorLabel: string }) => `${e.action} ${e.actorLabel}`)).toContain(
      'backup.create operator@example.com',
    );
  });

  it('makes an agent’s changes wait for a person, over REST and the tools alike', async () => {
    for (const res of [
      await agent.post('/api/backups', { kind: 'panel' }),
      await agent.post('/api/backups/configs', { kind: 'panel' }),
      await agent.delete(`/api/backups/${backupId}`),
    ]) {
      expect(res.status).toBe(202);
      expect((await res.json()).status).toBe('pending');
    }

    const listed = await (await agent.post('/api/tools/list_backups', {})).json();
    expect(listed.status).toBe('done');
    expect(listed.text).toContain(backupId);
    const made = await (await agent.post('/api/tools/create_backup', { kind: 'panel' })).json();
    expect(made).toMatchObject({ status: 'pending', action: { tool: 'create_backup', risk: 'write' } });
    const deleting = await (await agent.post('/api/tools/delete_backup', { backup: backupId })).json();
    expect(deleting).toMatchObject({
      status: 'pending',
      action: { tool: 'delete_backup', risk: 'destructive', summary: `Delete backup ${backupId}` },
    });
    const rejected = await (
      await owner.post(`/api/actions/${deleting.action.id}/reject`, { reason: 'keep it' })
    ).json();
    expect(rejected.status).toBe('rejected');
    expect((await (await owner.get(`/api/backups/${backupId}`)).json()).backup.status).toBe('succeeded');

    const approved = await (await owner.post(`/api/actions/${made.action.id}/approve`, {})).json();
    expect(approved.status, JSON.stringify(approved)).toBe('succeeded');
    const second = await waitForBackup(owner, approved.result.data.backup.id);

    // A person calling the tool directly runs it; a panel backup takes no app.
    const wrongApp = await (await owner.post('/api/tools/delete_backup', { backup: second.id, app: 'api' })).json();
    expect(wrongApp.status).toBe('failed');
    const deleted = await (await owner.post('/api/tools/delete_backup', { backup: second.id })).json();
    expect(deleted).toMatchObject({ status: 'done', data: { backup: { id: second.id, status: 'deleted' } } });
  });

  it('says what is wrong with a request', async () => {
    const fields = async (res: Response) =>
      ((await res.json()).error.fields ?? []).map((f: { path: string; message: string }) => `${f.path}: ${f.message}`);
    expect(await fields(await owner.post('/api/backups', {}))).toEqual(['kind: give configId, or kind (and app)']);
    expect(await fields(await owner.post('/api/backups', { kind: 'volume' }))).toEqual([
      'app: a volume backup needs the app',
    ]);
    expect(await fields(await owner.post('/api/backups', { kind: 'panel', app: 'api' }))).toEqual([
      'app: a panel backup belongs to no app; leave app out',
    ]);
    expect(
      await fields(
        await owner.post('/api/backups/configs', {
          kind: 'panel',
          destination: { type: 'local', path: 'relative/dir' },
        }),
      ),
    ).toEqual(['destination.path: expected an absolute folder path without ".."']);
    const missingApp = await owner.post('/api/backups', { kind: 'volume', app: 'no-such-app' });
    expect(missingApp.status).toBe(404);
    expect((await owner.get('/api/backups/not-an-id')).status).toBe(422);
    expect((await owner.get(`/api/backups/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await owner.post(`/api/backups/configs`, { kind: 'panel', keepLast: 0 })).status).toBe(422);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await (await owner.get('/api/openapi.json')).json();
    for (const p of [
      '/api/backups',
      '/api/backups/{backup}',
      '/api/backups/{backup}/restore',
      '/api/backups/configs',
      '/api/backups/configs/{config}',
    ])
      expect(doc.paths, p).toHaveProperty([p]);
    expect(Object.keys(doc.paths['/api/backups/{backup}']).sort()).toEqual(['delete', 'get']);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { settings } from '../db/schema/settings.ts';
import { auditLog } from '../db/schema/audit-log.ts';
import { readSetting } from '../services/settings.ts';
import { redact } from '../audit.ts';
import { Client, createTestPanel, createToken, setupOwner, userWithRole, type TestPanel } from '../test/harness.ts';

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(() => panel.reset());

const CANARY = 'sk-canary-4242-do-not-leak';

describe('secret settings', () => {
  it('are encrypted at rest and never returned', async () => {
    const owner = await setupOwner(panel);
    const put = await owner.put('/api/settings/providers.gemini.api_key', { value: CANARY, secret: true });
    expect(put.status).toBe(200);
    expect(await put.json()).toMatchObject({ key: 'providers.gemini.api_key', secret: true, value: null, isSet: true });
    const raw = await panel.ctx.db.select().from(settings);
    expect(JSON.stringify(raw)).not.toContain(CANARY);
    expect(raw[0]!.encryptedValue).toMatch(/^v1:/);
    const listed = await (await owner.get('/api/settings')).text();
    expect(listed).not.toContain(CANARY);
    const audit = await panel.ctx.db.select().from(auditLog);
    expect(JSON.stringify(audit)).not.toContain(CANARY);
    expect(await readSetting(panel.ctx.db, panel.ctx.secrets, 'providers.gemini.api_key')).toBe(CANARY);
  });

  it('plain settings round-trip, and bad keys get a 422 naming the field', async () => {
    const owner = await setupOwner(panel);
    await owner.put('/api/settings/site.name', { value: 'My panel' });
    const listed = await (await owner.get('/api/settings')).json();
    expect(listed.settings).toEqual([expect.objectContaining({ key: 'site.name', value: 'My panel', secret: false })]);
    const bad = await owner.put('/api/settings/Bad Key!', { value: 'x' });
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error.fields[0].path).toBe('key');
    expect((await owner.delete('/api/settings/nope')).status).toBe(404);
  });
});

describe('audit log', () => {
  it('records who did what to which target, with redacted input', async () => {
    const owner = await setupOwner(panel);
    await owner.post('/api/users', { email: 'v@example.com', password: 'viewer password', role: 'viewer' });
    await owner.put('/api/settings/providers.groq.api_key', { value: CANARY, secret: true });
    const token = await createToken(owner, { name: 'deploy bot', kind: 'agent', scopes: ['read'] });
    await Client.withToken(panel, token).get('/api/tokens');

    const { entries } = await (await owner.get('/api/audit')).json();
    const actions = entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['setup.owner', 'user.create', 'setting.put', 'token.create']));
    const userCreate = entries.find((e: { action: string }) => e.action === 'user.create');
    expect(userCreate).toMatchObject({
      actorType: 'user',
      actorLabel: 'owner@example.com',
      targetType: 'user',
      result: 'ok',
    });
    expect(userCreate.input).toEqual({ email: 'v@example.com', role: 'viewer' });
    expect(JSON.stringify(entries)).not.toContain('viewer password');
    expect(JSON.stringify(entries)).not.toContain(CANARY);
    expect(userCreate.requestId).toBeTruthy();
  });

  it('records failed and denied attempts', async () => {
    const owner = await setupOwner(panel);
    await new Client(panel).login('owner@example.com', 'wrong password!!');
    await owner.post('/api/users', { email: 'owner@example.com', password: 'duplicate user', role: 'viewer' });
    const { entries } = await (await owner.get('/api/audit?result=denied')).json();
    expect(entries).toEqual([expect.objectContaining({ action: 'auth.login', result: 'denied' })]);
  });

  it('filters by action prefix, actor, result and time, and pages', async () => {
    const owner = await setupOwner(panel);
    for (const r of ['viewer', 'operator'])
      await owner.post('/api/users', { email: `${r}@example.com`, password: 'long enough password', role: r });
    await owner.put('/api/settings/a', { value: '1' });
    const { user } = await (await owner.get('/api/auth/me')).json();

    const usersOnly = await (await owner.get('/api/audit?action=user.')).json();
    expect(usersOnly.entries.map((e: { action: string }) => e.action)).toEqual(['user.create', 'user.create']);
    const byActor = await (await owner.get(`/api/audit?actorId=${user.id}&action=setting.put`)).json();
    expect(byActor.entries).toHaveLength(1);
    const future = await (await owner.get(`/api/audit?since=${new Date(Date.now() + 60_000).toISOString()}`)).json();
    expect(future.entries).toHaveLength(0);
    const page1 = await (await owner.get('/api/audit?limit=2')).json();
    expect(page1.entries).toHaveLength(2);
    const page2 = await (await owner.get(`/api/audit?limit=2&before=${page1.nextBefore}`)).json();
    expect(page2.entries[0].id).toBeLessThan(page1.entries[1].id);
    const bad = await owner.get('/api/audit?since=yesterday-ish&limit=9999');
    expect(bad.status).toBe(422);
    const fields = (await bad.json()).error.fields.map((f: { path: string }) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['since', 'limit']));
  });

  it('is admin-only', async () => {
    const owner = await setupOwner(panel);
    const operator = await userWithRole(panel, owner, 'operator');
    expect((await operator.get('/api/audit')).status).toBe(403);
  });
});

describe('redact', () => {
  it('removes credentials from URLs', () => {
    expect(
      redact({ source: { url: 'https://ghp_secret123@github.com/acme/api.git' }, other: 'ssh://git@host/x' }),
    ).toEqual({
      source: { url: 'https://[redacted]@github.com/acme/api.git' },
      other: 'ssh://[redacted]@host/x',
    });
  });

  it('masks sensitive keys at any depth', () => {
    expect(
      redact({
        name: 'a',
        password: 'p',
        nested: { apiKey: 'k', list: [{ token: 't', ok: 1 }] },
        vars: { DB_URL: 'x' },
        values: { A: 'secret' },
        env: { TOKEN: 't' },
      }),
    ).toEqual({
      name: 'a',
      password: '[redacted]',
      nested: { apiKey: '[redacted]', list: [{ token: '[redacted]', ok: 1 }] },
      vars: { DB_URL: '[redacted]' },
      values: '[redacted]',
      env: { TOKEN: '[redacted]' },
    });
  });
});

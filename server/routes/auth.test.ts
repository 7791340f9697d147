import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, OWNER, createTestPanel, setupOwner, type TestPanel } from '../test/harness.ts';
import { sessions } from '../db/schema/sessions.ts';
import { users } from '../db/schema/users.ts';
import { bumpVersion } from '../services/versions.ts';

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel({ OPENPANEL_LOGIN_RATE_LIMIT: '5' });
});
afterAll(() => panel.close());
beforeEach(() => panel.reset());

describe('first-run setup', () => {
  it('is offered only while no user exists', async () => {
    const anon = new Client(panel);
    expect(await (await anon.get('/api/setup')).json()).toEqual({ needed: true });
    const owner = await setupOwner(panel);
    const me = await (await owner.get('/api/auth/me')).json();
    expect(me.user).toMatchObject({ email: OWNER.email, role: 'owner' });
    expect(await (await anon.get('/api/setup')).json()).toEqual({ needed: false });
    const again = await new Client(panel).post('/api/setup', {
      email: 'intruder@example.com',
      password: 'long enough password',
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already done/);
    expect(await panel.ctx.db.select().from(users)).toHaveLength(1);
  });

  it('creates exactly one owner when setups race', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        new Client(panel).post('/api/setup', { email: `racer${i}@example.com`, password: 'long enough password' }),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(4);
    expect(await panel.ctx.db.select().from(users)).toHaveLength(1);
  });

  it('refuses a short password with a 422 that says what to fix', async () => {
    const res = await new Client(panel).post('/api/setup', { email: 'a@example.com', password: 'short' });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/at least 12 characters/);
  });
});

describe('login and sessions', () => {
  it('logs in with an httpOnly SameSite cookie and stores only a hash of it', async () => {
    await setupOwner(panel);
    const client = new Client(panel);
    const res = await client.login(OWNER.email, OWNER.password);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/op_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const value = client.cookie!.split('=')[1]!;
    const rows = await panel.ctx.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === value)).toBe(false);
    expect((await client.get('/api/auth/me')).status).toBe(200);
  });

  it('rejects wrong passwords and unknown e-mails alike', async () => {
    await setupOwner(panel);
    const wrong = await new Client(panel).login(OWNER.email, 'not the password');
    const unknown = await new Client(panel).login('nobody@example.com', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
  });

  it('logout ends the session at once, even for a copied cookie', async () => {
    await setupOwner(panel);
    const client = new Client(panel);
    await client.login(OWNER.email, OWNER.password);
    const stolen = new Client(panel);
    stolen.cookie = client.cookie;
    expect((await stolen.get('/api/auth/me')).status).toBe(200);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await stolen.get('/api/auth/me')).status).toBe(401);
  });

  it('an expired session is refused', async () => {
    await setupOwner(panel);
    const client = new Client(panel);
    await client.login(OWNER.email, OWNER.password);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    await panel.ctx.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    // Lookups are cached: a change made behind the services' back must bump, as theirs do.
    await bumpVersion(panel.ctx.db, 'auth');
    const res = await client.get('/api/auth/me');
    expect(res.status).toBe(401);
  });

  it('needs the CSRF header for changes made with the cookie', async () => {
    const owner = await setupOwner(panel);
    const noHeader = await owner.request(
      'POST',
      '/api/tokens',
      { name: 'x', kind: 'human', scopes: ['read'] },
      { 'x-csrf-token': '' },
    );
    expect(noHeader.status).toBe(403);
    expect((await noHeader.json()).error.type).toBe('auth:csrf');
    const wrong = await owner.request(
      'POST',
      '/api/tokens',
      { name: 'x', kind: 'human', scopes: ['read'] },
      { 'x-csrf-token': 'forged' },
    );
    expect(wrong.status).toBe(403);
    const right = await owner.post('/api/tokens', { name: 'x', kind: 'human', scopes: ['read'] });
    expect(right.status).toBe(201);
  });

  it('rate-limits login attempts per client', async () => {
    await setupOwner(panel);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await new Client(panel).login(OWNER.email, 'wrong password!!')).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await new Client(panel).login(OWNER.email, OWNER.password);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.message).toMatch(/Too many login attempts/);
    expect(limited.headers.get('ratelimit-policy') ?? limited.headers.get('ratelimit')).toBeTruthy();
  });

  it('deleting a user ends their sessions', async () => {
    const owner = await setupOwner(panel);
    await owner.post('/api/users', { email: 'op@example.com', password: 'operator password', role: 'operator' });
    const op = new Client(panel);
    await op.login('op@example.com', 'operator password');
    expect((await op.get('/api/auth/me')).status).toBe(200);
    const [row] = await panel.ctx.db.select().from(users).where(eq(users.email, 'op@example.com'));
    expect((await owner.delete(`/api/users/${row!.id}`)).status).toBe(204);
    expect((await op.get('/api/auth/me')).status).toBe(401);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import { createApp } from '../app.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import { apiTokens } from '../db/schema/api-tokens.ts';
import { Client, createTestPanel, createToken, setupOwner, userWithRole, type TestPanel } from '../test/harness.ts';
import { flushTokenUsage, noteTokenUse } from './auth-cache.ts';
import { bumpVersion } from './versions.ts';

/**
 * Two AppContexts on one database, as two panel processes would be: each has its own drizzle
 * handle and so its own auth cache; only the database (and its 'auth' version) is shared.
 */
let panel: TestPanel;
let other: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
  const client = (panel.ctx.db as unknown as { $client: PGlite }).$client;
  const db = drizzle({ client, schema, casing: 'snake_case' }) as unknown as Database;
  const ctx: AppContext = { ...panel.ctx, db };
  other = { ...panel, ctx, app: createApp(ctx) };
});
afterAll(() => panel.close());
beforeEach(() => panel.reset());

/** The same credentials, sent to the other process. */
function elsewhere(client: Client): Client {
  const copy = new Client(other);
  Object.assign(copy, { cookie: client.cookie, csrf: client.csrf, bearer: client.bearer });
  return copy;
}

async function tokenId(owner: Client): Promise<string> {
  const { tokens } = (await (await owner.get('/api/tokens')).json()) as { tokens: { id: string }[] };
  return tokens[0]!.id;
}

async function userId(owner: Client, email: string): Promise<string> {
  const { users } = (await (await owner.get('/api/users')).json()) as { users: { id: string; email: string }[] };
  return users.find((u) => u.email === email)!.id;
}

describe('cached token and session lookups', () => {
  it('serve from memory until the auth version moves', async () => {
    const owner = await setupOwner(panel);
    const token = elsewhere(Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read'] })));
    expect((await token.get('/api/auth/me')).status).toBe(200);
    // A change behind the cache's back (no bump) is not seen: the lookup came from memory.
    await panel.ctx.db.update(apiTokens).set({ revokedAt: new Date() });
    expect((await token.get('/api/auth/me')).status).toBe(200);
    await bumpVersion(panel.ctx.db, 'auth');
    expect((await token.get('/api/auth/me')).status).toBe(401);
  });

  it('refuse a token revoked in another process on the very next request', async () => {
    const owner = await setupOwner(panel);
    const token = elsewhere(Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read'] })));
    expect((await token.get('/api/auth/me')).status).toBe(200);
    expect((await owner.delete(`/api/tokens/${await tokenId(owner)}`)).status).toBe(204);
    const refused = await token.get('/api/auth/me');
    expect(refused.status).toBe(401);
    expect((await refused.json()).error.message).toMatch(/expired or revoked/);
  });

  it('end a session logged out in another process on the very next request', async () => {
    const owner = await setupOwner(panel);
    const there = elsewhere(owner);
    expect((await there.get('/api/auth/me')).status).toBe(200);
    expect((await owner.post('/api/auth/logout')).status).toBe(204);
    expect((await there.get('/api/auth/me')).status).toBe(401);
  });

  it('apply a role change made in another process on the very next request', async () => {
    const owner = await setupOwner(panel);
    const operator = await userWithRole(panel, owner, 'operator');
    const operatorToken = elsewhere(
      Client.withToken(panel, await createToken(operator, { kind: 'human', scopes: ['read', 'write'] })),
    );
    const there = elsewhere(operator);
    // Scopes come from the role the cached lookup carries (the user itself is re-read by /me).
    expect((await (await there.get('/api/auth/me')).json()).scopes).toContain('write');
    expect((await (await operatorToken.get('/api/auth/me')).json()).scopes).toContain('write');
    const id = await userId(owner, 'operator@example.com');
    expect((await owner.patch(`/api/users/${id}`, { role: 'viewer' })).status).toBe(200);
    expect((await (await there.get('/api/auth/me')).json()).scopes).not.toContain('write');
    expect((await (await operatorToken.get('/api/auth/me')).json()).scopes).not.toContain('write');
  });

  it('refuse the credentials of a user deleted in another process', async () => {
    const owner = await setupOwner(panel);
    const admin = await userWithRole(panel, owner, 'admin');
    const token = elsewhere(Client.withToken(panel, await createToken(admin, { kind: 'human', scopes: ['read'] })));
    const session = elsewhere(admin);
    expect((await token.get('/api/auth/me')).status).toBe(200);
    expect((await session.get('/api/auth/me')).status).toBe(200);
    expect((await owner.delete(`/api/users/${await userId(owner, 'admin@example.com')}`)).status).toBe(204);
    expect((await token.get('/api/auth/me')).status).toBe(401);
    expect((await session.get('/api/auth/me')).status).toBe(401);
  });
});

describe('token last_used_at', () => {
  it('is written in a batch, not on the request path', async () => {
    const owner = await setupOwner(panel);
    const token = elsewhere(Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read'] })));
    const before = new Date();
    expect((await token.get('/api/auth/me')).status).toBe(200);
    const lastUsed = async () => (await panel.ctx.db.select().from(apiTokens))[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await flushTokenUsage(other.ctx.db);
    expect((await lastUsed())!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
  });

  it('keeps the newest time whatever order processes flush in', async () => {
    const owner = await setupOwner(panel);
    await createToken(owner, { kind: 'human', scopes: ['read'] });
    const id = await tokenId(owner);
    const newer = new Date('2030-01-02T00:00:00Z');
    noteTokenUse(panel.ctx.db, id, newer);
    await flushTokenUsage(panel.ctx.db);
    noteTokenUse(other.ctx.db, id, new Date('2030-01-01T00:00:00Z'));
    await flushTokenUsage(other.ctx.db);
    const [row] = await panel.ctx.db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(row!.lastUsedAt).toEqual(newer);
  });

  it('is written when the context closes', async () => {
    const owner = await setupOwner(panel);
    await createToken(owner, { kind: 'human', scopes: ['read'] });
    noteTokenUse(other.ctx.db, await tokenId(owner));
    // closeContext flushes before closing the database; this checks that one step.
    const { closeContext } = await import('../context.ts');
    const closing = { ...other.ctx, jobs: { close: async () => {} }, database: { close: async () => {} } };
    await closeContext(closing as unknown as AppContext);
    const rows = await panel.ctx.db.execute(sql`select last_used_at from api_tokens where last_used_at is not null`);
    expect((rows as unknown as { rows: unknown[] }).rows).toHaveLength(1);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apiTokens } from '../db/schema/api-tokens.ts';
import { Client, createTestPanel, createToken, setupOwner, userWithRole, type TestPanel } from '../test/harness.ts';

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(() => panel.reset());

describe('API tokens', () => {
  it('are shown once and stored only as a hash', async () => {
    const owner = await setupOwner(panel);
    const res = await owner.post('/api/tokens', { name: 'ci', kind: 'human', scopes: ['read', 'write'] });
    expect(res.status).toBe(201);
    const { token, record } = await res.json();
    expect(token).toMatch(/^op_/);
    expect(record).not.toHaveProperty('tokenHash');
    const rows = await panel.ctx.db.select().from(apiTokens);
    expect(JSON.stringify(rows)).not.toContain(token);
    const listed = await (await owner.get('/api/tokens')).json();
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(listed.tokens[0]).toMatchObject({
      name: 'ci',
      kind: 'human',
      scopes: ['read', 'write'],
      prefix: token.slice(0, 10),
    });
  });

  it('act with their scopes only', async () => {
    const owner = await setupOwner(panel);
    const readOnly = Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read'] }));
    expect((await readOnly.get('/api/auth/me')).status).toBe(200);
    expect((await readOnly.get('/api/tokens')).status).toBe(200);
    const denied = await readOnly.get('/api/users');
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toMatch(/needs the "admin" permission, which this token does not have/);
    const adminToken = Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read', 'admin'] }));
    expect((await adminToken.get('/api/users')).status).toBe(200);
  });

  it('need no CSRF header (they are not ambient credentials)', async () => {
    const owner = await setupOwner(panel);
    const human = Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read'] }));
    expect((await human.post('/api/tokens', { name: 'child', kind: 'human', scopes: ['read'] })).status).toBe(201);
  });

  it('of kind agent can never hold approve, nor mint tokens', async () => {
    const owner = await setupOwner(panel);
    const refused = await owner.post('/api/tokens', { name: 'cursor', kind: 'agent', scopes: ['read', 'approve'] });
    expect(refused.status).toBe(422);
    expect((await refused.json()).error.message).toMatch(/cannot have the approve scope/);
    const agent = Client.withToken(panel, await createToken(owner, { kind: 'agent', scopes: ['read', 'write'] }));
    // Without an owner's explicit opt-in, an agent's writes are approved in the panel only.
    const rows = await panel.ctx.db.select().from(apiTokens);
    expect(rows.find((r) => r.kind === 'agent')?.requirePanelApproval).toBe(true);
    const me = await (await agent.get('/api/auth/me')).json();
    expect(me).toMatchObject({ via: 'token', tokenKind: 'agent', scopes: ['read', 'write'] });
    const mint = await agent.post('/api/tokens', { name: 'escalate', kind: 'human', scopes: ['read'] });
    expect(mint.status).toBe(403);
  });

  it('cannot grant more than the role or the caller holds', async () => {
    const owner = await setupOwner(panel);
    const viewer = await userWithRole(panel, owner, 'viewer');
    const tooMuch = await viewer.post('/api/tokens', { name: 'x', kind: 'human', scopes: ['read', 'write'] });
    expect(tooMuch.status).toBe(403);
    expect((await tooMuch.json()).error.message).toMatch(/viewer role cannot hold the scopes: write/);
    const narrow = Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read'] }));
    const escalate = await narrow.post('/api/tokens', { name: 'x', kind: 'human', scopes: ['admin'] });
    expect(escalate.status).toBe(403);
    expect((await escalate.json()).error.message).toMatch(/do not hold: admin/);
  });

  it('stop working at once when revoked', async () => {
    const owner = await setupOwner(panel);
    const res = await owner.post('/api/tokens', { name: 'ci', kind: 'human', scopes: ['read'] });
    const { token, record } = await res.json();
    const client = Client.withToken(panel, token);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    expect((await owner.delete(`/api/tokens/${record.id}`)).status).toBe(204);
    const after = await client.get('/api/auth/me');
    expect(after.status).toBe(401);
    expect((await after.json()).error.message).toMatch(/expired or revoked/);
  });

  it('cannot be revoked by another non-admin user', async () => {
    const owner = await setupOwner(panel);
    const opA = await userWithRole(panel, owner, 'operator', 'a@example.com');
    const opB = await userWithRole(panel, owner, 'operator', 'b@example.com');
    const { record } = await (await opA.post('/api/tokens', { name: 'a', kind: 'human', scopes: ['read'] })).json();
    expect((await opB.delete(`/api/tokens/${record.id}`)).status).toBe(404);
    expect((await owner.delete(`/api/tokens/${record.id}`)).status).toBe(204);
  });

  it('refuse garbage bearer values with 401, never 500', async () => {
    await setupOwner(panel);
    for (const value of ['Bearer', 'Bearer op_', 'Bearer op_nothing', 'Basic abc', `Bearer ${'x'.repeat(5000)}`]) {
      const res = await panel.app.request('/api/auth/me', { headers: { authorization: value } });
      expect(res.status, value.slice(0, 20)).toBe(401);
    }
  });

  it('expire', async () => {
    const owner = await setupOwner(panel);
    const token = await createToken(owner, { kind: 'human', scopes: ['read'] });
    await panel.ctx.db.update(apiTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await Client.withToken(panel, token).get('/api/auth/me')).status).toBe(401);
  });
});

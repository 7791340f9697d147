import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestPanel, setupOwner, userWithRole, Client, type TestPanel } from '../test/harness.ts';

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(() => panel.reset());

type Role = 'owner' | 'admin' | 'operator' | 'viewer';

/** A representative route per permission level, and who may use it. */
const matrix: { name: string; call: (c: Client) => Promise<Response>; allowed: Role[] }[] = [
  {
    name: 'GET /api/tokens (read)',
    call: (c) => c.get('/api/tokens'),
    allowed: ['owner', 'admin', 'operator', 'viewer'],
  },
  {
    name: 'POST /api/tokens with write scope',
    call: (c) => c.post('/api/tokens', { name: 'w', kind: 'human', scopes: ['write'] }),
    allowed: ['owner', 'admin', 'operator'],
  },
  { name: 'GET /api/users (admin)', call: (c) => c.get('/api/users'), allowed: ['owner', 'admin'] },
  { name: 'GET /api/audit (admin)', call: (c) => c.get('/api/audit'), allowed: ['owner', 'admin'] },
  {
    name: 'PUT /api/settings/{key} (admin)',
    call: (c) => c.put('/api/settings/site.name', { value: 'x' }),
    allowed: ['owner', 'admin'],
  },
  {
    name: 'POST /api/users as admin (owner-only role)',
    call: (c) =>
      c.post('/api/users', {
        email: `new-admin-${Math.random()}@example.com`,
        password: 'long enough password',
        role: 'admin',
      }),
    allowed: ['owner'],
  },
];

describe('roles', () => {
  it.each(matrix)('$name', async ({ call, allowed }) => {
    const owner = await setupOwner(panel);
    const clients: Record<Role, Client> = {
      owner,
      admin: await userWithRole(panel, owner, 'admin'),
      operator: await userWithRole(panel, owner, 'operator'),
      viewer: await userWithRole(panel, owner, 'viewer'),
    };
    for (const role of ['owner', 'admin', 'operator', 'viewer'] as const) {
      const res = await call(clients[role]);
      if (allowed.includes(role)) expect(res.status, `${role} should be allowed`).toBeLessThan(300);
      else expect(res.status, `${role} should be denied`).toBe(403);
    }
  });

  it('anonymous requests get 401 with a hint', async () => {
    const res = await new Client(panel).get('/api/users');
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/Sign in first/);
  });

  it('an admin cannot demote the owner, and the last owner cannot be removed', async () => {
    const owner = await setupOwner(panel);
    const admin = await userWithRole(panel, owner, 'admin');
    const { user } = await (await owner.get('/api/auth/me')).json();
    const demote = await admin.patch(`/api/users/${user.id}`, { role: 'viewer' });
    expect(demote.status).toBe(403);
    const self = await owner.patch(`/api/users/${user.id}`, { role: 'admin' });
    expect(self.status).toBe(409);
    expect((await self.json()).error.message).toMatch(/last owner/);
  });
});

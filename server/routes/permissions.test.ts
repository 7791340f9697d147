import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createTestPanel, createToken, setupOwner, userWithRole, Client, type TestPanel } from '../test/harness.ts';
import { users } from '../db/schema/users.ts';
import { apiTokens } from '../db/schema/api-tokens.ts';
import { elicitationRefusal } from '../approvals/elicitation.ts';

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(() => panel.reset());

const clientApproving = { name: 'ide', kind: 'agent', scopes: ['read', 'write'], requirePanelApproval: false };

it('only an owner changes the approval policy; an admin gets a 403', async () => {
  const owner = await setupOwner(panel);
  const admin = await userWithRole(panel, owner, 'admin');
  const rule = { tool: 'restart_app', decision: 'allow' };
  const refused = await admin.post('/api/policies', rule);
  expect(refused.status).toBe(403);
  expect(await refused.text()).toMatch(/Only an owner can change the approval policy/);
  const created = await owner.post('/api/policies', rule);
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await admin.delete(`/api/policies/${id}`)).status).toBe(403);
  expect((await owner.delete(`/api/policies/${id}`)).status).toBe(204);
});

it('a token that may approve from its MCP client needs an admin with the approve scope', async () => {
  const owner = await setupOwner(panel);
  const operator = await userWithRole(panel, owner, 'operator');
  const byOperator = await operator.post('/api/tokens', clientApproving);
  expect(byOperator.status).toBe(403);
  expect(await byOperator.text()).toMatch(/needs an admin or owner/);
  // Panel-only approval stays open to operators.
  expect((await operator.post('/api/tokens', { ...clientApproving, requirePanelApproval: true })).status).toBe(201);

  const noApprove = Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read', 'write'] }));
  const byNarrowToken = await noApprove.post('/api/tokens', clientApproving);
  expect(byNarrowToken.status).toBe(403);
  expect(await byNarrowToken.text()).toMatch(/needs the \\"approve\\" scope/);

  const admin = await userWithRole(panel, owner, 'admin');
  expect((await admin.post('/api/tokens', clientApproving)).status).toBe(201);
});

it('the elicitation checks the role again when deciding: a demoted admin’s token cannot approve', async () => {
  const owner = await setupOwner(panel);
  const admin = await userWithRole(panel, owner, 'admin');
  const res = await admin.post('/api/tokens', clientApproving);
  const { record } = (await res.json()) as { record: { id: string; userId: string } };
  expect(await elicitationRefusal(panel.ctx, record.id, record.userId, 'write')).toBeNull();
  await panel.ctx.db.update(users).set({ role: 'operator' }).where(eq(users.id, record.userId));
  expect(await elicitationRefusal(panel.ctx, record.id, record.userId, 'write')).toMatch(
    /needs an admin or owner, and the token belongs to a operator/,
  );
  const [row] = await panel.ctx.db.select().from(apiTokens).where(eq(apiTokens.id, record.id));
  expect(row?.requirePanelApproval).toBe(false);
});

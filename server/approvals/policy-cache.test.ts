import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';

/**
 * Policy rules are cached per process behind the 'policies' version: a rule added or removed
 * decides the very next call, reads included, as if nothing were cached.
 */
let panel: TestPanel;
let owner: Client;

beforeAll(async () => {
  panel = await createTestPanel();
  owner = await setupOwner(panel);
});
afterAll(async () => {
  await panel?.close();
});

it('a rule that denies a read takes effect on the next call, and its removal too', async () => {
  expect((await owner.get('/api/apps')).status).toBe(200); // rules now cached (none)
  const created = await owner.post('/api/policies', { tool: 'list_apps', decision: 'deny' });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const denied = await owner.get('/api/apps');
  expect(denied.status).toBe(403);
  expect(await denied.text()).toContain('approval policy');
  expect((await owner.delete(`/api/policies/${id}`)).status).toBeLessThan(300);
  expect((await owner.get('/api/apps')).status).toBe(200);
});

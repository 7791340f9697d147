import crypto from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestPanel, createToken, setupOwner, type TestPanel } from '../test/harness.ts';
import { actions } from '../db/schema/actions.ts';

let panel: TestPanel;
let owner: Client;
let agent: Client;
beforeAll(async () => {
  panel = await createTestPanel();
  owner = await setupOwner(panel);
  agent = Client.withToken(panel, await createToken(owner, { kind: 'agent', scopes: ['read', 'write'] }));
});
afterAll(async () => panel?.close());

it('a backup configuration is the target of its update and delete: bound to it, and a missing one is no approval', async () => {
  const missing = crypto.randomUUID();
  for (const res of [
    await agent.patch(`/api/backups/configs/${missing}`, { keepLast: 3 }),
    await agent.delete(`/api/backups/configs/${missing}`),
  ]) {
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toMatch(/list_backup_schedules/);
  }
  expect(await panel.ctx.db.select().from(actions)).toEqual([]);

  const made = await owner.post('/api/backups/configs', { kind: 'panel' });
  expect(made.status, await made.clone().text()).toBe(201);
  const { config } = await made.json();
  const pending = await agent.patch(`/api/backups/configs/${config.id}`, { keepLast: 3 });
  expect(pending.status).toBe(202);
  expect((await pending.json()).action).toMatchObject({
    tool: 'update_backup_schedule',
    target: { type: 'backup_config', id: config.id },
  });
});

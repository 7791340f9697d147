import { afterAll, beforeAll, expect, it } from 'vitest';
import { Client, createTestPanel, createToken, setupOwner, type TestPanel } from '../test/harness.ts';

let panel: TestPanel;
let owner: Client;
let agent: Client;
beforeAll(async () => {
  panel = await createTestPanel();
  owner = await setupOwner(panel);
  agent = Client.withToken(panel, await createToken(owner, { kind: 'agent', scopes: ['read', 'write'] }));
});
afterAll(async () => panel?.close());

it('a plan (create, set env, deploy) waits step by step while the create waits; a name nobody plans is refused at once', async () => {
  const setEnv = (app: string) => agent.put(`/api/apps/${app}/env`, { vars: [{ name: 'MODE', value: 'prod' }] });
  expect((await setEnv('shop')).status).toBe(404);

  const created = await agent.post('/api/apps', { name: 'shop', source: { type: 'image', image: 'nginx:1.27' } });
  expect(created.status).toBe(202);
  const { action } = await created.json();
  const env = await setEnv('shop');
  expect(env.status, await env.clone().text()).toBe(202);
  expect((await env.json()).action).toMatchObject({ tool: 'set_env_vars', target: { type: 'app', name: 'shop' } });
  expect((await agent.post('/api/apps/shop/deploy')).status).toBe(202);
  expect((await setEnv('other')).status).toBe(404);

  // Once the create is rejected, the app is no longer coming.
  expect((await owner.post(`/api/actions/${action.id}/reject`, { reason: 'not now' })).status).toBe(200);
  expect((await setEnv('shop')).status).toBe(404);
});

import { count } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connectInProcess } from '../../mcp/test-helpers.ts';
import { readChunks, scriptedModel, textStep, toolCallStep, userMessage, withModels } from '../chat/test-helpers.ts';
import { actions } from '../db/schema/actions.ts';
import { deployments } from '../db/schema/deployments.ts';
import { type Client, createTestPanel, createToken, setupOwner, type TestPanel } from '../test/harness.ts';

/**
 * One owner rule, "deny deploy_app on prod", holds on every surface: the resource URL the web
 * buttons call, /api/tools, the chat (a model's call and command mode) and MCP. Nothing deploys,
 * and nothing becomes an approval a person could click through.
 */
let panel: TestPanel;
let owner: Client;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(async () => {
  await panel.reset();
  owner = await setupOwner(panel);
  expect((await owner.post('/api/apps', { name: 'prod', source: { type: 'image', image: 'nginx:1.27' } })).status).toBe(
    201,
  );
  expect(
    (await owner.post('/api/apps', { name: 'stage', source: { type: 'image', image: 'nginx:1.27' } })).status,
  ).toBe(201);
  expect((await owner.post('/api/policies', { tool: 'deploy_app', app: 'prod', decision: 'deny' })).status).toBe(201);
});

const total = async (table: typeof actions | typeof deployments) =>
  (await panel.ctx.db.select({ n: count() }).from(table))[0]!.n;

describe('a deny policy on deploy_app for prod', () => {
  it('is refused through the REST resource URL (what the Deploy button calls) and /api/tools', async () => {
    const rest = await owner.post('/api/apps/prod/deploy');
    expect(rest.status).toBe(403);
    expect((await rest.json()).error).toMatchObject({
      type: 'policy:denied',
      message: expect.stringMatching(/policy/),
    });
    const viaTools = await owner.post('/api/tools/deploy_app', { app: 'prod' });
    expect(viaTools.status).toBe(403);
    expect(await viaTools.json()).toMatchObject({ status: 'denied' });
    // The rule is per app: the same call on another app is not refused.
    expect((await owner.post('/api/apps/stage/deploy')).status).toBe(202);
    expect(await total(deployments)).toBe(1);
  });

  it('is refused in the chat, from a model’s tool call and from command mode, as a final answer', async () => {
    const model = scriptedModel([
      () => toolCallStep([{ tool: 'deploy_app', input: { app: 'prod' }, id: 'call-deploy' }]),
      () => textStep('ok'),
    ]);
    const viaModel = await readChunks(
      await withModels(panel, owner, { gemini: model }).post('/api/chat', { messages: [userMessage('deploy prod')] }),
    );
    expect(viaModel.find((c) => c.type === 'tool-output-denied')).toMatchObject({ toolCallId: 'call-deploy' });
    expect(viaModel.some((c) => c.type === 'tool-approval-request' && !c.isAutomatic)).toBe(false);

    const commandMode = await readChunks(await owner.post('/api/chat', { messages: [userMessage('deploy prod')] }));
    expect(commandMode.some((c) => c.type === 'tool-approval-request' && !c.isAutomatic)).toBe(false);
    expect(JSON.stringify(commandMode)).toMatch(/not allowed by the panel's approval policy/);
    expect(await total(deployments)).toBe(0);
    expect(await total(actions)).toBe(0);
  });

  it('is refused over MCP, with no pending action to approve', async () => {
    const token = await createToken(owner, { name: 'ide', kind: 'agent', scopes: ['read', 'write'] });
    const mcp = await connectInProcess(panel.ctx, token);
    const result = await mcp.callTool({ name: 'deploy_app', arguments: { app: 'prod' } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/not allowed by the panel's approval policy/);
    await mcp.close();
    expect(await total(deployments)).toBe(0);
    expect(await total(actions)).toBe(0);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestPanel, setupOwner, userWithRole, type Client, type TestPanel } from '../server/test/harness.ts';
import { apps } from '../server/db/schema/apps.ts';
import { actions } from '../server/db/schema/actions.ts';
import { auditLog } from '../server/db/schema/audit-log.ts';
import { users } from '../server/db/schema/users.ts';
import { approveFromElicitation } from '../server/approvals/elicitation.ts';
import { actionIdIn, connectInProcess, newAgentToken, prompter, textOf } from './test-helpers.ts';

let panel: TestPanel;
let owner: Client;
let token: string;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(async () => {
  await panel.reset();
  owner = await setupOwner(panel);
  token = await newAgentToken(owner, { scopes: ['read', 'write'] });
});

const createApi = { name: 'api', source: { type: 'image', image: 'nginx:1.27' } };
const appNames = async () => (await panel.ctx.db.select().from(apps)).map((a) => a.name);
const actionRows = () => panel.ctx.db.select().from(actions);
const auditOf = async (action: string) =>
  (await panel.ctx.db.select().from(auditLog)).filter((r) => r.action === action);

describe('a client without elicitation gets a pending action', () => {
  it('changes nothing until a person approves through the REST API; wait_for_action then reports success', async () => {
    const client = await connectInProcess(panel.ctx, token);
    const result = await client.callTool({ name: 'create_app', arguments: createApi });
    const text = textOf(result);
    expect(result.isError).toBeFalsy();
    const id = actionIdIn(text)!;
    expect(text).toMatch(
      new RegExp(
        `Pending action ${id}: .*\\(tool create_app, risk write\\)\\. It needs a person's approval before it runs — this client cannot show an approval prompt\\.`,
      ),
    );
    expect(text).toContain(`http://localhost:${panel.env.PORT}/approvals/${id}`);
    // The structured twin, which the SDK client has already checked against create_app's outputSchema.
    expect(result.structuredContent).toEqual({
      pendingAction: expect.objectContaining({ id, tool: 'create_app', status: 'pending', url: expect.any(String) }),
    });
    expect(text).toMatch(/call wait_for_action with id/);
    expect(await appNames()).toEqual([]);
    const [row] = await actionRows();
    expect(row).toMatchObject({
      id,
      status: 'pending',
      requestedVia: 'mcp',
      origin: { transport: 'memory', client: 'openpanel-test 1.0.0' },
    });

    // The model saying "confirm" does not run it: asking again only makes another pending action.
    expect(
      actionIdIn(textOf(await client.callTool({ name: 'create_app', arguments: { ...createApi, name: 'api2' } }))),
    ).toBeDefined();
    expect(await appNames()).toEqual([]);

    // wait_for_action blocks until the person decides in the panel, then returns the outcome.
    const started = Date.now();
    const waiting = client.callTool({ name: 'wait_for_action', arguments: { id, timeoutSeconds: 20 } });
    await new Promise((r) => setTimeout(r, 700));
    const approved = await owner.post(`/api/actions/${id}/approve`, { inputHash: row!.inputHash });
    expect(approved.status).toBe(200);
    const outcome = textOf(await waiting);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
    expect(outcome).toMatch(
      new RegExp(`Action ${id} \\(create_app: .*\\) was approved by owner@example.com and succeeded\\.`),
    );
    expect(await appNames()).toEqual(['api']);
  });

  it('wait_for_action says so when nobody has decided yet', async () => {
    const client = await connectInProcess(panel.ctx, token);
    const id = actionIdIn(textOf(await client.callTool({ name: 'create_app', arguments: createApi })))!;
    const text = textOf(await client.callTool({ name: 'wait_for_action', arguments: { id, timeoutSeconds: 1 } }));
    expect(text).toMatch(/is waiting for a person to approve or reject it/);
    expect(text).toMatch(/Still pending after waiting; call wait_for_action again/);
  });
});

describe('a client with elicitation asks the person', () => {
  it('accept runs the exact action once, recorded as the person’s decision', async () => {
    await owner.post('/api/apps', { name: 'web', source: { type: 'image', image: 'nginx:1.27' } });
    const person = prompter(() => ({ action: 'accept', content: { approve: true } }));
    const client = await connectInProcess(panel.ctx, token, { prompter: person });
    const result = await client.callTool({ name: 'update_app', arguments: { app: 'web', port: 8080 } });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toMatch(
      /was approved by owner@example\.com \(via MCP elicitation\) and succeeded\.\nUpdated web: port/,
    );

    expect(person.asked).toHaveLength(1);
    const asked = person.asked[0]!;
    expect(asked.mode).toBe('form');
    expect(asked.message).toMatch(/Tool: update_app \(risk: write\)/);
    expect(asked.message).toMatch(/Target: app web/);
    expect(asked.message).toMatch(/Input \(secrets hidden\): \{"app":"web","port":8080\}/);
    expect(asked.message).toMatch(/Action: Update app "web": port/);

    const [row] = await actionRows();
    expect(row).toMatchObject({ status: 'succeeded', decidedByLabel: 'owner@example.com (via MCP elicitation)' });
    expect((await panel.ctx.db.select().from(apps).where(eq(apps.name, 'web')))[0]!.port).toBe(8080);
    const approvals = await auditOf('action.approve');
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({
      actorType: 'user',
      actorLabel: 'owner@example.com (via MCP elicitation)',
      targetId: row!.id,
    });
    expect(await auditOf('action.execute')).toHaveLength(1);
  });

  it('approved in the panel while the prompt is open, then accepted too: it still runs once', async () => {
    let panelStatus = 0;
    const person = prompter(async () => {
      const [row] = await actionRows();
      panelStatus = (await owner.post(`/api/actions/${row!.id}/approve`, {})).status;
      return { action: 'accept', content: { approve: true } };
    });
    const client = await connectInProcess(panel.ctx, token, { prompter: person });
    const text = textOf(await client.callTool({ name: 'create_app', arguments: createApi }));
    expect(panelStatus).toBe(200);
    // The second approval finds nothing pending; the client is told the real outcome.
    expect(text).toMatch(/was approved by owner@example\.com and succeeded/);
    expect(await appNames()).toEqual(['api']);
    expect(await auditOf('action.approve')).toHaveLength(1);
    expect(await auditOf('action.execute')).toHaveLength(1);
  });

  it('decline rejects it for good and nothing runs', async () => {
    const client = await connectInProcess(panel.ctx, token, { prompter: prompter(() => ({ action: 'decline' })) });
    const text = textOf(await client.callTool({ name: 'create_app', arguments: createApi }));
    expect(text).toMatch(
      /was declined by owner@example\.com \(via MCP elicitation\): "Declined in the MCP approval prompt\."\. This is final: do not retry it/,
    );
    expect(await appNames()).toEqual([]);
    expect((await actionRows())[0]).toMatchObject({ status: 'rejected' });
    expect(await auditOf('action.reject')).toHaveLength(1);
    expect(await auditOf('action.execute')).toHaveLength(0);
  });

  it('submitting the form without ticking approve is a rejection, never an approval', async () => {
    const client = await connectInProcess(panel.ctx, token, {
      prompter: prompter(() => ({ action: 'accept', content: { approve: false } })),
    });
    expect(textOf(await client.callTool({ name: 'create_app', arguments: createApi }))).toMatch(/was declined/);
    expect(await appNames()).toEqual([]);
  });

  it('cancel (the person closed the prompt) is no decision: it stays pending and nothing runs', async () => {
    const client = await connectInProcess(panel.ctx, token, { prompter: prompter(() => ({ action: 'cancel' })) });
    const text = textOf(await client.callTool({ name: 'create_app', arguments: createApi }));
    expect(text).toMatch(/Pending action .* — the person closed the approval prompt without deciding\./);
    expect(text).toMatch(/approves or rejects it in the panel/);
    expect(await appNames()).toEqual([]);
    expect((await actionRows())[0]).toMatchObject({ status: 'pending', decidedByLabel: null });
  });

  it('a token set to require panel approval is never offered the prompt', async () => {
    const strict = await newAgentToken(owner, { scopes: ['read', 'write'], requirePanelApproval: true });
    const person = prompter(() => ({ action: 'accept', content: { approve: true } }));
    const client = await connectInProcess(panel.ctx, strict, { prompter: person });
    const text = textOf(await client.callTool({ name: 'create_app', arguments: createApi }));
    expect(text).toMatch(/it cannot be approved from this client: this token is set to require approval in the panel/);
    expect(person.asked).toHaveLength(0);
    expect(await appNames()).toEqual([]);
    const id = actionIdIn(text)!;
    const row = (await actionRows())[0]!;
    await expect(
      approveFromElicitation(panel.ctx, {
        actionId: id,
        tokenId: row.requestedByTokenId!,
        user: { userId: row.requestedByUserId! },
      }),
    ).rejects.toThrow(/require approval in the panel/);
  });

  it('an operator’s token cannot get a destructive action approved from the client; an admin must', async () => {
    await owner.post('/api/apps', { name: 'web', source: { type: 'image', image: 'nginx:1.27' } });
    const operator = await userWithRole(panel, owner, 'operator');
    // An operator cannot even make a token that approves from its client.
    await expect(newAgentToken(operator, { scopes: ['read', 'write'] })).rejects.toThrow(
      /Approving from the MCP client needs an admin or owner, and this token would belong to a operator/,
    );
    // An admin can; demoted to operator afterwards, the token no longer gets the prompt.
    const admin = await userWithRole(panel, owner, 'admin');
    const adminToken = await newAgentToken(admin, { scopes: ['read', 'write'] });
    await panel.ctx.db.update(users).set({ role: 'operator' }).where(eq(users.email, 'admin@example.com'));
    const person = prompter(() => ({ action: 'accept', content: { approve: true } }));
    const client = await connectInProcess(panel.ctx, adminToken, { prompter: person });
    const text = textOf(await client.callTool({ name: 'delete_app', arguments: { app: 'web' } }));
    expect(text).toMatch(
      /a destructive action from an MCP client needs an admin or owner, and the token belongs to a operator/,
    );
    expect(person.asked).toHaveLength(0);
    const row = (await actionRows())[0]!;
    await expect(
      approveFromElicitation(panel.ctx, {
        actionId: row.id,
        tokenId: row.requestedByTokenId!,
        user: { userId: row.requestedByUserId! },
      }),
    ).rejects.toThrow(/needs an admin or owner/);
    expect(await appNames()).toEqual(['web']);
    expect(row.status).toBe('pending');
  });

  it('an elicitation decides only the action its own token requested', async () => {
    const other = await connectInProcess(
      panel.ctx,
      await newAgentToken(owner, { scopes: ['read', 'write'], name: 'other' }),
    );
    const id = actionIdIn(textOf(await other.callTool({ name: 'create_app', arguments: createApi })))!;
    const row = (await actionRows())[0]!;
    const tokens = (await (await owner.get('/api/tokens')).json()) as { tokens: { id: string; name: string }[] };
    const myTokenId = tokens.tokens.find((t) => t.name === 'mcp')!.id;
    // Same person, but a different token than the one that asked: refused.
    await expect(
      approveFromElicitation(panel.ctx, { actionId: id, tokenId: myTokenId, user: { userId: row.requestedByUserId! } }),
    ).rejects.toThrow(/only decide the action its own session requested/);
    expect((await actionRows())[0]!.status).toBe('pending');
    expect(await appNames()).toEqual([]);
  });
});

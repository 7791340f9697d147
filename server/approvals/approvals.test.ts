import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Client, createTestPanel, createToken, setupOwner, userWithRole, type TestPanel } from '../test/harness.ts';
import { actions } from '../db/schema/actions.ts';
import { apps } from '../db/schema/apps.ts';
import { deployments } from '../db/schema/deployments.ts';
import { resolveEnv } from '../services/env-vars.ts';
import { tools } from '../../tools/registry.ts';
import { actionOutcome } from './outcome.ts';
import { recoverInterruptedActions } from './store.ts';

let panel: TestPanel;
let owner: Client;
let agent: Client;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(async () => {
  await panel.reset();
  owner = await setupOwner(panel);
  agent = Client.withToken(
    panel,
    await createToken(owner, { name: 'cursor', kind: 'agent', scopes: ['read', 'write'] }),
  );
});

const newApp = (name: string) => ({ name, source: { type: 'image', image: 'nginx:1.27' } });

async function requestAs(client: Client, tool: string, input: unknown) {
  const res = await client.post(`/api/tools/${tool}`, input);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
}

async function pendingAction(tool = 'create_app', input: unknown = newApp('api')) {
  const result = await requestAs(agent, tool, input);
  expect(result.status).toBe('pending');
  return result.action as { id: string; inputHash: string; status: string };
}

describe('invariant 1: an agent’s write runs only after a human approves that exact request', () => {
  it('returns a pending action and changes nothing until approved', async () => {
    const action = await pendingAction();
    expect(await panel.ctx.db.select().from(apps)).toHaveLength(0);
    const listed = await (await owner.get('/api/actions?status=pending')).json();
    expect(listed.actions.map((a: { id: string }) => a.id)).toEqual([action.id]);
    expect(listed.actions[0]).toMatchObject({
      tool: 'create_app',
      risk: 'write',
      requestedVia: 'api',
      summary: expect.stringContaining('api'),
    });

    const approved = await owner.post(`/api/actions/${action.id}/approve`, { inputHash: action.inputHash });
    expect(approved.status).toBe(200);
    const view = await approved.json();
    expect(view.status).toBe('succeeded');
    expect(view.result.text).toBeTruthy();
    expect(await panel.ctx.db.select().from(apps)).toHaveLength(1);
  });

  it('reads run at once, and a person acting directly is not asked', async () => {
    expect((await requestAs(agent, 'list_apps', {})).status).toBe('done');
    const human = Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read', 'write'] }));
    expect((await requestAs(human, 'create_app', newApp('direct'))).status).toBe('done');
  });
});

describe('invariant 2: an approval binds tool, canonical input and target', () => {
  it('refuses an approval for a different input; the changed input needs a new action', async () => {
    const action = await pendingAction('create_app', newApp('one'));
    const other = await pendingAction('create_app', newApp('two'));
    const wrong = await owner.post(`/api/actions/${action.id}/approve`, { inputHash: other.inputHash });
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).error.message).toMatch(/not the one you reviewed/);
    expect((await (await owner.get(`/api/actions/${action.id}`)).json()).status).toBe('pending');
    // There is no way to edit an action's input.
    expect((await owner.patch(`/api/actions/${action.id}`, { input: newApp('evil') })).status).toBe(404);
    expect((await owner.post(`/api/actions/${action.id}/approve`, { inputHash: action.inputHash })).status).toBe(200);
    expect((await panel.ctx.db.select().from(apps)).map((a) => a.name)).toEqual(['one']);
  });

  it('records the resolved target and refuses forged, expired and already-decided ids', async () => {
    await owner.post('/api/apps', newApp('web'));
    const action = await pendingAction('restart_app', { app: 'web' });
    const [row] = await panel.ctx.db.select().from(actions).where(eq(actions.id, action.id));
    const [app] = await panel.ctx.db.select().from(apps);
    expect(row).toMatchObject({ targetType: 'app', targetId: app!.id, targetName: 'web' });

    expect((await owner.post('/api/actions/00000000-0000-4000-8000-000000000000/approve')).status).toBe(404);
    expect((await owner.post('/api/actions/not-an-id/approve')).status).toBe(422);

    await panel.ctx.db
      .update(actions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(actions.id, action.id));
    const expired = await owner.post(`/api/actions/${action.id}/approve`);
    expect(expired.status).toBe(410);
    expect((await (await owner.get(`/api/actions/${action.id}`)).json()).status).toBe('expired');

    const second = await pendingAction('create_app', newApp('once'));
    expect((await owner.post(`/api/actions/${second.id}/reject`, { reason: 'no' })).status).toBe(200);
    const again = await owner.post(`/api/actions/${second.id}/approve`);
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already rejected/);
  });
});

describe('invariant 3: an approved action runs exactly once', () => {
  it('50 concurrent approvals execute it once', async () => {
    await owner.post('/api/apps', newApp('busy'));
    const action = await pendingAction('deploy_app', { app: 'busy' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => owner.post(`/api/actions/${action.id}/approve`)),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await panel.ctx.db.select().from(deployments)).toHaveLength(1);
    const audit = await (await owner.get(`/api/audit?action=action.execute&targetId=${action.id}`)).json();
    expect(audit.entries).toHaveLength(1);
  });

  it('an action interrupted by a crash is marked failed and reported, not run again', async () => {
    await owner.post('/api/apps', newApp('crashy'));
    const action = await pendingAction('deploy_app', { app: 'crashy' });
    // What a crash mid-run leaves in the database: approved and running, never finished.
    await panel.ctx.db
      .update(actions)
      .set({ status: 'running', startedAt: new Date() })
      .where(eq(actions.id, action.id));
    expect(await recoverInterruptedActions(panel.ctx)).toEqual([action.id]);
    const view = await (await owner.get(`/api/actions/${action.id}`)).json();
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/Interrupted/);
    expect(await panel.ctx.db.select().from(deployments)).toHaveLength(0);
    expect((await owner.post(`/api/actions/${action.id}/approve`)).status).toBe(409);
    const audit = await (await owner.get('/api/audit?action=action.interrupted')).json();
    expect(audit.entries).toHaveLength(1);
  });
});

describe('invariant 4: agents can never approve', () => {
  it('an agent token is refused on every decision route, whatever it holds', async () => {
    const action = await pendingAction();
    for (const path of ['approve', 'reject']) {
      const res = await agent.post(`/api/actions/${action.id}/${path}`, {});
      expect(res.status).toBe(403);
    }
    const refused = await owner.post('/api/tokens', {
      name: 'sneaky',
      kind: 'agent',
      scopes: ['read', 'write', 'approve'],
    });
    expect(refused.status).toBe(422);
    const doc = await (await panel.app.request('/api/openapi.json')).json();
    const decisionRoutes = Object.keys(doc.paths).filter((p) => /approve|reject/.test(p));
    expect(decisionRoutes.sort()).toEqual(['/api/actions/{id}/approve', '/api/actions/{id}/reject']);
    expect((await (await owner.get(`/api/actions/${action.id}`)).json()).status).toBe('pending');
  });

  it('no tool can decide an action', () => {
    const names = tools.map((t) => t.name);
    expect(names.filter((n) => /approve|reject|decide/.test(n))).toEqual([]);
    for (const name of ['get_action', 'list_pending_actions'])
      expect(tools.find((t) => t.name === name)?.risk).toBe('read');
  });

  it('a viewer cannot approve; an operator approves writes but not destructive actions', async () => {
    const viewer = await userWithRole(panel, owner, 'viewer');
    const operator = await userWithRole(panel, owner, 'operator');
    const write = await pendingAction();
    expect((await viewer.post(`/api/actions/${write.id}/approve`)).status).toBe(403);
    await owner.post('/api/apps', newApp('doomed'));
    const destructive = await pendingAction('delete_app', { app: 'doomed' });
    const denied = await operator.post(`/api/actions/${destructive.id}/approve`);
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.message).toMatch(/destructive action needs an admin/);
    expect((await operator.post(`/api/actions/${write.id}/approve`)).status).toBe(200);
    const admin = await userWithRole(panel, owner, 'admin');
    expect((await admin.post(`/api/actions/${destructive.id}/approve`)).status).toBe(200);
  });
});

describe('invariant 5: a rejection is final for the model', () => {
  it('yields a declined, do-not-retry result', async () => {
    const action = await pendingAction();
    const res = await owner.post(`/api/actions/${action.id}/reject`, { reason: 'not on Fridays' });
    const view = await res.json();
    expect(view).toMatchObject({ status: 'rejected', reason: 'not on Fridays', decidedBy: 'owner@example.com' });
    const text = actionOutcome(view);
    expect(text).toMatch(/declined/);
    expect(text).toMatch(/not on Fridays/);
    expect(text).toMatch(/do not retry/i);
    expect(await panel.ctx.db.select().from(apps)).toHaveLength(0);
  });
});

describe('invariant 6: every request, decision and execution is audited', () => {
  it('writes request, decision and execution rows with redacted input', async () => {
    await owner.post('/api/apps', newApp('secrets'));
    const CANARY = 'canary-approval-secret-77';
    const action = await pendingAction('set_env_vars', { app: 'secrets', vars: { API_KEY: CANARY } });
    const viewText = await (await owner.get(`/api/actions/${action.id}`)).text();
    expect(viewText).not.toContain(CANARY);
    expect(JSON.parse(viewText).input.vars).toEqual([{ name: 'API_KEY', value: '[redacted]' }]);
    const [raw] = await panel.ctx.db.select().from(actions);
    expect(JSON.stringify(raw)).not.toContain(CANARY);
    const approved = await (await owner.post(`/api/actions/${action.id}/approve`)).json();
    expect(approved.status).toBe('succeeded');
    expect(JSON.stringify(approved)).not.toContain(CANARY);
    const [app] = await panel.ctx.db.select().from(apps);
    expect((await resolveEnv(panel.ctx.db, panel.ctx.secrets, app!.id)).runtime.API_KEY).toBe(CANARY);

    const audit = await (await owner.get('/api/audit?action=action.')).json();
    expect(audit.entries.map((e: { action: string }) => e.action).sort()).toEqual([
      'action.approve',
      'action.execute',
      'action.request',
    ]);
    expect(JSON.stringify(audit)).not.toContain(CANARY);
    const request = audit.entries.find((e: { action: string }) => e.action === 'action.request');
    expect(request).toMatchObject({ actorType: 'agent', actorLabel: 'owner@example.com (agent token)' });
    const decision = audit.entries.find((e: { action: string }) => e.action === 'action.approve');
    expect(decision).toMatchObject({ actorType: 'user', actorLabel: 'owner@example.com' });
  });
});

describe('invariant 7: policy is data, and approvals expire', () => {
  it('an owner can allow one tool for one app without asking, or deny it', async () => {
    await owner.post('/api/apps', newApp('trusted'));
    await owner.post('/api/apps', newApp('other'));
    const rule = await owner.post('/api/policies', {
      tool: 'update_app',
      app: 'trusted',
      requesterKind: 'agent',
      decision: 'allow',
      note: 'tweak freely',
    });
    expect(rule.status).toBe(201);
    expect((await requestAs(agent, 'update_app', { app: 'trusted', memoryMb: 128 })).status).toBe('done');
    expect((await requestAs(agent, 'update_app', { app: 'other', memoryMb: 128 })).status).toBe('pending');
    await owner.post('/api/policies', { tool: 'delete_app', decision: 'deny' });
    const denied = await agent.post('/api/tools/delete_app', { app: 'other' });
    expect(denied.status).toBe(403);
    expect((await denied.json()).status).toBe('denied');
    expect(await panel.ctx.db.select().from(apps)).toHaveLength(2);
    const operator = await userWithRole(panel, owner, 'operator');
    expect((await operator.post('/api/policies', { tool: 'restart_app', decision: 'allow' })).status).toBe(403);
    expect((await owner.post('/api/policies', { decision: 'allow' })).status).toBe(422);
  });

  it('pending actions expire after the configured time', async () => {
    const action = await pendingAction();
    const [row] = await panel.ctx.db.select().from(actions);
    const ttl = row!.expiresAt.getTime() - row!.createdAt.getTime();
    expect(ttl).toBeGreaterThan(14.9 * 60_000);
    expect(ttl).toBeLessThan(15.1 * 60_000);
    await panel.ctx.db.update(actions).set({ expiresAt: new Date(Date.now() - 1) });
    const listed = await (await owner.get('/api/actions?status=expired')).json();
    expect(listed.actions.map((a: { id: string }) => a.id)).toEqual([action.id]);
  });
});

describe('the action stream', () => {
  it('pushes new actions to SSE clients', async () => {
    const res = await owner.get('/api/actions/stream');
    const reader = res.body!.getReader();
    const action = await pendingAction();
    let text = '';
    const deadline = Date.now() + 5000;
    while (!text.includes(action.id) && Date.now() < deadline)
      text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toMatch(/event: action/);
    expect(text).toContain(action.id);
  });
});

describe('review fixes', () => {
  it('with several processes, only stale approved or running actions count as interrupted', async () => {
    await owner.post('/api/apps', newApp('shared'));
    const action = await pendingAction('deploy_app', { app: 'shared' });
    await panel.ctx.db
      .update(actions)
      .set({ status: 'running', startedAt: new Date(), updatedAt: new Date() })
      .where(eq(actions.id, action.id));
    expect(await recoverInterruptedActions(panel.ctx, { staleAfterMs: 30 * 60_000 })).toEqual([]);
    await panel.ctx.db
      .update(actions)
      .set({ updatedAt: new Date(Date.now() - 31 * 60_000) })
      .where(eq(actions.id, action.id));
    expect(await recoverInterruptedActions(panel.ctx, { staleAfterMs: 30 * 60_000 })).toEqual([action.id]);
  });

  it('an operator cannot run a destructive tool directly', async () => {
    await owner.post('/api/apps', newApp('keep'));
    const operator = await userWithRole(panel, owner, 'operator');
    const res = await operator.post('/api/tools/delete_app', { app: 'keep' });
    expect(res.status).toBe(403);
    expect(await panel.ctx.db.select().from(apps)).toHaveLength(1);
    expect((await requestAs(owner, 'delete_app', { app: 'keep' })).status).toBe('done');
  });

  it('an approval does not carry over to a recreated app with the same name', async () => {
    await owner.post('/api/apps', newApp('phoenix'));
    const action = await pendingAction('update_app', { app: 'phoenix', memoryMb: 64 });
    expect((await owner.delete('/api/apps/phoenix')).status).toBe(200);
    await owner.post('/api/apps', newApp('phoenix'));
    const view = await (await owner.post(`/api/actions/${action.id}/approve`)).json();
    expect(view.status).toBe('failed');
    expect(view.error).toMatch(/not the one that was approved/);
    const [app] = await panel.ctx.db.select().from(apps);
    expect(app!.memoryMb).toBeNull();
  });

  it('agent tokens cannot revoke tokens or delete conversations', async () => {
    const { record } = await (await owner.post('/api/tokens', { name: 'ci', kind: 'human', scopes: ['read'] })).json();
    expect((await agent.delete(`/api/tokens/${record.id}`)).status).toBe(403);
    expect((await agent.delete('/api/conversations/00000000-0000-4000-8000-000000000000')).status).toBe(403);
  });

  it('a secret setting cannot be turned into a readable one', async () => {
    await owner.put('/api/settings/providers.groq.api_key', { value: 'sk-secret-value-1', secret: true });
    const res = await owner.put('/api/settings/providers.groq.api_key', { value: 'x', secret: false });
    expect(res.status).toBe(422);
  });
});

describe('tool outputs on every surface', () => {
  it('remove known secret values that logs echoed', async () => {
    await owner.post('/api/apps', newApp('leaky'));
    const CANARY = 'canary-echoed-in-build-log-91';
    await owner.put('/api/apps/leaky/env', { vars: { API_KEY: CANARY }, buildTime: true });
    const [app] = await panel.ctx.db.select().from(apps);
    const [d] = await panel.ctx.db
      .insert(deployments)
      .values({
        appId: app!.id,
        number: 1,
        status: 'failed',
        createdBy: 'test',
        settings: {
          port: null,
          command: null,
          healthCheck: { type: 'none' },
          healthTimeoutSeconds: 60,
          restartPolicy: 'no',
          cpus: null,
          memoryMb: null,
          volumes: [],
        },
      })
      .returning();
    const { deploymentLogs } = await import('../db/schema/deployment-logs.ts');
    await panel.ctx.db
      .insert(deploymentLogs)
      .values({ deploymentId: d!.id, seq: 1, stream: 'stdout', text: `RUN echo ${CANARY}` });
    const result = await requestAs(agent, 'get_build_logs', { deployment: d!.id });
    expect(result.status).toBe('done');
    expect(JSON.stringify(result)).not.toContain(CANARY);
    expect(result.text).toContain('RUN echo');
  });
});

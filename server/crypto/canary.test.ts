import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../test/harness.ts';
import { BUSYBOX, cleanupEngine, waitForDeployment } from '../test/deploy-helpers.ts';
import type { Caller } from '../audit.ts';
import { readLogs } from '../engine/index.ts';
import { deploymentLogs } from '../db/schema/deployment-logs.ts';
import { deployments } from '../db/schema/deployments.ts';
import { conversations } from '../db/schema/conversations.ts';
import { messages } from '../db/schema/messages.ts';
import { createApp, updateApp } from '../services/apps.ts';
import { setEnvVars } from '../services/env-vars.ts';
import { deployApp } from '../services/deployments.ts';
import { followAppLogs, getAppLogs } from '../services/runtime.ts';
import { readDeploymentLogs } from '../deploy/log-writer.ts';
import { collectSecretValues } from './scrub.ts';
import { connectInProcess, newAgentToken, textOf } from '../../mcp/test-helpers.ts';
import {
  messageFrom,
  readChunks,
  scriptedModel,
  textStep,
  toolCallStep,
  userMessage,
  withModels,
} from '../chat/test-helpers.ts';

/**
 * A canary env value that the app's container prints to stdout and stderr, on a deployment that
 * fails its health check (so container lines are copied into the deployment log). It must never
 * come out of any surface or be stored in plain text; the one mask must show where it was.
 */
const CANARY = `canary-${randomUUID()}-secret`;
const CALLER: Caller = { actor: { type: 'system', label: 'test', scopes: [] } };

let panel: TestPanel;
let owner: Client;
let running: string;
let failed: string;

function expectScrubbed(text: string, where: string): void {
  expect(text, where).not.toContain(CANARY);
  expect(text, where).toContain('[redacted]');
}

beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
  panel = await createTestPanel({}, { jobs: true });
  owner = await setupOwner(panel);
  const app = await createApp(panel.ctx, CALLER, {
    name: 'leaky',
    source: { type: 'image', image: BUSYBOX },
    port: 8080,
    command: [
      'sh',
      '-c',
      'echo "out token=$LEAK"; echo "err token=$LEAK" >&2; mkdir -p /srv && echo ok > /srv/index.html && httpd -f -p 8080 -h /srv',
    ],
    healthCheck: { type: 'http', path: '/' },
    healthTimeoutSeconds: 5,
  });
  await setEnvVars(panel.ctx.db, panel.ctx.secrets, CALLER, app.id, { vars: { LEAK: CANARY } });
  running = (await deployApp(panel.ctx, CALLER, 'leaky')).deployment.id;
  await waitForDeployment(owner, running, ['running']);
  await updateApp(panel.ctx, CALLER, 'leaky', { healthCheck: { type: 'http', path: '/missing' } });
  failed = (await deployApp(panel.ctx, CALLER, 'leaky')).deployment.id;
  await waitForDeployment(owner, failed, ['failed']);
}, 180_000);
afterAll(async () => {
  await cleanupEngine(panel);
  await panel.close();
});

describe('a canary env value printed by the container', () => {
  it('is really in the container output (the engine itself does not scrub)', async () => {
    const [row] = await panel.ctx.db.select().from(deployments).where(eq(deployments.id, running));
    const raw = (await readLogs(panel.ctx.docker, row!.containerId!, { tail: 20 })).map((l) => `${l.stream} ${l.text}`);
    expect(raw).toEqual(expect.arrayContaining([`stdout out token=${CANARY}`, `stderr err token=${CANARY}`]));
  });

  it('never leaves through REST: runtime logs, deployment logs and the tool endpoints', async () => {
    const runtime = await owner.get('/api/apps/leaky/logs?tail=50');
    expect(runtime.status).toBe(200);
    const runtimeText = await runtime.text();
    expectScrubbed(runtimeText, 'GET /api/apps/leaky/logs');
    expect(runtimeText).toContain('err token=[redacted]');
    const deployLog = await owner.get(`/api/deployments/${failed}/logs`);
    expect(deployLog.status).toBe(200);
    const deployText = await deployLog.text();
    expectScrubbed(deployText, 'GET /api/deployments/:id/logs');
    expect(deployText).toContain('[container] out token=[redacted]');
    expectScrubbed(await (await owner.post('/api/tools/get_app_logs', { app: 'leaky' })).text(), 'get_app_logs');
    expectScrubbed(
      await (await owner.post('/api/tools/get_build_logs', { deployment: failed })).text(),
      'get_build_logs',
    );
  });

  it('never leaves through the SSE streams', async () => {
    const res = await owner.get('/api/apps/leaky/logs/stream?tail=50');
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    let text = '';
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline && !(text.includes('out token=[redacted]') && text.includes('err token=[redacted]'))) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    await reader.cancel();
    expectScrubbed(text, 'runtime log stream');
    expect(text).toContain('err token=[redacted]');

    const deployStream = await (await owner.get(`/api/deployments/${failed}/logs/stream`)).text(); // ends by itself
    expectScrubbed(deployStream, 'deployment log stream');
    expect(deployStream).toMatch(/event: end/);
  });

  it('never leaves through MCP: tools and resources', async () => {
    const mcp = await connectInProcess(panel.ctx, await newAgentToken(owner, { scopes: ['read'] }));
    try {
      const appLogs = await mcp.callTool({ name: 'get_app_logs', arguments: { app: 'leaky' } });
      expectScrubbed(textOf(appLogs) + JSON.stringify(appLogs.structuredContent ?? {}), 'MCP get_app_logs');
      const buildLogs = await mcp.callTool({ name: 'get_build_logs', arguments: { deployment: failed } });
      expectScrubbed(textOf(buildLogs) + JSON.stringify(buildLogs.structuredContent ?? {}), 'MCP get_build_logs');
      const resource = await mcp.readResource({ uri: `openpanel://deployments/${failed}/logs` });
      expectScrubbed(JSON.stringify(resource.contents), 'MCP deployment-logs resource');
    } finally {
      await mcp.close();
    }
  });

  it('is scrubbed by the services themselves, whichever surface calls them', async () => {
    const lines = await getAppLogs(panel.ctx, 'leaky', { tail: 50 });
    expectScrubbed(JSON.stringify(lines), 'getAppLogs');
    const abort = new AbortController();
    const followed: string[] = [];
    for await (const line of await followAppLogs(panel.ctx, 'leaky', { tail: 50 }, abort.signal)) {
      followed.push(`${line.stream} ${line.text}`);
      if (followed.some((l) => l.startsWith('stdout out')) && followed.some((l) => l.startsWith('stderr err'))) break;
    }
    abort.abort();
    expect(followed).toEqual(expect.arrayContaining(['stdout out token=[redacted]', 'stderr err token=[redacted]']));
    expectScrubbed(JSON.stringify(await readDeploymentLogs(panel.ctx, failed)), 'readDeploymentLogs');
  });

  it('is not stored in plain text: the deployment_logs rows were scrubbed before the insert', async () => {
    const rows = await panel.ctx.db.select().from(deploymentLogs).where(eq(deploymentLogs.deploymentId, failed));
    const text = rows.map((r) => r.text).join('\n');
    expectScrubbed(text, 'deployment_logs rows');
    expect(rows.filter((r) => r.text.startsWith('[container] ')).length).toBeGreaterThanOrEqual(2);
  });
});

describe('a secret typed in the chat', () => {
  it('leaves the stored messages and title when the tool call is made, though the action is approved in the inbox', async () => {
    const typed = `canary-${randomUUID()}-chat`;
    const model = scriptedModel([
      () =>
        toolCallStep([{ tool: 'set_env_vars', input: { app: 'leaky', vars: [{ name: 'CHAT_TOKEN', value: typed }] } }]),
      () => textStep('Done.'),
    ]);
    const client = withModels(panel, owner, { gemini: model });
    const res = await client.post('/api/chat', { messages: [userMessage(`set CHAT_TOKEN to ${typed} on leaky`)] });
    expect(res.status, await res.clone().text()).toBe(200);
    const conversationId = res.headers.get('x-conversation-id')!;
    const chunks = await readChunks(res);
    await messageFrom(chunks);
    const request = chunks.find((c) => c.type === 'tool-approval-request') as {
      approvalDescriptor: { actionId: string };
    };
    expect(request?.approvalDescriptor.actionId).toBeTruthy();

    const approved = await owner.post(`/api/actions/${request.approvalDescriptor.actionId}/approve`, {});
    expect(approved.status, await approved.clone().text()).toBe(200);
    expect(await collectSecretValues(panel.ctx)).toContain(typed);

    const [conversation] = await panel.ctx.db.select().from(conversations).where(eq(conversations.id, conversationId));
    const stored = await panel.ctx.db.select().from(messages).where(eq(messages.conversationId, conversationId));
    const all = JSON.stringify({ conversation, stored });
    expect(all).not.toContain(typed);
    expect(conversation!.title).toBe('set CHAT_TOKEN to [redacted] on leaky');
    expect(JSON.stringify(stored.filter((m) => m.role === 'user'))).toContain('set CHAT_TOKEN to [redacted] on leaky');
  });
});

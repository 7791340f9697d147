import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createTestPanel, createToken, setupOwner, type Client, type TestPanel } from '../server/test/harness.ts';
import { apps } from '../server/db/schema/apps.ts';
import { actions } from '../server/db/schema/actions.ts';
import { tools } from '../tools/registry.ts';
import { actionIdIn, newAgentToken, newClient, prompter, textOf, type Prompter } from './test-helpers.ts';

/** The real panel app on a real port: the SDK's HTTP client, our stdio bridge and the MCP Inspector talk to it. */
let panel: TestPanel;
let server: ServerType;
let base: string;
let owner: Client;
let token: string;
beforeAll(async () => {
  panel = await createTestPanel();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: (req, env) => panel.app.fetch(req, env), port: 0, hostname: '127.0.0.1' }, () =>
      resolve(s),
    );
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  // Open MCP sessions hold SSE streams; they must not keep the server from closing.
  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await panel.close();
});
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.close()));
});
beforeEach(async () => {
  await panel.reset();
  owner = await setupOwner(panel);
  token = await newAgentToken(owner, { scopes: ['read', 'write'] });
});

async function connectHttp(bearer: string | undefined, opts: { preset?: string; prompter?: Prompter } = {}) {
  const url = new URL('/mcp', base);
  if (opts.preset) url.searchParams.set('preset', opts.preset);
  const transport = new StreamableHTTPClientTransport(
    url,
    bearer ? { requestInit: { headers: { authorization: `Bearer ${bearer}` } } } : undefined,
  );
  const client = newClient(opts.prompter);
  await client.connect(transport);
  open.push(client);
  return { client, transport };
}

const initialize = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
};
const postMcp = (headers: Record<string, string>, body: unknown = initialize, query = '') =>
  fetch(`${base}/mcp${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify(body),
  });
const appNames = async () => (await panel.ctx.db.select().from(apps)).map((a) => a.name);
const createApi = { name: 'api', source: { type: 'image', image: 'nginx:1.27' } };

describe('Streamable HTTP at /mcp', () => {
  it('answers 401 without a token or with a bad one, and 403 for a human token', async () => {
    const none = await postMcp({});
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { type: string; message: string } }).error).toMatchObject({
      type: 'auth:unauthorized',
      message: expect.stringMatching(/agent API token/),
    });
    const bad = await postMcp({ authorization: 'Bearer op_not-a-real-token-at-all-000000' });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: { type: string } }).error.type).toBe('auth:invalid_token');
    const human = await postMcp({
      authorization: `Bearer ${await createToken(owner, { kind: 'human', scopes: ['read'] })}`,
    });
    expect(human.status).toBe(403);
    expect(((await human.json()) as { error: { message: string } }).error.message).toMatch(/agent tokens only/);
    expect((await postMcp({ authorization: `Bearer ${token}` }, initialize, '?preset=everything')).status).toBe(400);
    await expect(connectHttp(undefined)).rejects.toMatchObject({
      code: 401,
      message: expect.stringMatching(/auth:unauthorized/),
    });
  });

  it('lists by scope: a read-only agent token sees no write tools, and calling one fails with isError', async () => {
    const { client: full } = await connectHttp(token);
    expect((await full.listTools()).tools).toHaveLength(tools.filter((t) => !t.peopleOnly).length);
    const { client: reader } = await connectHttp(await newAgentToken(owner, { scopes: ['read'], name: 'reader' }));
    const listed = (await reader.listTools()).tools;
    expect(listed.map((t) => t.name).sort()).toEqual(
      tools
        .filter((t) => t.risk === 'read')
        .map((t) => t.name)
        .sort(),
    );
    const refused = await reader.callTool({ name: 'deploy_app', arguments: { app: 'api' } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/deploy_app needs the "write" permission/);
    const { client: deploy } = await connectHttp(token, { preset: 'deploy' });
    expect((await deploy.listTools()).tools.map((t) => t.name)).not.toContain('create_app');
  });

  it('asks the person mid-call over HTTP (a session), then runs the write once', async () => {
    const person = prompter(() => ({ action: 'accept', content: { approve: true } }));
    const { client } = await connectHttp(token, { prompter: person });
    const result = await client.callTool({ name: 'create_app', arguments: createApi });
    expect(textOf(result)).toMatch(/approved by owner@example\.com \(via MCP elicitation\) and succeeded/);
    expect(person.asked).toHaveLength(1);
    expect(await appNames()).toEqual(['api']);
  });

  it('binds a session to the token that opened it', async () => {
    const { transport } = await connectHttp(token);
    const other = await newAgentToken(owner, { scopes: ['read', 'write'], name: 'other' });
    const listTools = { jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} };
    const hijack = await postMcp(
      {
        authorization: `Bearer ${other}`,
        'mcp-session-id': transport.sessionId!,
        'mcp-protocol-version': '2025-06-18',
      },
      listTools,
    );
    expect(hijack.status).toBe(404);
    const own = await postMcp(
      {
        authorization: `Bearer ${token}`,
        'mcp-session-id': transport.sessionId!,
        'mcp-protocol-version': '2025-06-18',
      },
      listTools,
    );
    expect(own.status).toBe(200);
  });
});

const bin = path.resolve('bin/openpanel.js');

describe('stdio (openpanel mcp) forwarding to the running panel', () => {
  it('lists and calls tools; a pending write runs only after a person approves it through the REST API', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [bin, 'mcp'],
      env: {
        OPENPANEL_TOKEN: token,
        OPENPANEL_URL: base,
        OPENPANEL_MCP_PRESET: 'deploy',
        DATA_DIR: os.tmpdir(),
        OPENPANEL_LOG_LEVEL: 'warn',
      },
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr?.on('data', (d) => (stderr += d));
    const client = newClient();
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name)).toContain('wait_for_action');
      expect((await client.listTools()).tools.map((t) => t.name)).not.toContain('create_app');
      expect(textOf(await client.callTool({ name: 'list_apps', arguments: {} }))).toMatch(/No apps yet/);

      await owner.post('/api/apps', createApi);
      const pending = textOf(await client.callTool({ name: 'restart_app', arguments: { app: 'api' } }));
      const id = actionIdIn(pending)!;
      expect(pending).toMatch(/this client cannot show an approval prompt/);
      expect((await panel.ctx.db.select().from(actions))[0]).toMatchObject({
        id,
        status: 'pending',
        origin: { transport: 'http' },
      });

      const waiting = client.callTool({ name: 'wait_for_action', arguments: { id, timeoutSeconds: 20 } });
      expect((await owner.post(`/api/actions/${id}/approve`, {})).status).toBe(200);
      // It ran after the approval: restarting an app that was never deployed fails inside the tool.
      expect(textOf(await waiting)).toBe(
        `Action ${id} (restart_app: Restart app "api") was approved but failed: App api has not been deployed yet.`,
      );
      expect((await panel.ctx.db.select().from(actions))[0]).toMatchObject({
        status: 'failed',
        decidedByLabel: 'owner@example.com',
      });
    } finally {
      await client.close();
    }
    expect(stderr).not.toMatch(/error/i);
  });
});

/** The MCP Inspector is a client we did not write; its CLI mode prints JSON to stdout. */
function inspector(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = path.resolve('node_modules/@modelcontextprotocol/inspector/cli/build/cli.js');
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [cli, '--cli', `${base}/mcp`, '--transport', 'http', '--header', `Authorization: Bearer ${token}`, ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('MCP Inspector CLI against the running server', () => {
  it('lists the tools and calls a read tool', async () => {
    await owner.post('/api/apps', createApi);
    const [listed, called] = await Promise.all([
      inspector(['--method', 'tools/list']),
      inspector(['--method', 'tools/call', '--tool-name', 'list_apps']),
    ]);
    expect(listed.code, listed.stderr).toBe(0);
    const names = (
      JSON.parse(listed.stdout) as { tools: { name: string; annotations: { readOnlyHint: boolean } }[] }
    ).tools.map((t) => t.name);
    expect(names.sort()).toEqual(
      tools
        .filter((t) => !t.peopleOnly)
        .map((t) => t.name)
        .sort(),
    );
    expect(called.code, called.stderr).toBe(0);
    const result = JSON.parse(called.stdout) as { content: { type: string; text: string }[]; isError?: boolean };
    expect(result.isError).toBeFalsy();
    expect(result.content[0]!.text).toMatch(/- api \(project default\): image nginx:1\.27/);
  });
});

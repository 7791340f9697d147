import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { loadEnv } from '../server/env.ts';
import { createContext, closeContext } from '../server/context.ts';
import { createFirstOwner } from '../server/services/users.ts';
import { createApiToken } from '../server/services/api-tokens.ts';
import { SCOPES } from '../server/auth/permissions.ts';
import { freePort } from '../server/test/global-setup.ts';
import { tools } from '../tools/registry.ts';
import { newClient, prompter, textOf, type Prompter } from './test-helpers.ts';

/**
 * `openpanel mcp` with no panel running: it opens the embedded database in DATA_DIR itself. The
 * folder is prepared here (owner, tokens), closed, then handed to the child process.
 */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-mcp-stdio-'));
const bin = path.resolve('bin/openpanel.js');
let agentToken = '';

beforeAll(async () => {
  const ctx = await createContext(loadEnv({ DATA_DIR: dataDir, OPENPANEL_LOG_LEVEL: 'silent' }));
  try {
    await ctx.database.migrate();
    const cli = { actor: { type: 'system' as const, label: 'test', scopes: [...SCOPES] } };
    const owner = await createFirstOwner(ctx.db, cli, {
      email: 'owner@example.com',
      name: 'Owner',
      password: 'correct horse battery',
    });
    // This test drives the client prompt, so the owner opts this token in to client approvals.
    agentToken = (
      await createApiToken(ctx.db, cli, owner, {
        name: 'ide',
        kind: 'agent',
        scopes: ['read', 'write'],
        requirePanelApproval: false,
      })
    ).token;
  } finally {
    await closeContext(ctx);
  }
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

async function spawnMcp(token: string, p?: Prompter) {
  // A free PORT, so the command finds no panel to forward to and serves in-process.
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [bin, 'mcp'],
    env: { OPENPANEL_TOKEN: token, DATA_DIR: dataDir, PORT: String(await freePort()), OPENPANEL_LOG_LEVEL: 'info' },
    stderr: 'pipe',
  });
  const log = { stderr: '' };
  transport.stderr?.on('data', (d) => (log.stderr += d));
  const client = newClient(p);
  const protocolErrors: Error[] = [];
  client.onerror = (err) => protocolErrors.push(err);
  return { client, transport, log, protocolErrors };
}

describe('openpanel mcp over stdio, in-process', () => {
  // Token refusals share agentCallerFromToken with the in-process suite (server.test.ts).
  it('serves every tool and asks the person before a write; stdout carries only protocol messages', async () => {
    const person = prompter(() => ({ action: 'accept', content: { approve: true } }));
    const { client, transport, log, protocolErrors } = await spawnMcp(agentToken, person);
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools).toHaveLength(tools.filter((t) => !t.peopleOnly).length);
      expect(
        textOf(
          await client.callTool({
            name: 'create_app',
            arguments: { name: 'api', source: { type: 'image', image: 'nginx:1.27' } },
          }),
        ),
      ).toMatch(/approved by owner@example\.com \(via MCP elicitation\) and succeeded/);
      expect(person.asked).toHaveLength(1);
      expect(textOf(await client.callTool({ name: 'list_apps', arguments: {} }))).toMatch(/1 app:\n- api/);
    } finally {
      await client.close();
    }
    // Logs went to stderr (info level is on), and nothing else reached stdout to break the protocol.
    expect(log.stderr).toMatch(/serving in-process on the configured database/);
    expect(protocolErrors).toEqual([]);
  });
});

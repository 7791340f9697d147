import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import {
  ElicitRequestSchema,
  type CallToolResult,
  type ElicitRequest,
  type ElicitResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { AppContext } from '../server/context.ts';
import type { Client as HttpClient } from '../server/test/harness.ts';
import { buildServer } from './server.ts';
import { agentCallerFromToken } from './session.ts';
import type { Preset } from './catalog.ts';

/** What a test client's person does with an approval prompt; every prompt is recorded. */
export interface Prompter {
  answer: (req: ElicitRequest['params']) => ElicitResult | Promise<ElicitResult>;
  asked: ElicitRequest['params'][];
}

export function prompter(answer: Prompter['answer']): Prompter {
  return { answer, asked: [] };
}

/** Declares elicitation and answers each prompt as `p` says; without `p`, the client cannot be asked. */
function attachPrompter(client: Client, p: Prompter | undefined): void {
  if (!p) return;
  client.setRequestHandler(ElicitRequestSchema, (req) => {
    p.asked.push(req.params);
    return p.answer(req.params);
  });
}

export function newClient(p?: Prompter): Client {
  const client = new Client(
    { name: 'openpanel-test', version: '1.0.0' },
    { capabilities: p ? { elicitation: {} } : {} },
  );
  attachPrompter(client, p);
  return client;
}

/** The real server and the SDK's real client, linked in memory. */
export async function connectInProcess(
  ctx: AppContext,
  token: string,
  opts: { prompter?: Prompter; preset?: Preset } = {},
): Promise<Client> {
  const caller = await agentCallerFromToken(ctx.db, token);
  const server = buildServer(ctx, { caller, preset: opts.preset ?? 'all', transport: 'memory' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const client = newClient(opts.prompter);
  await client.connect(clientSide);
  // Listing caches each tool's outputSchema in the SDK client, which then validates every
  // structuredContent it gets (and refuses a result that lacks one), as a real client does.
  await client.listTools();
  return client;
}

export function textOf(result: unknown): string {
  return ((result as CallToolResult).content ?? []).map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

export const actionIdIn = (text: string) => /Pending action ([0-9a-f-]{36})/.exec(text)?.[1];

export async function newAgentToken(
  owner: HttpClient,
  body: { scopes: string[]; requirePanelApproval?: boolean; name?: string },
): Promise<string> {
  // Elicitation tests need a token whose owner opted in to client prompts (the default is panel-only).
  const res = await owner.post('/api/tokens', {
    name: body.name ?? 'mcp',
    kind: 'agent',
    requirePanelApproval: false,
    ...body,
  });
  if (res.status !== 201) throw new Error(`token create failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

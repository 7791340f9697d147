import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, createToken, setupOwner, Client, type TestPanel } from '../test/harness.ts';
import { createLogger } from '../logger.ts';
import { tools } from '../../tools/registry.ts';
import { requestTool } from '../approvals/gate.ts';
import { DomainError } from '../errors.ts';
import { connectInProcess, textOf } from '../../mcp/test-helpers.ts';

/**
 * Every operation in the OpenAPI document and every tool refuses a NUL byte and an unpaired
 * surrogate with a 422 (never a 500 from Postgres), and the panel log never holds the values.
 */
const NUL = 'canary\u0000nul';
const SURROGATE = 'canary\uD800lone';
const MESSAGE = 'contains a NUL byte or an unpaired surrogate; remove it';

let panel: TestPanel;
let owner: Client;
let bearer: Client;
const logged: string[] = [];

beforeAll(async () => {
  panel = await createTestPanel();
  // Every line the panel logs during the sweep, at the most verbose level.
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged.push(String(chunk));
      done();
    },
  });
  (panel.ctx as { logger: unknown }).logger = createLogger('trace', sink);
  owner = await setupOwner(panel);
  bearer = Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read', 'write', 'admin'] }));
});
afterAll(() => panel.close());

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; $ref?: string; items?: Schema };
type Operation = {
  parameters?: { in: string; name: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};

function resolve(doc: { components?: { schemas?: Record<string, Schema> } }, s: Schema | undefined): Schema {
  if (s?.$ref) return resolve(doc, doc.components?.schemas?.[s.$ref.split('/').at(-1)!]);
  return s ?? {};
}

/** A JSON body with `bad` in the schema's first string field (or a made-up one when there is none). */
function bodyWith(doc: Parameters<typeof resolve>[0], schema: Schema | undefined, bad: string): unknown {
  const s = resolve(doc, schema);
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const p = resolve(doc, prop);
    const types = [p.type].flat();
    if (types.includes('string')) return { [name]: bad };
    if (types.includes('array') && [resolve(doc, p.items).type].flat().includes('string')) return { [name]: [bad] };
  }
  return { note: bad };
}

async function expectRefused(res: Response, what: string) {
  const text = await res.text();
  expect(res.status, `${what}: ${text.slice(0, 300)}`).toBe(422);
  const body = JSON.parse(text) as { error: { type: string; fields: { path: string; message: string }[] } };
  expect(body.error.type).toBe('validation:input');
  expect(body.error.fields[0]!.message).toBe(MESSAGE);
}

/** No query ran with the values: no error lines, no failed query, no canary (bar the access log's URL path). */
function expectCleanLog() {
  const lines = logged.map((l) => JSON.parse(l) as { level: number; msg?: string; path?: string });
  expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  const all = JSON.stringify(lines.map(({ path: _path, ...rest }) => rest));
  expect(all).not.toContain('canary');
  expect(all).not.toContain('Failed query');
}

describe('unsafe text on every REST operation', () => {
  it('a NUL in a path parameter, a query value or a JSON string is a 422 on every operation', async () => {
    const doc = (await (await owner.get('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, Operation>>;
      components?: { schemas?: Record<string, Schema> };
    };
    let checked = 0;
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const verb = method.toUpperCase();
        const plain = template.replace(/\{[^}]+\}/g, 'x');
        const query = op.parameters?.find((p) => p.in === 'query')?.name ?? 'q';
        for (const bad of [NUL, SURROGATE]) {
          const encoded = encodeURIComponent(bad.replace('\uD800', '')) + (bad === SURROGATE ? '%ED%A0%80' : '');
          if (bad === NUL && template.includes('{')) {
            const url = template.replace(/\{[^}]+\}/, encodeURIComponent(bad)).replace(/\{[^}]+\}/g, 'x');
            await expectRefused(await bearer.request(verb, url), `${verb} ${template} path`);
          }
          // A URL cannot carry a lone surrogate (UTF-8 has none): it arrives as U+FFFD or stays encoded.
          const queryRes = await bearer.request(verb, `${plain}?${query}=${encoded}`);
          if (bad === NUL) await expectRefused(queryRes, `${verb} ${template} query`);
          else expect(queryRes.status, `${verb} ${template} query`).not.toBe(500);
          const json = op.requestBody?.content?.['application/json'];
          if (json) {
            const res = await bearer.request(verb, plain, bodyWith(doc, json.schema, bad));
            await expectRefused(res, `${verb} ${template} body`);
          }
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expectCleanLog();
  });

  it('the same with a session: the browser’s requests, and the chat', async () => {
    for (const bad of [NUL, SURROGATE]) {
      await expectRefused(
        await owner.post('/api/chat', {
          messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: `deploy ${bad}` }] }],
        }),
        'chat',
      );
      await expectRefused(await owner.post('/api/auth/login', { email: 'o@example.com', password: bad }), 'login');
    }
    const conversations = (await (await owner.get('/api/conversations')).json()) as { conversations: unknown[] };
    expect(conversations.conversations).toEqual([]);
    expectCleanLog();
  });
});

describe('unsafe text on every tool', () => {
  const firstString = (schema: Schema): string | undefined =>
    Object.entries(schema.properties ?? {}).find(([, p]) => [p.type].flat().includes('string'))?.[0];

  it('POST /api/tools/{name} refuses it in each tool’s first string field', async () => {
    const list = (await (await owner.get('/api/tools')).json()) as { tools: { name: string; inputSchema: Schema }[] };
    expect(list.tools.length).toBe(tools.length);
    for (const tool of list.tools) {
      const field = firstString(tool.inputSchema) ?? 'extra';
      for (const bad of [NUL, SURROGATE]) {
        await expectRefused(await bearer.post(`/api/tools/${tool.name}`, { [field]: bad }), tool.name);
      }
    }
    expectCleanLog();
  });

  it('the gate itself refuses it for every tool, with the field and what to fix', async () => {
    const caller = { actor: { type: 'system' as const, label: 'test', scopes: ['read', 'write', 'admin'] as const } };
    for (const tool of tools) {
      const field = firstString((await import('zod')).toJSONSchema(tool.input, { io: 'input' }) as Schema) ?? 'extra';
      for (const bad of [NUL, SURROGATE]) {
        const err = await requestTool(panel.ctx, {
          tool: tool.name,
          input: { [field]: bad },
          caller,
          // A people-only tool refuses the chat before it reads any input; a person's API call reads it.
          via: tool.peopleOnly ? 'api' : 'chat',
        }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(err, tool.name).toBeInstanceOf(DomainError);
        expect((err as DomainError).kind).toBe('invalid');
        expect((err as DomainError).message).toContain(`${field}: ${MESSAGE}`);
      }
    }
    expectCleanLog();
  });

  it('an MCP client gets an invalid tool result, and an MCP resource read a JSON-RPC error', async () => {
    const agent = await createToken(owner, { kind: 'agent', scopes: ['read', 'write'] });
    const client = await connectInProcess(panel.ctx, agent);
    const result = await client.callTool({ name: 'get_app', arguments: { app: NUL } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(`app: ${MESSAGE}`);
    await client.close();

    const res = await panel.app.request('/mcp', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${agent}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 7,
        method: 'resources/read',
        params: { uri: `openpanel://apps/${SURROGATE}` },
      }),
    });
    const body = (await res.json()) as { id: number; error: { code: number; message: string } };
    expect(body.id).toBe(7);
    expect(body.error.code).toBe(-32602);
    expect(body.error.message).toContain(`params.uri ${MESSAGE}`);
    expectCleanLog();
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { count } from 'drizzle-orm';
import { actions } from '../db/schema/actions.ts';
import { apps } from '../db/schema/apps.ts';
import { deployments } from '../db/schema/deployments.ts';
import { Client, createTestPanel, createToken, setupOwner, type TestPanel } from '../test/harness.ts';
import { findTool, tools } from '../../tools/registry.ts';
import { toolRouteTable } from './tool-routes.ts';

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
    await createToken(owner, { name: 'ide', kind: 'agent', scopes: ['read', 'write', 'admin'] }),
  );
  const created = await owner.post('/api/apps', { name: 'prod', source: { type: 'image', image: 'nginx:1.27' } });
  expect(created.status).toBe(201);
});

const rows = async (table: typeof actions | typeof apps | typeof deployments) =>
  (await panel.ctx.db.select({ n: count() }).from(table))[0]!.n;

type Operation = { requestBody?: unknown; parameters?: { name: string; in: string }[]; responses: Record<string, any> };
async function openapi(): Promise<{ paths: Record<string, Record<string, Operation>> }> {
  return (await owner.get('/api/openapi.json')).json();
}

describe('REST from the tool registry', () => {
  it('documents every table route with its tool’s input and output schema', async () => {
    const doc = await openapi();
    for (const route of toolRouteTable) {
      const op = doc.paths[route.path]?.[route.method];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      const tool = findTool(route.tool)!;
      const fields = Object.keys(tool.input.shape);
      const documented = [
        ...(op!.parameters ?? []).map((p) => p.name),
        ...Object.keys((op!.requestBody as any)?.content['application/json'].schema.properties ?? {}),
      ];
      expect(documented.sort(), `${route.tool} input`).toEqual([...fields].sort());
      const status = String(route.status ?? 200);
      const schema = op!.responses[status].content['application/json'].schema;
      const expected = z.toJSONSchema((tool.output ?? z.unknown()) as z.ZodType, {
        io: 'output',
        unrepresentable: 'any',
      });
      if (route.status === 202 && tool.risk !== 'read') {
        expect(schema.anyOf, `${route.tool} output or pending`).toHaveLength(2);
      } else if (tool.output) {
        expect(Object.keys(schema.properties ?? {}).sort(), `${route.tool} output`).toEqual(
          Object.keys((expected as any).properties ?? {}).sort(),
        );
      }
      if (tool.risk !== 'read') expect(op!.responses['202'], `${route.tool} pending`).toBeDefined();
    }
  });

  it('sends an agent token’s every documented write to a person, or refuses it; nothing runs', async () => {
    const doc = await openapi();
    const appsBefore = await rows(apps);
    let checked = 0;
    let pendings = 0;
    let refused = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of ['post', 'put', 'patch', 'delete'] as const) {
        if (!methods[method]) continue;
        const url = path
          .replace('{app}', 'prod')
          .replace('{name}', method === 'post' && path === '/api/tools/{name}' ? 'deploy_app' : 'API_KEY')
          .replaceAll(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
        const body = path === '/api/tools/{name}' ? { app: 'prod' } : {};
        const res = await agent.request(method.toUpperCase(), url, body);
        const text = await res.text();
        const pending = [200, 202].includes(res.status) && JSON.parse(text).status === 'pending';
        const viaGate =
          toolRouteTable.some((r) => r.path === path) || ['/api/tools/{name}', '/api/chat'].includes(path);
        if (viaGate) {
          // Through the gate: a pending action, or input refused before anything runs; never done.
          expect(pending || (res.status >= 400 && res.status < 500), `${method} ${path}: ${res.status} ${text}`).toBe(
            true,
          );
          if (pending) pendings++;
        } else {
          // Everything else is for people: refused before the route runs.
          expect(res.status, `${method} ${path}: ${text}`).toBe(403);
          refused++;
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
    // deploy, rollback, start, stop, restart, delete app, /api/tools/deploy_app … need nothing but the URL.
    expect(pendings).toBeGreaterThanOrEqual(7);
    expect(refused).toBeGreaterThanOrEqual(10);
    expect(await rows(apps)).toBe(appsBefore);
    expect(await rows(deployments)).toBe(0);
    expect((await (await owner.get('/api/apps/prod')).json()).app.name).toBe('prod');
    expect((await owner.get('/api/projects/default')).status).toBe(200);
    expect(await rows(actions)).toBe(pendings);
    // A valid write by the agent became an approval, not a run.
    const deploy = await agent.post('/api/apps/prod/deploy');
    expect(deploy.status).toBe(202);
    expect(await deploy.json()).toMatchObject({ status: 'pending', action: { tool: 'deploy_app' } });
    expect(await rows(deployments)).toBe(0);
  });

  it('applies a deny policy to the resource route and to /api/tools alike, for a person', async () => {
    const rule = await owner.post('/api/policies', { tool: 'deploy_app', app: 'prod', decision: 'deny' });
    expect(rule.status).toBe(201);
    const human = Client.withToken(panel, await createToken(owner, { kind: 'human', scopes: ['read', 'write'] }));
    for (const client of [owner, human]) {
      const rest = await client.post('/api/apps/prod/deploy');
      expect(rest.status).toBe(403);
      expect((await rest.json()).error.type).toBe('policy:denied');
      const viaTools = await client.post('/api/tools/deploy_app', { app: 'prod' });
      expect(viaTools.status).toBe(403);
      expect((await viaTools.json()).status).toBe('denied');
    }
    expect(await rows(deployments)).toBe(0);
  });

  it('answers a write on a missing app with 404 at once, for agents and people, with no action row', async () => {
    for (const client of [agent, owner]) {
      const res = await client.post('/api/apps/nope/restart');
      expect(res.status).toBe(404);
      expect((await res.json()).error.message).toMatch(/no app "nope"/i);
    }
    expect(await rows(actions)).toBe(0);
  });

  it('gives 422 with fields for bad input, checked by the tool’s own schema', async () => {
    const res = await owner.get('/api/apps/prod/logs?tail=100000&stream=both');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.type).toBe('validation:query');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['stream', 'tail']);
    const bad = await owner.put('/api/apps/prod/env', { vars: [{ name: '1BAD', value: 'x' }] });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.type).toBe('validation:body');
  });

  it('keeps the env value reveal for people: an agent token with admin scope is refused', async () => {
    expect((await owner.put('/api/apps/prod/env', { vars: [{ name: 'API_KEY', value: 'v1' }] })).status).toBe(200);
    expect((await agent.get('/api/apps/prod/env/API_KEY/value')).status).toBe(403);
    const shown = await owner.get('/api/apps/prod/env/API_KEY/value');
    expect(await shown.json()).toEqual({ name: 'API_KEY', value: 'v1' });
  });

  it('lists every tool at GET /api/tools with its risk, hints and both schemas, as the registry has them', async () => {
    const { tools: listed } = await (await owner.get('/api/tools')).json();
    expect(listed.map((t: { name: string }) => t.name)).toEqual(tools.map((t) => t.name));
    for (const t of listed) {
      const tool = findTool(t.name)!;
      expect(t, t.name).toMatchObject({ risk: tool.risk, hints: tool.hints });
      const out = t.outputSchema.$ref
        ? t.outputSchema.definitions[t.outputSchema.$ref.split('/').pop()]
        : t.outputSchema;
      expect(out.type, t.name).toBe('object');
      expect(Object.keys(t.inputSchema.properties ?? {}).sort(), t.name).toEqual(Object.keys(tool.input.shape).sort());
    }
  });
});

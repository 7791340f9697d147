import { execFileSync } from 'node:child_process';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client as McpClient } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { createTestPanel, setupOwner, type Client, type TestPanel } from '../server/test/harness.ts';
import { BUSYBOX, cleanupEngine, makeGitRepo } from '../server/test/deploy-helpers.ts';
import { removeVolume } from '../server/backups/test-helpers.ts';
import { findTool, tools } from '../tools/registry.ts';
import { connectInProcess, newAgentToken, prompter, textOf } from './test-helpers.ts';

/**
 * Every tool in the registry, called through MCP with the SDK's real client on a real panel
 * (PGlite, in-process jobs, the Docker engine): each result's structuredContent is checked against
 * the outputSchema the tool advertises, by our own Ajv and by the SDK client, which validates on
 * its own once it has listed the tools. Steps share state and run in order.
 */
const suffix = Math.random().toString(36).slice(2, 8);
const P = `st-${suffix}`;
const WEB = `${P}-web`;
const SLOW = `${P}-slow`;
const VOLUME = `${P}-data`;

let panel: TestPanel;
let owner: Client;
let client: McpClient;
let listed: Tool[];
const validators = new Map<string, ValidateFunction>();
/** Tools whose own result (not a pending action) was validated. */
/** What MCP offers: the registry less the tools only a person may call. */
const offered = tools.filter((t) => !t.peopleOnly);
const covered = new Set<string>();
let pendingChecked = 0;

// Draft-07, as advertised; formats checked too (the SDK client does the same).
const ajv = new Ajv({ strict: true, allErrors: true });
// CommonJS: the plugin is module.exports and, again, its `default`.
ajvFormats.default(ajv);

beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
  panel = await createTestPanel({ OPENPANEL_BACKUP_HELPER_IMAGE: BUSYBOX }, { jobs: true });
  owner = await setupOwner(panel);
  // The owner lets agents' writes run without asking, so each write returns its own result here;
  // the pending shape and approvals are covered at the end.
  const rule = await owner.post('/api/policies', { requesterKind: 'agent', decision: 'allow' });
  expect(rule.status, await rule.clone().text()).toBe(201);
  client = await connectInProcess(panel.ctx, await newAgentToken(owner, { scopes: ['read', 'write'] }));
  listed = (await client.listTools()).tools;
  for (const t of listed) if (t.outputSchema) validators.set(t.name, ajv.compile(t.outputSchema));
});
afterAll(async () => {
  if (!panel) return;
  await cleanupEngine(panel);
  await removeVolume(panel.ctx.docker, VOLUME);
  await panel.close();
});

// Results are checked by their schema; the steps read a few fields
type Data = Record<string, any>;

function expectValid(name: string, structured: unknown): void {
  const validate = validators.get(name);
  expect(validate, `${name} advertises no outputSchema`).toBeDefined();
  const ok = validate!(structured);
  expect(ok, `${name}: ${ajv.errorsText(validate!.errors)}\n${JSON.stringify(structured).slice(0, 2000)}`).toBe(true);
}

/** Calls a tool through MCP; it must succeed with its own result, valid against its outputSchema. */
async function call(name: string, args: Record<string, unknown>, via = client): Promise<Data> {
  const result = (await via.callTool({ name, arguments: args })) as CallToolResult;
  expect(result.isError, `${name}: ${textOf(result)}`).toBeFalsy();
  expect(result.structuredContent, `${name} returned no structuredContent`).toBeDefined();
  expect(result.structuredContent, `${name} ended as a pending action`).not.toHaveProperty('pendingAction');
  expectValid(name, result.structuredContent);
  covered.add(name);
  return result.structuredContent as Data;
}

async function until<T>(what: string, get: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await get();
    if (done(v)) return v;
    if (Date.now() > deadline) throw new Error(`${what}: ${JSON.stringify(v).slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const deploymentIn = (d: Data) =>
  until(
    `deployment ${d.deployment.id}`,
    () => call('get_deployment', { deployment: d.deployment.id }),
    (v) => ['running', 'failed', 'cancelled'].includes(v.deployment.status),
  );

describe('tools/list', () => {
  it('advertises an object outputSchema for every tool; a write’s also admits the pending action', () => {
    expect(listed.map((t) => t.name).sort()).toEqual(offered.map((t) => t.name).sort());
    for (const t of listed) {
      expect(t.outputSchema, t.name).toBeDefined();
      expect(t.outputSchema!.type, t.name).toBe('object');
      const tool = findTool(t.name)!;
      const branches = (t.outputSchema as { anyOf?: { properties?: Record<string, unknown> }[] }).anyOf;
      if (tool.risk === 'read') expect(branches, t.name).toBeUndefined();
      else
        expect(
          branches?.map((b) => Object.keys(b.properties ?? {}).includes('pendingAction')),
          t.name,
        ).toEqual([false, true]);
    }
  });
});

describe('every tool through MCP, its structuredContent valid against its outputSchema', () => {
  it('projects', async () => {
    await call('list_projects', {});
    const project = `${P}-proj`;
    expect((await call('create_project', { name: project })).project.name).toBe(project);
    await call('get_project', { project });
    await call('update_project', { project, description: 'Structured output test' });
    await call('delete_project', { project });
  });

  it('creates, deploys and inspects an app from a local busybox image', async () => {
    const created = await call('create_app', {
      name: WEB,
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      command: ['sh', '-c', 'mkdir -p /srv && echo ok > /srv/index.html && exec httpd -f -p 8080 -h /srv'],
      volumes: [{ name: VOLUME, target: '/data' }],
      healthCheck: { type: 'http', path: '/' },
    });
    expect(created.app.name).toBe(WEB);
    await call('update_app', { app: WEB, restartPolicy: 'unless-stopped' });
    const done = await deploymentIn(await call('deploy_app', { app: WEB }));
    expect(done.deployment.status).toBe('running');

    await call('list_apps', {});
    expect((await call('get_app', { app: WEB })).runtime.state).toBe('running');
    await call('list_deployments', { app: WEB });
    expect((await call('get_build_logs', { deployment: done.deployment.id })).lines.length).toBeGreaterThan(0);
    await call('get_app_logs', { app: WEB, tail: 20 });
    await call('get_app_stats', { app: WEB });
    if (findTool('diagnose_deployment')) await call('diagnose_deployment', { deployment: done.deployment.id });
  });

  it('restarts, stops and starts it', async () => {
    await call('restart_app', { app: WEB });
    await call('stop_app', { app: WEB });
    await call('start_app', { app: WEB });
  });

  it('env vars and domains', async () => {
    await call('set_env_vars', { app: WEB, vars: [{ name: 'DEBUG', value: '1' }] });
    await call('list_env_vars', { app: WEB });
    await call('unset_env_vars', { app: WEB, names: ['DEBUG'] });
    const host = `${P}.example.com`;
    await call('add_domain', { app: WEB, host });
    expect((await call('list_domains', { app: WEB })).domains.length).toBe(1);
    await call('remove_domain', { app: WEB, domain: host });
  });

  it('backs up the volume, schedules, restores and deletes backups', async () => {
    const queued = await call('create_backup', { app: WEB, kind: 'volume' });
    const backup = queued.backup.id as string;
    await until(
      `backup ${backup}`,
      () => call('get_backup', { backup }),
      (v) => ['succeeded', 'failed'].includes(v.backup.status),
    ).then((v) => expect(v.backup.status, JSON.stringify(v)).toBe('succeeded'));
    await call('list_backups', { app: WEB });

    const scheduled = await call('schedule_backup', { app: WEB, kind: 'volume', schedule: '0 3 * * *' });
    const made = await call('create_backup_schedule', {
      name: `${P}-nightly`,
      app: WEB,
      kind: 'volume',
      schedule: '0 4 * * *',
    });
    const config = made.config.id as string;
    await call('list_backup_schedules', { app: WEB });
    await call('get_backup_schedule', { config });
    await call('update_backup_schedule', { config, schedule: '30 4 * * *', keepLast: 3 });
    await call('delete_backup_schedule', { config });
    await call('delete_backup_schedule', { config: scheduled.config.id });

    await call('restore_backup', { backup, app: WEB });
    await call('delete_backup', { backup, app: WEB });
  });

  it('deploys again and rolls back', async () => {
    expect((await deploymentIn(await call('deploy_app', { app: WEB }))).deployment.status).toBe('running');
    expect((await deploymentIn(await call('rollback_app', { app: WEB }))).deployment.status).toBe('running');
  });

  it('cancels a deployment that is still starting', async () => {
    await call('create_app', {
      name: SLOW,
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      command: ['sleep', '300'],
      healthCheck: { type: 'tcp' },
      healthTimeoutSeconds: 120,
    });
    const queued = await call('deploy_app', { app: SLOW });
    await until(
      'a starting deployment',
      () => call('get_deployment', { deployment: queued.deployment.id }),
      (v) => v.deployment.status === 'starting',
    );
    expect((await call('cancel_deployment', { deployment: queued.deployment.id })).deployment.cancelRequested).toBe(
      true,
    );
    await deploymentIn(queued);
  });

  it('proposes a Dockerfile and searches the project context', async () => {
    const repo = makeGitRepo({
      'package.json': JSON.stringify({ name: 'demo', scripts: { start: 'node server.js' } }),
      'server.js': "require('node:http').createServer((q, s) => s.end('ok')).listen(3000);\n",
    });
    await call('create_app', { name: `${P}-git`, source: { type: 'git', url: repo.url, ref: 'main' }, port: 3000 });
    expect((await call('generate_dockerfile', { app: `${P}-git` })).dockerfile).toContain('FROM node:');
    // No provider here: the refinement says so and keeps the offline proposal (its model path is in tools/).
    expect((await call('refine_dockerfile', { app: `${P}-git` })).refinement).toMatchObject({ status: 'unavailable' });
    await call('search_context', { query: 'busybox httpd' });
    expect((await call('remove_deploy_key', { app: `${P}-git` })).removed).toBe(false);
  });

  it('a write that needs approval returns the pending action, valid against the same schema; approved in the panel, wait_for_action gives the outcome', async () => {
    const rule = await owner.post('/api/policies', { tool: 'delete_app', requesterKind: 'agent', decision: 'ask' });
    expect(rule.status).toBe(201);
    const result = (await client.callTool({ name: 'delete_app', arguments: { app: SLOW } })) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expectValid('delete_app', result.structuredContent);
    pendingChecked++;
    const pending = (result.structuredContent as Data).pendingAction;
    expect(pending).toMatchObject({
      tool: 'delete_app',
      risk: 'destructive',
      status: 'pending',
      url: expect.stringContaining(`/approvals/${pending.id}`),
      target: { type: 'app', name: SLOW },
    });
    expect(textOf(result)).toContain(`Pending action ${pending.id}`);

    expect((await call('list_pending_actions', {})).actions.map((a: Data) => a.id)).toContain(pending.id);
    expect((await call('get_action', { id: pending.id })).action.status).toBe('pending');
    expect((await owner.post(`/api/actions/${pending.id}/approve`, {})).status).toBe(200);
    const outcome = await call('wait_for_action', { id: pending.id, timeoutSeconds: 30 });
    expect(outcome.action.status).toBe('succeeded');
  });

  it('approved in the client’s prompt: the result is the approved run’s own data; declined: the action, rejected', async () => {
    const token = await newAgentToken(owner, { scopes: ['read', 'write'], name: 'prompted' });
    const yes = await connectInProcess(panel.ctx, token, {
      prompter: prompter(() => ({ action: 'accept', content: { approve: true } })),
    });
    const no = await connectInProcess(panel.ctx, token, { prompter: prompter(() => ({ action: 'decline' })) });

    const declined = (await no.callTool({ name: 'delete_app', arguments: { app: WEB } })) as CallToolResult;
    expectValid('delete_app', declined.structuredContent);
    pendingChecked++;
    expect((declined.structuredContent as Data).pendingAction).toMatchObject({
      status: 'rejected',
      tool: 'delete_app',
    });

    // The SDK client validates this one too; call() validates it again and requires the tool's own shape.
    const deleted = await call('delete_app', { app: WEB }, yes);
    expect(deleted.removedContainers).toBeGreaterThanOrEqual(1);
    expect(textOf(await client.callTool({ name: 'list_apps', arguments: {} }))).not.toContain(WEB);
  });

  it('covered every tool in the registry', () => {
    // A tool added to the registry needs a step above that calls it with a valid input.
    expect([...covered].sort(), 'every offered tool called and validated').toEqual(offered.map((t) => t.name).sort());
    // A tool that takes a private key is never offered to an assistant, and refused if named.
    expect(tools.filter((t) => t.peopleOnly).map((t) => t.name)).toEqual(['set_deploy_key']);
    expect(pendingChecked).toBe(2);
  });
});

describe('errors', () => {
  it('stay isError text without structuredContent', async () => {
    const missing = (await client.callTool({ name: 'get_app', arguments: { app: 'nope' } })) as CallToolResult;
    expect(missing.isError).toBe(true);
    expect(missing.structuredContent).toBeUndefined();
    expect(textOf(missing)).toMatch(/nope/);
    const invalid = (await client.callTool({ name: 'deploy_app', arguments: {} })) as CallToolResult;
    expect(invalid.isError).toBe(true);
    expect(invalid.structuredContent).toBeUndefined();
  });
});

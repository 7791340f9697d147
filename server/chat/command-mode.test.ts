import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
// The harness (the Hono app) first: routes call .openapi() on shared zod schemas, which needs
// @hono/zod-openapi to have extended zod before the tools' schemas are built.
import { createTestPanel, type TestPanel } from '../test/harness.ts';
import { parseCommand, resolveCommand, type CommandCall } from './command-mode.ts';
import { findTool } from '../../tools/registry.ts';
import { createApp } from '../services/apps.ts';
import { deployApp } from '../services/deployments.ts';
import { deployments } from '../db/schema/deployments.ts';
import type { Caller } from '../audit.ts';

const ID = '0b3c1a9e-2f4d-4c5b-9a6e-1d2c3b4a5f60';
type Expected = { tool: string; input: Record<string, unknown>; lookup?: CommandCall['lookup'] }[] | RegExp;
const c = (tool: string, input: Record<string, unknown> = {}, lookup?: CommandCall['lookup']) => ({
  tool,
  input,
  ...(lookup ? { lookup } : {}),
});

/** Input → the exact calls, or a pattern the reply must match. */
const TABLE: [string, Expected][] = [
  ['deploy api', [c('deploy_app', { app: 'api' })]],
  ['deploy the api app', [c('deploy_app', { app: 'api' })]],
  ['redeploy web', [c('deploy_app', { app: 'web' })]],
  ['Please deploy the API app!', [c('deploy_app', { app: 'api' })]],
  ['could you please restart the web app now?', [c('restart_app', { app: 'web' })]],
  ['deploy api and web', [c('deploy_app', { app: 'api' }), c('deploy_app', { app: 'web' })]],
  ['logs api --tail 50', [c('get_app_logs', { app: 'api', tail: 50 })]],
  ['logs api --filter error', [c('get_app_logs', { app: 'api', filter: 'error' })]],
  ['show logs for api since 10m', [c('get_app_logs', { app: 'api', since: '10m' })]],
  [
    'show me the logs of api since 2 hours --stderr',
    [c('get_app_logs', { app: 'api', since: '2h', stream: 'stderr' })],
  ],
  ['logs api last 20 lines', [c('get_app_logs', { app: 'api', tail: 20 })]],
  ['build logs api', [c('get_build_logs', { app: 'api' })]],
  [`build logs ${ID} --tail 20`, [c('get_build_logs', { deployment: ID, tail: 20 })]],
  ['diagnose api', [c('diagnose_deployment', { app: 'api' })]],
  ['why did my deploy of api fail?', [c('diagnose_deployment', { app: 'api' })]],
  ['what went wrong with web', [c('diagnose_deployment', { app: 'web' })]],
  [`diagnose ${ID}`, [c('diagnose_deployment', { deployment: ID })]],
  ['diagnose api 3', [c('diagnose_deployment', { deployment: 'deployment #3 of api' }, { app: 'api', number: 3 })]],
  ['why did my deploy fail?', /Which app/],
  ['rollback api', [c('rollback_app', { app: 'api' })]],
  [
    'rollback api to 3',
    [c('rollback_app', { app: 'api', deployment: 'deployment #3 of api' }, { app: 'api', number: 3 })],
  ],
  [
    'roll back the api app to deployment #2',
    [c('rollback_app', { app: 'api', deployment: 'deployment #2 of api' }, { app: 'api', number: 2 })],
  ],
  [`rollback api to ${ID}`, [c('rollback_app', { app: 'api', deployment: ID })]],
  ['restart api', [c('restart_app', { app: 'api' })]],
  ['stop api', [c('stop_app', { app: 'api' })]],
  ['start api', [c('start_app', { app: 'api' })]],
  ['status api', [c('get_app', { app: 'api' })]],
  ['get api', [c('get_app', { app: 'api' })]],
  ['stats api', [c('get_app_stats', { app: 'api' })]],
  ['list apps', [c('list_apps')]],
  ['apps', [c('list_apps')]],
  ['list apps in project shop', [c('list_apps', { project: 'shop' })]],
  ['list projects', [c('list_projects')]],
  ['deployments api', [c('list_deployments', { app: 'api' })]],
  ['deployment api', [c('get_deployment', { app: 'api' })]],
  [`cancel deployment ${ID}`, [c('cancel_deployment', { deployment: ID })]],
  ['cancel api', [c('cancel_deployment', { deployment: 'latest deployment of api' }, { app: 'api' })]],
  ['set env api KEY=VALUE', [c('set_env_vars', { app: 'api', vars: [{ name: 'KEY', value: 'VALUE' }] })]],
  [
    'set env api GREETING="hello world" MODE=prod \'QUOTE=it is; fine\'',
    [
      c('set_env_vars', {
        app: 'api',
        vars: [
          { name: 'GREETING', value: 'hello world' },
          { name: 'MODE', value: 'prod' },
          { name: 'QUOTE', value: 'it is; fine' },
        ],
      }),
    ],
  ],
  [
    'set build env api NPM_TOKEN=abc',
    [c('set_env_vars', { app: 'api', vars: [{ name: 'NPM_TOKEN', value: 'abc' }], buildTime: true, runtime: false })],
  ],
  ['unset env api KEY', [c('unset_env_vars', { app: 'api', names: ['KEY'] })]],
  ['remove env A and B from api', [c('unset_env_vars', { app: 'api', names: ['A', 'B'] })]],
  ['env api', [c('list_env_vars', { app: 'api' })]],
  [
    'create app api from image nginx:1.27 port 80',
    [c('create_app', { name: 'api', source: { type: 'image', image: 'nginx:1.27' }, port: 80 })],
  ],
  [
    'create app web from git https://github.com/acme/web.git branch main',
    [c('create_app', { name: 'web', source: { type: 'git', url: 'https://github.com/acme/web.git', ref: 'main' } })],
  ],
  [
    'create app shop in project acme from image nginx:1.27',
    [c('create_app', { name: 'shop', project: 'acme', source: { type: 'image', image: 'nginx:1.27' } })],
  ],
  ['update api port 3000', [c('update_app', { app: 'api', port: 3000 })]],
  ['update api memory 512mb', [c('update_app', { app: 'api', memoryMb: 512 })]],
  ['delete app api', [c('delete_app', { app: 'api' })]],
  ['generate dockerfile for api', [c('generate_dockerfile', { app: 'api' })]],
  [
    'generate dockerfile https://github.com/acme/x.git',
    [c('generate_dockerfile', { gitUrl: 'https://github.com/acme/x.git' })],
  ],
  [
    'generate a dockerfile for the api app branch dev port 3000',
    [c('generate_dockerfile', { app: 'api', ref: 'dev', port: 3000 })],
  ],
  ['domains api', [c('list_domains', { app: 'api' })]],
  ['add domain api.acme.dev to api', [c('add_domain', { app: 'api', host: 'api.acme.dev' })]],
  [
    'add domain https://shop.acme.dev/ to shop path /v1 port 8080 --http',
    [c('add_domain', { app: 'shop', host: 'shop.acme.dev', pathPrefix: '/v1', targetPort: 8080, https: false })],
  ],
  ['remove domain api.acme.dev from api', [c('remove_domain', { app: 'api', domain: 'api.acme.dev' })]],
  ['remove domain api', /which domain/i],
  ['search health check timeout in api', [c('search_context', { query: 'health check timeout', app: 'api' })]],
  ['search "npm ERR"', [c('search_context', { query: 'npm ERR' })]],
  ['backups api', [c('list_backups', { app: 'api' })]],
  [
    'back up api postgres shop --encrypt',
    [c('create_backup', { app: 'api', kind: 'postgres', database: 'shop', encrypt: true })],
  ],
  ['backup panel', [c('create_backup', { kind: 'panel' })]],
  ['backup api', /its volume, or a postgres/],
  [
    'schedule backup api volume daily keep 7',
    [c('schedule_backup', { app: 'api', kind: 'volume', schedule: '0 3 * * *', keepLast: 7 })],
  ],
  [
    'schedule backup api postgres "0 2 * * *" keep 30 days',
    [c('schedule_backup', { app: 'api', kind: 'postgres', schedule: '0 2 * * *', keepDays: 30 })],
  ],
  [`restore backup ${ID} into api`, [c('restore_backup', { backup: ID, app: 'api' })]],
  [`delete backup ${ID} of api`, [c('delete_backup', { backup: ID, app: 'api' })]],
  ['pending', [c('list_pending_actions')]],
  ['approvals', [c('list_pending_actions')]],
  ['action abc-123', [c('get_action', { id: 'abc-123' })]],
  ['wait for action abc-123 --timeout 5', [c('wait_for_action', { id: 'abc-123', timeoutSeconds: 5 })]],
  [
    'set env api DEBUG=1 then restart api',
    [c('set_env_vars', { app: 'api', vars: [{ name: 'DEBUG', value: '1' }] }), c('restart_app', { app: 'api' })],
  ],
  [
    'set env api DEBUG=1, and then deploy api.',
    [c('set_env_vars', { app: 'api', vars: [{ name: 'DEBUG', value: '1' }] }), c('deploy_app', { app: 'api' })],
  ],
  ['deploy api; logs api --tail 20;', [c('deploy_app', { app: 'api' }), c('get_app_logs', { app: 'api', tail: 20 })]],
  ['help', /deploy <app>[\s\S]*set env <app> KEY=VALUE/],
  ['', /type a command/i],
  ['   ', /type a command/i],
  ['deploy', /which app should i deploy/i],
  ['logs', /logs of which app/i],
  ['rollback api to', /roll back to which deployment/i],
  ['delpoy api', /don't know "delpoy".*did you mean "deploy <app>"/i],
  ['restrat web', /did you mean "restart <app>"/i],
  ['what is going on', /don't know "what"/],
  ['deploy api to production', /which one app/i],
  ['set env api DEBUG', /KEY=VALUE/],
  ['set env DEBUG=1', /which app/i],
  ['create app shop', /where does shop come from/i],
  ['logs api --tail 5000', /get_app_logs.*tail/],
  ['logs api --tail many', /--tail takes a number/],
  ['deploy api then frobnicate', /don't know "frobnicate"/],
];

/** Checks an input the way the gate will: placeholders stand in for a uuid until resolved. */
function validate(call: CommandCall) {
  const tool = findTool(call.tool);
  expect(tool, call.tool).toBeDefined();
  const input = call.lookup ? { ...call.input, deployment: ID } : call.input;
  return tool!.input.safeParse(input);
}

describe('parseCommand', () => {
  it('has a table of at least 40 commands', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));

  it.each(TABLE)('%j', (text, expected) => {
    const parsed = parseCommand(text);
    if (expected instanceof RegExp) {
      expect(parsed).toMatchObject({ kind: 'reply' });
      expect(parsed.kind === 'reply' && parsed.text).toMatch(expected);
      return;
    }
    expect(parsed).toEqual({ kind: 'calls', calls: expected });
    for (const call of parsed.kind === 'calls' ? parsed.calls : []) {
      const result = validate(call);
      expect(result.success, `${call.tool}: ${JSON.stringify(result.error?.issues)}`).toBe(true);
    }
  });

  it('never repeats a value back in a reply', () => {
    for (const text of [
      'set env api 1BAD=hunter2-secret',
      'API_TOKEN=hunter2-secret',
      'set env api X=hunter2-secret then frobnicate',
      'hunter2-secret',
    ]) {
      const parsed = parseCommand(text);
      expect(parsed.kind).toBe('reply');
      expect(JSON.stringify(parsed)).not.toContain('hunter2');
    }
  });

  it('leaves a placeholder that fails validation until the deployment is resolved', () => {
    const parsed = parseCommand('cancel api');
    expect(
      parsed.kind === 'calls' && findTool('cancel_deployment')!.input.safeParse(parsed.calls[0]!.input).success,
    ).toBe(false);
  });
});

describe('resolveCommand', () => {
  let panel: TestPanel;
  const sys: Caller = { actor: { type: 'system', label: 'test', scopes: ['read', 'write'] } };
  beforeAll(async () => {
    panel = await createTestPanel();
  });
  afterAll(() => panel?.close());

  it('fills in the latest or the numbered deployment of an app, and explains what is missing', async () => {
    await createApp(panel.ctx, sys, { name: 'api', source: { type: 'image', image: 'nginx:1.27' } });
    expect(await resolveCommand(panel.ctx, parseCommand('cancel api'))).toEqual({
      kind: 'reply',
      text: 'api has no deployments yet.',
    });
    const first = (await deployApp(panel.ctx, sys, 'api')).deployment;
    const second = (await deployApp(panel.ctx, sys, 'api')).deployment;
    await panel.ctx.db.update(deployments).set({ status: 'running' }).where(eq(deployments.id, first.id));

    const cancel = await resolveCommand(panel.ctx, parseCommand('cancel api'));
    expect(cancel).toEqual({ kind: 'calls', calls: [{ tool: 'cancel_deployment', input: { deployment: second.id } }] });
    const rollback = await resolveCommand(panel.ctx, parseCommand('restart api then rollback api to 1'));
    expect(rollback).toEqual({
      kind: 'calls',
      calls: [
        { tool: 'restart_app', input: { app: 'api' } },
        { tool: 'rollback_app', input: { app: 'api', deployment: first.id } },
      ],
    });
    for (const call of rollback.kind === 'calls' ? rollback.calls : [])
      expect(findTool(call.tool)!.input.safeParse(call.input).success).toBe(true);

    expect(await resolveCommand(panel.ctx, parseCommand('rollback api to 7'))).toMatchObject({
      kind: 'reply',
      text: expect.stringMatching(/no deployment #7/),
    });
    expect(await resolveCommand(panel.ctx, parseCommand('cancel nope'))).toMatchObject({
      kind: 'reply',
      text: expect.stringMatching(/no app named "nope"/),
    });
  });
});

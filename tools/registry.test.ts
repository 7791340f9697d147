import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findTool, tools } from './registry.ts';
import { checkProviderSchema, formatProblems } from './provider-schema.ts';

const EXPECTED = [
  'list_projects',
  'get_project',
  'create_project',
  'update_project',
  'delete_project',
  'list_apps',
  'get_app',
  'create_app',
  'update_app',
  'delete_app',
  'deploy_app',
  'cancel_deployment',
  'list_deployments',
  'get_deployment',
  'get_build_logs',
  'diagnose_deployment',
  'get_app_logs',
  'get_app_stats',
  'start_app',
  'stop_app',
  'restart_app',
  'rollback_app',
  'list_env_vars',
  'set_env_vars',
  'unset_env_vars',
  'set_deploy_key',
  'remove_deploy_key',
  'generate_dockerfile',
  'refine_dockerfile',
  'get_action',
  'list_domains',
  'add_domain',
  'remove_domain',
  'list_backups',
  'create_backup',
  'schedule_backup',
  'restore_backup',
  'delete_backup',
  'get_backup',
  'list_backup_schedules',
  'get_backup_schedule',
  'create_backup_schedule',
  'update_backup_schedule',
  'delete_backup_schedule',
  'list_pending_actions',
  'wait_for_action',
  'search_context',
];
/** Reads run without approval, so this list is reviewed by hand: a tool that changes state must never be here. */
const READ_TOOLS = [
  'diagnose_deployment',
  'generate_dockerfile',
  'get_action',
  'get_app',
  'get_app_logs',
  'get_app_stats',
  'get_backup',
  'get_backup_schedule',
  'get_build_logs',
  'get_deployment',
  'get_project',
  'list_apps',
  'list_backup_schedules',
  'list_backups',
  'list_deployments',
  'list_domains',
  'list_env_vars',
  'list_pending_actions',
  'list_projects',
  'search_context',
  'wait_for_action',
];
const DESTRUCTIVE_TOOLS = [
  'delete_project',
  'delete_app',
  'remove_deploy_key',
  'remove_domain',
  'restore_backup',
  'delete_backup',
  'delete_backup_schedule',
];
const VERBS = [
  'list',
  'get',
  'create',
  'update',
  'delete',
  'deploy',
  'cancel',
  'start',
  'stop',
  'restart',
  'rollback',
  'set',
  'unset',
  'generate',
  'refine',
  'add',
  'remove',
  'wait',
  'search',
  'restore',
  'schedule',
  'diagnose',
];

const SAMPLE_KEY = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
const ID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const SAMPLES: Record<string, unknown> = {
  list_projects: {},
  get_project: { project: 'shop' },
  create_project: { name: 'shop', description: 'The web shop' },
  update_project: { project: 'shop', description: 'The web shop and its workers' },
  delete_project: { project: 'shop' },
  list_apps: { project: 'default' },
  get_app: { app: 'api' },
  create_app: {
    name: 'api',
    source: { type: 'git', url: 'https://github.com/acme/api', ref: 'main' },
    port: 8080,
    healthCheck: { type: 'http', path: '/health' },
    buildArgs: [{ name: 'NODE_VERSION', value: '22' }],
  },
  update_app: { app: 'api', port: 3000, healthCheck: { type: 'tcp' } },
  delete_app: { app: 'api' },
  deploy_app: { app: 'api' },
  cancel_deployment: { deployment: ID },
  list_deployments: { app: 'api', limit: 5 },
  get_deployment: { deployment: ID },
  get_build_logs: { app: 'api', tail: 50 },
  diagnose_deployment: { deployment: ID, tail: 60 },
  get_app_logs: { app: 'api', since: '15m', stream: 'stderr' },
  get_app_stats: { app: 'api' },
  start_app: { app: 'api' },
  stop_app: { app: 'api' },
  restart_app: { app: 'api' },
  rollback_app: { app: 'api', deployment: ID },
  list_env_vars: { app: 'api' },
  set_env_vars: {
    app: 'api',
    vars: [
      { name: 'API_KEY', value: 'sample-secret-value' },
      { name: 'DEBUG', value: '1' },
    ],
  },
  unset_env_vars: { app: 'api', names: ['DEBUG'] },
  set_deploy_key: {
    app: 'api',
    privateKey: SAMPLE_KEY,
  },
  remove_deploy_key: { app: 'api' },
  list_domains: { app: 'api' },
  add_domain: { app: 'api', host: 'api.example.com', pathPrefix: '/v1', targetPort: 8080 },
  remove_domain: { app: 'api', domain: 'api.example.com', pathPrefix: '/v1' },
  list_backups: { app: 'api', limit: 5 },
  create_backup: { app: 'api', kind: 'volume', volume: 'api-data', encrypt: true },
  schedule_backup: { app: 'api', kind: 'postgres', database: 'shop', schedule: '0 3 * * *', keepLast: 7, keepDays: 30 },
  restore_backup: { backup: ID, app: 'api', volume: 'api-data' },
  delete_backup: { backup: ID, app: 'api' },
  get_backup: { backup: ID },
  list_backup_schedules: { app: 'api' },
  get_backup_schedule: { config: ID },
  create_backup_schedule: { app: 'api', kind: 'volume', volume: 'api-data', schedule: '0 3 * * *', keepLast: 7 },
  update_backup_schedule: { config: ID, schedule: '0 4 * * *', keepDays: 14 },
  delete_backup_schedule: { config: ID, deleteBackups: false },
  generate_dockerfile: { gitUrl: 'https://github.com/acme/api', port: 3000 },
  refine_dockerfile: { app: 'api', port: 3000 },
  get_action: { id: ID },
  list_pending_actions: { limit: 10 },
  wait_for_action: { id: ID, timeoutSeconds: 5 },
  search_context: { query: 'why did the deploy fail', app: 'api', limit: 5 },
};

const sample = (name: string) => findTool(name)!.input.parse(SAMPLES[name]) as never;

describe('the tool registry', () => {
  it('holds exactly the panel operations, each once, found by name', () => {
    const names = tools.map((t) => t.name);
    expect([...names].sort()).toEqual([...EXPECTED].sort());
    expect(new Set(names).size).toBe(names.length);
    for (const name of EXPECTED) expect(findTool(name)?.name).toBe(name);
    expect(findTool('approve_action')).toBeUndefined();
  });

  it('keeps read tools, which run without approval, to a reviewed list', () => {
    expect(
      tools
        .filter((t) => t.risk === 'read')
        .map((t) => t.name)
        .sort(),
    ).toEqual(READ_TOOLS);
    expect(tools.filter((t) => t.risk === 'destructive').map((t) => t.name)).toEqual(DESTRUCTIVE_TOOLS);
    expect(
      tools
        .filter((t) => t.risk === 'write')
        .map((t) => t.name)
        .sort(),
    ).toEqual(EXPECTED.filter((n) => !READ_TOOLS.includes(n) && !DESTRUCTIVE_TOOLS.includes(n)).sort());
  });

  it('registers every tool file in tools/ (the list is explicit, so a forgotten one would be silent)', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^[a-z]+-[a-z-]+\.ts$/.test(f) && !f.endsWith('.test.ts') && !['provider-schema.ts'].includes(f));
    expect(files.map((f) => f.replace(/\.ts$/, '').replaceAll('-', '_')).sort()).toEqual([...EXPECTED].sort());
  });

  it('keeps transport code out of tool files', () => {
    const dir = path.dirname(new URL(import.meta.url).pathname);
    for (const file of [...fs.readdirSync(dir), ...fs.readdirSync(path.join(dir, 'lib')).map((f) => `lib/${f}`)].filter(
      (f) => f.endsWith('.ts'),
    )) {
      expect(fs.readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(
        /from '(hono|@hono\/[^']+|@modelcontextprotocol\/[^']+|ai|@ai-sdk\/[^']+)'/,
      );
    }
  });

  describe.each(tools.map((t) => [t.name, t] as const))('%s', (name, tool) => {
    it('has a snake_case verb_noun name, a risk and a description written for a model', () => {
      expect(name).toMatch(/^[a-z]+(_[a-z]+)+$/);
      expect(VERBS).toContain(name.split('_')[0]);
      expect(['read', 'write', 'destructive']).toContain(tool.risk);
      expect(tool.description.length).toBeGreaterThan(40);
      if (tool.risk !== 'read') expect(tool.description).toMatch(/Requires human approval/);
      else expect(tool.description).not.toMatch(/Requires human approval/);
    });

    it('summarizes a valid input in one non-empty line, and names its target', () => {
      const input = sample(name);
      const summary = tool.summarize(input);
      expect(summary.trim().length).toBeGreaterThan(0);
      expect(summary).not.toContain('\n');
      expect(summary).not.toContain('sample-secret-value');
      expect(summary).not.toContain(SAMPLE_KEY.split('\n')[1]);
      const ref =
        (SAMPLES[name] as { app?: string; deployment?: string; id?: string }).app ??
        (SAMPLES[name] as { deployment?: string }).deployment ??
        (SAMPLES[name] as { id?: string }).id;
      // Everything that acts on an existing resource says which, so approvals and per-app policy bind to it.
      if (ref && name !== 'list_apps') expect(tool.target?.(input)?.ref, 'target').toBe(ref);
      // Creating names something that does not exist yet, so there is nothing to bind to.
      if (tool.risk !== 'read' && !['create_app', 'create_project'].includes(name))
        expect(tool.target, 'a write without a target').toBeDefined();
    });

    it.each(['output', 'input'] as const)('has an input JSON Schema (%s) every model provider accepts', (io) => {
      const schema = z.toJSONSchema(tool.input, { target: 'openapi-3.0', io }) as Record<string, unknown>;
      expect(schema.type).toBe('object');
      const problems = checkProviderSchema(schema);
      expect(problems, formatProblems(problems)).toEqual([]);
    });
  });
});

describe('checkProviderSchema', () => {
  const described = (s: Record<string, unknown>) => ({ description: 'd', ...s });
  const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: 'object',
    properties,
    ...extra,
  });
  const cases: [string, unknown, string, RegExp][] = [
    ['a top level that is not an object', { type: 'string' }, '$', /must be type "object"/],
    ['a missing description', obj({ a: { type: 'string' } }), '$.properties.a', /no description/],
    ['a missing type', obj({ a: { description: 'd' } }), '$.properties.a', /no type/],
    [
      'a nested missing description',
      obj({ a: described({ type: 'array', items: obj({ b: { type: 'string' } }) }) }),
      '$.properties.a.items.properties.b',
      /no description/,
    ],
    [
      'a $ref',
      obj({ a: described({ $ref: '#/$defs/x' }) }, { $defs: { x: { type: 'string' } } }),
      '$.properties.a',
      /"\$ref"/,
    ],
    ['$defs', obj({}, { $defs: { x: { type: 'string' } } }), '$', /"\$defs"/],
    ['definitions', obj({}, { definitions: { x: { type: 'string' } } }), '$', /"definitions"/],
    ['oneOf', obj({ a: described({ oneOf: [{ type: 'string' }, { type: 'number' }] }) }), '$.properties.a', /"oneOf"/],
    ['allOf', obj({ a: described({ type: 'string', allOf: [{ type: 'string' }] }) }), '$.properties.a', /"allOf"/],
    ['not', obj({ a: described({ type: 'string', not: { enum: ['x'] } }) }), '$.properties.a', /"not"/],
    ['if', obj({ a: described({ type: 'string', if: { enum: ['x'] } }) }), '$.properties.a', /"if"/],
    ['const', obj({ a: described({ type: 'string', const: 'x' }) }), '$.properties.a', /"const"/],
    [
      'patternProperties',
      obj({
        a: described(obj({ b: described({ type: 'string' }) }, { patternProperties: { '^x': { type: 'string' } } })),
      }),
      '$.properties.a',
      /"patternProperties"/,
    ],
    [
      'tuple items',
      obj({ a: described({ type: 'array', items: [{ type: 'string' }, { type: 'number' }] }) }),
      '$.properties.a.items',
      /tuple/,
    ],
    [
      'a free-form map',
      obj({ a: described({ type: 'object', additionalProperties: { type: 'string' } }) }),
      '$.properties.a',
      /free-form map/,
    ],
    ['a list of types', obj({ a: described({ type: ['string', 'null'] }) }), '$.properties.a', /list of types/],
    [
      'an untyped anyOf member',
      obj({ a: described({ anyOf: [{ type: 'string' }, { description: 'x' }] }) }),
      '$.properties.a',
      /no type/,
    ],
    [
      'a required name that is not a property',
      obj({ a: described({ type: 'string' }) }, { required: ['a', 'b'] }),
      '$',
      /requires "b"/,
    ],
    [
      'a forbidden keyword deep inside anyOf',
      obj({ a: described({ anyOf: [{ type: 'string', const: 'x' }] }) }),
      '$.properties.a.anyOf[0]',
      /"const"/,
    ],
  ];

  it.each(cases)('catches %s', (_what, schema, at, message) => {
    const problems = checkProviderSchema(schema);
    expect(
      problems.some((p) => p.path === at && message.test(p.message)),
      formatProblems(problems) || 'no problems found',
    ).toBe(true);
  });

  it('accepts a clean schema, including enums, nullable fields and typed anyOf', () => {
    const clean = obj(
      {
        kind: described({ type: 'string', enum: ['a', 'b'] }),
        port: described({ type: 'integer', nullable: true }),
        either: described({ anyOf: [{ type: 'string' }, { type: 'number' }] }),
        pairs: described({
          type: 'array',
          items: obj({ name: described({ type: 'string' }) }, { required: ['name'] }),
        }),
      },
      { required: ['kind'], additionalProperties: false },
    );
    expect(checkProviderSchema(clean)).toEqual([]);
  });
});

describe('flattened inputs still enforce the service rules', () => {
  const fails = (name: string, input: unknown) =>
    expect(findTool(name)!.input.safeParse(input).success, JSON.stringify(input)).toBe(false);

  it('refuses inconsistent or incomplete input', () => {
    fails('create_app', { name: 'api', source: { type: 'image', image: 'nginx:1.27', url: 'https://x' } });
    fails('create_app', { name: 'api', source: { type: 'git' } });
    fails('create_app', { name: 'api', source: { type: 'tarball', uploadId: 'not-a-uuid' } });
    fails('create_app', { name: 'api', source: { type: 'git', url: 'https://x', subdir: '../etc' } });
    fails('create_app', { name: 'Bad Name', source: { type: 'image', image: 'nginx' } });
    fails('create_app', {
      name: 'api',
      source: { type: 'image', image: 'nginx' },
      healthCheck: { type: 'http', path: 'no-slash' },
    });
    fails('create_app', {
      name: 'api',
      source: { type: 'image', image: 'nginx' },
      healthCheck: { type: 'tcp', path: '/x' },
    });
    fails('update_app', { app: 'api' });
    fails('get_deployment', { deployment: ID, app: 'api' });
    fails('get_build_logs', {});
    fails('get_build_logs', { app: 'api', tail: 501 });
    fails('cancel_deployment', { deployment: 'not-an-id' });
    fails('set_env_vars', {
      app: 'api',
      vars: [
        { name: 'A', value: '1' },
        { name: 'A', value: '2' },
      ],
    });
    fails('set_env_vars', { app: 'api', vars: [{ name: '1BAD', value: '1' }] });
    fails('get_app_logs', { app: 'api', since: 'yesterday' });
    fails('generate_dockerfile', { gitUrl: 'file:///etc' });
    fails('generate_dockerfile', { app: 'api', gitUrl: 'https://github.com/acme/api' });
    fails('add_domain', { app: 'api', host: 'https://api.example.com/' });
    fails('add_domain', { app: 'api', host: 'api.example.com', pathPrefix: 'v1' });
    fails('add_domain', { app: 'api', host: 'api..example.com' });
    fails('create_backup', { app: 'api' });
    fails('create_backup', { kind: 'volume' });
    fails('create_backup', { app: 'api', kind: 'panel' });
    fails('create_backup', { app: 'api', kind: 'redis', database: 'x' });
    fails('create_backup', { config: ID, kind: 'volume', app: 'api' });
    fails('schedule_backup', { app: 'api', kind: 'volume', schedule: 'every day' });
    fails('schedule_backup', { app: 'api', kind: 'volume', schedule: '61 * * * *' });
    fails('schedule_backup', { app: 'api', kind: 'volume', schedule: 'off' });
    fails('schedule_backup', { config: ID, kind: 'volume', schedule: '0 3 * * *' });
    fails('restore_backup', { backup: ID });
    fails('restore_backup', { backup: 'not-an-id', app: 'api' });
  });

  it('accepts a NAME→value map for set_env_vars but always stores the name/value list', () => {
    expect(findTool('set_env_vars')!.input.parse({ app: 'api', vars: { API_KEY: 'x' } })).toEqual({
      app: 'api',
      vars: [{ name: 'API_KEY', value: 'x' }],
    });
  });
});

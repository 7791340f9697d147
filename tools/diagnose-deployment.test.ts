import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, type TestPanel } from '../server/test/harness.ts';
import { BUSYBOX, cleanupEngine, makeGitRepo } from '../server/test/deploy-helpers.ts';
import type { Caller } from '../server/audit.ts';
import { createApp } from '../server/services/apps.ts';
import { CreateAppInput } from '../server/services/app-schemas.ts';
import { deployApp, getDeployment } from '../server/services/deployments.ts';
import { setEnvVars } from '../server/services/env-vars.ts';
import { readDeploymentLogs } from '../server/deploy/log-writer.ts';
import { withAiModels } from '../server/ai/model.ts';
import { failingModel, promptText, promptedModel } from '../server/ai/test-helpers.ts';
import type { ToolContext } from './define.ts';
import { diagnoseDeployment } from './diagnose-deployment.ts';

/**
 * Real failed deployments on the real engine (busybox stand-in base image, file:// git repos),
 * diagnosed offline by the rules and through a scripted model. App names carry a prefix because
 * container names are global on the engine other test files share.
 */
const CALLER: Caller = {
  actor: { type: 'system', label: 'diagnose-tool-test', scopes: ['read', 'write', 'approve', 'admin'] },
};
const CANARY = 'canary-diagnose-tool-7f3a91c2';
let panel: TestPanel;
let ctx: ToolContext;
const failed: Record<string, { id: string; number: number }> = {};

async function deployUntilDone(app: string): Promise<{ id: string; number: number; status: string }> {
  const { deployment } = await deployApp(ctx, CALLER, app);
  for (;;) {
    const d = await getDeployment(ctx, deployment.id);
    if (['failed', 'running', 'cancelled'].includes(d.status)) return d;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function failedDeploy(name: string, input: Record<string, unknown>, env?: Record<string, string>) {
  const app = await createApp(ctx, CALLER, CreateAppInput.parse({ name, ...input }));
  if (env) await setEnvVars(ctx.db, ctx.secrets, CALLER, app.id, { vars: env });
  const d = await deployUntilDone(name);
  expect(d.status).toBe('failed');
  failed[name] = d;
}

async function run(input: Record<string, unknown>, on: ToolContext = ctx) {
  const out = await diagnoseDeployment.execute(diagnoseDeployment.input.parse(input), on);
  diagnoseDeployment.output!.parse(out.data);
  return out;
}

/** The deployment log row holding `needle`, as the panel stored it. */
async function logLine(name: string, needle: RegExp) {
  const rows = await readDeploymentLogs(ctx, failed[name]!.id);
  const row = rows.filter((r) => needle.test(r.text)).at(-1);
  expect(row, `no line matching ${needle} in\n${rows.map((r) => r.text).join('\n')}`).toBeDefined();
  return row!;
}

beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
  panel = await createTestPanel({}, { jobs: true });
  ctx = { ...panel.ctx, caller: CALLER };
  const npmRepo = makeGitRepo({ Dockerfile: `FROM ${BUSYBOX}\nRUN echo "installing dependencies"\nRUN npm ci\n` });
  await failedDeploy('dx-npm', { source: { type: 'git', url: npmRepo.url } });
  const baseRepo = makeGitRepo({ Dockerfile: 'FROM openpanel-test/no-such-base:1\nRUN true\n' });
  await failedDeploy('dx-base', { source: { type: 'git', url: baseRepo.url } });
  await failedDeploy(
    'dx-crash',
    {
      source: { type: 'image', image: BUSYBOX },
      port: 8080,
      healthCheck: { type: 'http', path: '/' },
      command: ['sh', '-c', 'echo "using $DB_PASSWORD"; echo "Error: connect ECONNREFUSED 10.0.0.9:5432" >&2; exit 3'],
    },
    { DB_PASSWORD: CANARY },
  );
}, 300_000);
afterAll(async () => {
  if (panel) {
    await cleanupEngine(panel);
    await panel.close();
  }
});

describe('diagnose_deployment offline (no provider configured)', () => {
  it('names a missing npm in a build step and cites the real log line', async () => {
    const out = await run({ app: 'dx-npm' });
    const row = await logLine('dx-npm', /npm: not found/);
    expect(out.data).toMatchObject({ rule: 'package_manager_missing', usedModel: null, modelError: null });
    expect(out.data.deployment).toMatchObject({ id: failed['dx-npm']!.id, status: 'failed', appName: 'dx-npm' });
    expect(out.data.cause).toMatch(/npm is not installed/);
    expect(out.data.fix).toMatch(/base image/);
    expect(out.data.citations).toContainEqual({ line: row.seq, source: 'deployment_log', text: row.text });
    // The log text reaches the model only inside the untrusted block.
    expect(out.text).toContain(`<untrusted-data source="diagnosis of deployment #1`);
    expect(out.text).toContain(`L${row.seq} ${row.text}`);
  });

  it('names the base image that could not be pulled', async () => {
    const out = await run({ deployment: failed['dx-base']!.id });
    const row = await logLine('dx-base', /no-such-base|registry|pull/i);
    expect(out.data.rule).toMatch(/^(registry_unreachable|base_image_missing)$/);
    expect(out.data.cause).toContain('openpanel-test/no-such-base:1');
    expect(out.data.citations.map((c) => c.line)).toContain(row.seq);
  });

  it('finds the crash on start in the container lines, and never shows an env value', async () => {
    const out = await run({ app: 'dx-crash' });
    const row = await logLine('dx-crash', /ECONNREFUSED/);
    expect(out.data.rule).toBe('container_exited');
    expect(out.data.cause).toMatch(/exit code 3/);
    expect(out.data.citations.map((c) => c.line)).toContain(row.seq);
    expect(JSON.stringify(out)).not.toContain(CANARY);
  });

  it('refuses an app without deployments with a hint', async () => {
    await createApp(ctx, CALLER, CreateAppInput.parse({ name: 'dx-new', source: { type: 'image', image: BUSYBOX } }));
    await expect(run({ app: 'dx-new' })).rejects.toMatchObject({ kind: 'not_found', hint: /deploy_app/ });
    expect(() => diagnoseDeployment.input.parse({ app: 'a', deployment: failed['dx-npm']!.id })).toThrow(/either/);
  });
});

describe('diagnose_deployment with a model provider', () => {
  it("uses the model's answer, cites the lines it names, and sends no env value", async () => {
    const model = promptedModel((prompt) => {
      const ref = [...prompt.matchAll(/(L\d+) \[container\] Error: connect ECONNREFUSED/g)].at(-1)?.[1] ?? 'L?';
      return `1. **What failed**: the start: ${ref} "Error: connect ECONNREFUSED 10.0.0.9:5432".\n2. **Why**: the database at 10.0.0.9 refuses connections.\n3. **Fix**: point DATABASE_URL at a reachable database with set_env_vars.`;
    });
    const out = await run({ app: 'dx-crash' }, withAiModels(ctx, { models: { gemini: model } }));
    const row = await logLine('dx-crash', /ECONNREFUSED/);
    expect(out.data.usedModel).toEqual({ provider: 'gemini', model: 'mock-model-id' });
    expect(out.data.cause).toMatch(/^the start: L\d+ .*the database at 10\.0\.0\.9 refuses connections\.$/);
    expect(out.data.fix).toBe('point DATABASE_URL at a reachable database with set_env_vars.');
    expect(out.data.citations).toEqual([{ line: row.seq, source: 'deployment_log', text: row.text }]);

    expect(model.doGenerateCalls).toHaveLength(1);
    const prompt = promptText(model.doGenerateCalls[0]!);
    expect(prompt).toContain('Environment variables (names only): DB_PASSWORD.');
    expect(prompt).toContain(`L${row.seq} ${row.text}`);
    expect(prompt).not.toContain(CANARY);
    expect(JSON.stringify(out)).not.toContain(CANARY);
  });

  it('falls back to the offline diagnosis when the model fails, and says so', async () => {
    const model = failingModel(503);
    const out = await run({ app: 'dx-npm' }, withAiModels(ctx, { models: { gemini: model } }));
    expect(out.data).toMatchObject({ rule: 'package_manager_missing', usedModel: null });
    expect(out.data.cause).toMatch(/npm is not installed/);
    expect(out.data.modelError).toMatch(/could not be reached/);
    expect(out.text).toMatch(/The model gave no answer .*; the built-in rules answered instead\./);
  });
});

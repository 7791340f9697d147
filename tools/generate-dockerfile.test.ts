import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPanel, type TestPanel } from '../server/test/harness.ts';
import { BUSYBOX, cleanupEngine, makeGitRepo } from '../server/test/deploy-helpers.ts';
import type { Caller } from '../server/audit.ts';
import { createApp } from '../server/services/apps.ts';
import { CreateAppInput } from '../server/services/app-schemas.ts';
import { withAiModels } from '../server/ai/model.ts';
import { failingModel, promptText, scriptedModel } from '../server/ai/test-helpers.ts';
import type { ToolContext } from './define.ts';
import { generateDockerfile } from './generate-dockerfile.ts';
import { refineDockerfile } from './refine-dockerfile.ts';

/**
 * generate_dockerfile's optional refinement: a scripted model (no cloud API here) proposes a
 * Dockerfile, the real engine builds it on the busybox stand-in base image, and the offline
 * proposal stays whenever anything on the model's side goes wrong.
 */
const CALLER: Caller = {
  actor: { type: 'system', label: 'generate-dockerfile-test', scopes: ['read', 'write', 'approve', 'admin'] },
};
const REFINED = `FROM ${BUSYBOX}\nCOPY . /www\nEXPOSE 8080\nCMD ["httpd", "-f", "-p", "8080", "-h", "/www"]\n`;
let panel: TestPanel;
let ctx: ToolContext;

async function run(input: Record<string, unknown>, on: ToolContext = ctx) {
  const { refine, ...rest } = input;
  const tool = refine ? refineDockerfile : generateDockerfile;
  const out = await tool.execute(tool.input.parse(rest), on);
  tool.output.parse(out.data);
  return out;
}

beforeAll(async () => {
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });
  panel = await createTestPanel();
  ctx = { ...panel.ctx, caller: CALLER };
  const repo = makeGitRepo({ 'index.html': '<!doctype html><title>hi</title><h1>hi</h1>\n', 'README.md': '# site\n' });
  await createApp(ctx, CALLER, CreateAppInput.parse({ name: 'gd-site', source: { type: 'git', url: repo.url } }));
});
afterAll(async () => {
  if (panel) {
    await cleanupEngine(panel);
    await panel.close();
  }
});

describe('refine_dockerfile (generate_dockerfile stays offline)', () => {
  it('stays offline by default: no model is asked even when one is configured', async () => {
    const model = scriptedModel(`\`\`\`dockerfile\n${REFINED}\`\`\``);
    const out = await run({ app: 'gd-site', port: 8080 }, withAiModels(ctx, { models: { gemini: model } }));
    expect(out.data.refinement).toBeNull();
    expect(out.data.stack).toBe('static-html');
    expect(model.doGenerateCalls).toHaveLength(0);
  });

  it('says so when refine is asked for without a provider, and returns the offline proposal', async () => {
    const offline = await run({ app: 'gd-site', port: 8080 });
    const out = await run({ app: 'gd-site', port: 8080, refine: true });
    expect(out.data.dockerfile).toBe(offline.data.dockerfile);
    expect(out.data.refinement).toMatchObject({ status: 'unavailable', validated: false, model: null });
    expect(out.text).toMatch(/No model provider is configured/);
  });

  it("returns the model's Dockerfile once it built here, with the offline one alongside", async () => {
    const offline = await run({ app: 'gd-site', port: 8080 });
    const model = scriptedModel(
      `Smaller image.\n\n\`\`\`dockerfile\n${REFINED}\`\`\`\n\n- busybox httpd instead of nginx.`,
    );
    const out = await run(
      { app: 'gd-site', port: 8080, refine: true },
      withAiModels(ctx, { models: { gemini: model } }),
    );
    expect(out.data.dockerfile).toBe(REFINED);
    expect(out.data.baseImages).toEqual([BUSYBOX]);
    expect(out.data.refinement).toMatchObject({
      status: 'refined',
      validated: true,
      model: { provider: 'gemini', model: 'mock-model-id' },
      offlineDockerfile: offline.data.dockerfile,
      modelNotes: 'Smaller image.\n\n- busybox httpd instead of nginx.',
    });
    expect(out.text).toMatch(/It was built successfully on this Docker engine/);
    expect(out.text).toMatch(/for the user to commit to the repository/);
    // The model started from the offline proposal.
    expect(promptText(model.doGenerateCalls[0]!)).toContain(offline.data.dockerfile.trim());
  });

  it('keeps the offline proposal with a note when the model fails', async () => {
    const offline = await run({ app: 'gd-site', port: 8080 });
    const model = failingModel(503);
    const out = await run(
      { app: 'gd-site', port: 8080, refine: true },
      withAiModels(ctx, { models: { gemini: model } }),
    );
    expect(out.data.dockerfile).toBe(offline.data.dockerfile);
    expect(out.data.refinement).toMatchObject({ status: 'kept_offline', validated: false, offlineDockerfile: null });
    expect(out.data.refinement!.explanation[0]).toMatch(
      /^Keeping the generated Dockerfile: the model's version was not usable \(The model could not be reached: .*503/,
    );
    expect(out.text).toContain("Keeping the generated Dockerfile: the model's version was not usable");
  });
});

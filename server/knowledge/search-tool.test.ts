import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestPanel, type TestPanel } from '../test/harness.ts';
import { cleanupEngine } from '../test/deploy-helpers.ts';
import { freePort } from '../test/global-setup.ts';
import type { InProcessJobQueue } from '../jobs/in-process.ts';
import { contextChunks } from '../db/schema/context-chunks.ts';
import { createApp, deleteApp, updateApp } from '../services/apps.ts';
import { CreateAppInput } from '../services/app-schemas.ts';
import { deployApp } from '../services/deployments.ts';
import { assertToolOutput } from '../approvals/gate.ts';
import type { ToolContext } from '../../tools/define.ts';
import { searchContext } from '../../tools/search-context.ts';
import { CALLER, createProject, SECRET_CANARY, type Project } from './test-fixture.ts';

/**
 * The search_context tool and the ways context stays current, on a real panel with in-process
 * jobs: nothing indexed beforehand, changes made through the services, a deployment that fails.
 */

let panel: TestPanel;
let ctx: ToolContext;
let project: Project;
const outputs: string[] = [];

async function search(input: { query: string; app?: string; limit?: number }) {
  const out = await searchContext.execute(searchContext.input.parse(input), ctx);
  assertToolOutput(searchContext, out.data);
  outputs.push(out.text, JSON.stringify(out.data));
  return out;
}
const drain = () => (panel.ctx.jobs as InProcessJobQueue).drain();

beforeAll(async () => {
  panel = await createTestPanel({}, { jobs: true });
  ctx = { ...panel.ctx, caller: CALLER };
});
afterAll(async () => {
  if (panel) {
    await cleanupEngine(panel);
    await panel.close();
  }
  for (const repo of Object.values(project?.repos ?? {})) fs.rmSync(repo.dir, { recursive: true, force: true });
});

// Steps share the panel and run in order, like a conversation would.
describe('search_context', () => {
  it('says so when there is no context at all, and points to other tools', async () => {
    const out = await search({ query: 'kubernetes helm chart values' });
    expect(out.data.hits).toEqual([]);
    expect(out.text).toMatch(
      /^No project context matched "kubernetes helm chart values"\. .*get_app or get_build_logs\.$/,
    );
  });

  it('indexes apps it has not seen on first use, and cites what it returns as untrusted data', async () => {
    project = await createProject(panel.ctx);
    // Nothing was indexed: settings are indexed inline, repositories by the queued jobs.
    const first = await search({ query: 'memory limit of the worker' });
    expect(first.data.hits[0]).toMatchObject({
      app: 'worker',
      sourceType: 'config',
      citation: '[1] config: settings (app worker)',
    });
    expect(first.data.hits.every((h) => h.sourceType === 'config')).toBe(true);
    await drain();

    const out = await search({ query: 'what does celery use as message broker' });
    expect(out.data.hits[0]).toMatchObject({
      n: 1,
      app: 'worker',
      sourceType: 'readme',
      sourceRef: 'README.md',
      citation: '[1] readme: README.md (app worker)',
    });
    expect(out.data.embedder).toBe('local-hash-v1');
    expect(out.text).toMatch(
      /^\d+ passages of project context for "what does celery use as message broker":\n<untrusted-data source="project context/,
    );
    expect(out.text).toContain(
      '[1] readme: README.md (app worker)\nworker · README.md › Report worker › Broker\nCelery uses Redis',
    );
    expect(out.text).toMatch(/<\/untrusted-data>\n.*\nSources:\n\[1\] readme: README\.md \(app worker\)\n/);
    expect(out.text).toMatch(/Cite the passages you use by number/);

    // Conversation summaries were queued by the same search and are found after the jobs ran.
    const decided = await search({ query: 'which domain did we choose for the api' });
    expect(decided.data.hits.map((h) => h.citation.replace(/^\[\d+\] /, ''))).toContain(
      'conversation: "Domains and worker memory" (panel)',
    );
  });

  it('stays within one app when asked, and cites deploy failures by deployment id', async () => {
    const out = await search({ query: 'why did the deploy fail', app: 'api', limit: 3 });
    expect(out.data.hits.length).toBeLessThanOrEqual(3);
    expect(out.data.hits.every((h) => h.app === 'api' || h.app === null)).toBe(true);
    expect(out.data.hits[0]?.citation).toBe(`[1] deploy_failure: deployment #1 (${project.failures.api}) (app api)`);
  });

  it('sees a settings change made through the services at the next search', async () => {
    await updateApp(panel.ctx, CALLER, 'api', { port: 4321 });
    const out = await search({ query: 'port and health check', app: 'api', limit: 1 });
    expect(out.text).toContain('Port: 4321.');
  });

  it('drops the context of a deleted app', async () => {
    await deleteApp(panel.ctx, CALLER, 'docs');
    const out = await search({ query: 'docs site nginx image' });
    expect(out.data.hits.some((h) => h.app === 'docs')).toBe(false);
    expect(await panel.ctx.db.select().from(contextChunks).where(eq(contextChunks.scope, project.ids.docs))).toEqual(
      [],
    );
  });

  it('indexes a deployment’s failure when the deployment ends (the pipeline queues the job)', async () => {
    const app = await createApp(
      panel.ctx,
      CALLER,
      CreateAppInput.parse({ name: 'ctx-ghost', source: { type: 'image', image: 'openpanel-test/no-such-image:1' } }),
    );
    const { deployment } = await deployApp(panel.ctx, CALLER, app.id);
    await drain(); // the deploy job fails fast (no such image), then its index job runs
    const rows = await panel.ctx.db.select().from(contextChunks).where(eq(contextChunks.scope, app.id));
    const failure = rows.find((r) => r.sourceType === 'deploy_failure');
    expect(failure?.sourceRef).toBe(deployment.id);
    expect(failure?.content).toMatch(/The image openpanel-test\/no-such-image:1 is not on this Docker engine/);
  });

  it('still answers, from full text, when the configured embedder is down', async () => {
    const port = await freePort(); // nothing listens there
    const offline: ToolContext = {
      ...ctx,
      env: { ...ctx.env, OPENPANEL_EMBEDDER: 'ollama', OLLAMA_HOST: `http://127.0.0.1:${port}` },
    };
    const out = await searchContext.execute(searchContext.input.parse({ query: 'celery broker' }), offline);
    expect(out.data.embedder).toBe('ollama:nomic-embed-text');
    expect(out.data.degraded).toMatch(
      /^Semantic search is unavailable \(Ollama is not reachable at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\.\); showing full-text matches only\.$/,
    );
    // Chunks are only ever compared within one embedder, and none were made by this one yet.
    expect(out.text).toMatch(/^No project context matched "celery broker"\..*\nSemantic search is unavailable/s);
  });

  it('never returned a secret value', () => {
    expect(outputs.join('\n')).not.toContain(SECRET_CANARY);
  });
});

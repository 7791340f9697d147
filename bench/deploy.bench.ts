/**
 * Deploy overhead: the same Dockerfile deployed through the panel and by hand with the docker CLI,
 * alternating, and the panel's median time as a multiple of the raw engine's.
 *
 *   npm run bench:deploy [-- --iterations N]
 *
 * Needs a Docker engine (nothing is pulled; the busybox base image is built locally). Exits 0
 * whatever the ratio; non-zero only when a deploy fails.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createTestPanel, setupOwner, type TestPanel } from '../server/test/harness.ts';
import { BUSYBOX, cleanupEngine, makeGitRepo } from '../server/test/deploy-helpers.ts';
import { InProcessJobQueue } from '../server/jobs/in-process.ts';
import { healthRetryPauseMs } from '../server/engine/health.ts';
import { deployThroughPanel } from './panel-side.ts';
import { deployRaw, prepareRawSide, removeRawSide } from './raw-side.ts';
import { formatReport, type Iteration, type Sample } from './report.ts';

const DOCKERFILE = `FROM ${BUSYBOX}
ARG ITERATION=0
RUN mkdir -p /srv && echo "iteration $ITERATION" > /srv/index.html
EXPOSE 8080
CMD ["httpd", "-f", "-p", "8080", "-h", "/srv"]
`;

function iterationsFromArgs(): number {
  const { values } = parseArgs({ options: { iterations: { type: 'string', default: '5' } } });
  const n = Number(values.iterations);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--iterations expects a whole number ≥ 1, got ${values.iterations}`);
  return n;
}

const describe = (s: Sample) =>
  `${(s.totalMs / 1000).toFixed(3)} s (${Object.entries(s.phases)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} ms)`;

/** Waits until the panel's job (including what it does after `running`: stop the old container, prune) is done. */
async function settle(panel: TestPanel): Promise<void> {
  if (panel.ctx.jobs instanceof InProcessJobQueue) await panel.ctx.jobs.drain();
}

async function main(): Promise<void> {
  const iterations = iterationsFromArgs();
  execFileSync('bash', ['scripts/build-base-images.sh', 'busybox'], { stdio: 'inherit' });

  const panel = await createTestPanel({}, { jobs: true });
  const repo = makeGitRepo({ Dockerfile: DOCKERFILE, 'README.md': '# deploy benchmark\n' });
  try {
    const owner = await setupOwner(panel);
    const app = `bench-${Date.now().toString(36)}`;
    const create = await owner.post('/api/apps', {
      name: app,
      source: { type: 'git', url: repo.url, ref: 'main' },
      port: 8080,
      healthCheck: { type: 'http', path: '/' },
    });
    if (create.status !== 201) throw new Error(`creating the app failed: ${create.status} ${await create.text()}`);
    await prepareRawSide();

    // Each side gets its own build arg, so neither reuses the other's build cache.
    const onePair = async (n: number): Promise<Iteration> => {
      const panelSample = await deployThroughPanel(panel, owner, app, `panel-${n}`);
      await settle(panel);
      const { cleanup, ...rawSample } = await deployRaw(repo.url, `raw-${n}`);
      await cleanup();
      return { n, panel: panelSample, raw: rawSample };
    };

    console.log(
      `\nwarming up (not counted); then ${iterations} iterations, panel and raw alternating; health-check pauses ${[0, 1, 2, 3].map((a) => healthRetryPauseMs(a)).join(', ')}… ms on both sides`,
    );
    await onePair(0);
    const results: Iteration[] = [];
    for (let n = 1; n <= iterations; n++) {
      const it = await onePair(n);
      console.log(`  #${n}: panel ${describe(it.panel)} | raw ${describe(it.raw)}`);
      results.push(it);
    }
    console.log(`\n${formatReport(results)}`);

    await owner.delete(`/api/apps/${app}`);
  } finally {
    await cleanupEngine(panel).catch(() => {});
    await removeRawSide().catch(() => {});
    await panel.close();
    fs.rmSync(repo.dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`\ndeploy benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

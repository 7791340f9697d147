import type { AppContext } from '../context.ts';
import type { Deployment } from '../db/schema/deployments.ts';
import type { AppRow } from '../db/schema/apps.ts';
import { getAppRow } from '../services/apps.ts';
import { getDeployment } from '../services/deployments.ts';
import { readDeploymentLogs } from '../deploy/log-writer.ts';
import { inspectContainer, readLogs } from '../engine/index.ts';
import { envVarNames } from '../knowledge/documents.ts';
import { createEmbedder } from '../knowledge/embedder.ts';
import { refreshStaleContext } from '../knowledge/freshness.ts';
import { searchContext } from '../knowledge/search.ts';
import { redactText } from '../source/redact.ts';
import { collectSecretValues, scrubText } from '../crypto/scrub.ts';
import type { EvidenceLine } from './log-rules.ts';

/** Everything a diagnosis rests on, every text already scrubbed of secret values and URL credentials. */
export interface Evidence {
  deployment: Deployment;
  app: AppRow;
  /** The end of the build and deploy log, oldest first. */
  log: EvidenceLine[];
  /** The end of the deployment's container output, when its container still exists. */
  container: EvidenceLine[];
  error: string | null;
  envNames: string[];
  /** Related project context (earlier failures, the Dockerfile, manifests). */
  context: ContextPassage[];
}

export interface ContextPassage {
  sourceType: string;
  sourceRef: string;
  title: string;
  text: string;
}

/** Builds are far shorter; reading further back to take a tail is not worth it. */
const MAX_SCAN = 20_000;
const CONTEXT_HITS = 3;
const CONTEXT_CHARS = 800;

export async function gatherEvidence(
  ctx: AppContext,
  opts: { deploymentId: string; logLines: number; containerLines: number },
): Promise<Evidence> {
  const deployment = await getDeployment(ctx, opts.deploymentId);
  const app = await getAppRow(ctx, deployment.appId);
  const secrets = await collectSecretValues(ctx);
  const clean = (text: string) => scrubText(redactText(text), secrets);
  const rows = (await readDeploymentLogs(ctx, deployment.id, { limit: MAX_SCAN })).slice(-opts.logLines);
  const log = rows.map((r): EvidenceLine => ({ line: r.seq, source: 'deployment_log', text: clean(r.text) }));
  const container = (await containerTail(ctx, deployment, opts.containerLines)).map(
    (text, i): EvidenceLine => ({ line: i + 1, source: 'container_log', text: clean(text) }),
  );
  const error = deployment.error ? clean(deployment.error) : null;
  const query = error ?? log.at(-1)?.text ?? `${app.name} deployment failed`;
  const context = (await relatedContext(ctx, app, deployment, query)).map((p) => ({ ...p, text: clean(p.text) }));
  return { deployment, app, log, container, error, envNames: await envVarNames(ctx, app.id), context };
}

/** A failed start's container is removed (its last lines are copied into the log); a live one is read. */
async function containerTail(ctx: AppContext, d: Deployment, lines: number): Promise<string[]> {
  if (!d.containerId || !(await inspectContainer(ctx.docker, d.containerId).catch(() => null))) return [];
  const out = await readLogs(ctx.docker, d.containerId, { tail: lines }).catch(() => []);
  return out.map((l) => `${l.stream === 'stderr' ? '[stderr] ' : ''}${l.text}`);
}

/** Context is a help, not a need: an embedder outage leaves the diagnosis to the logs alone. */
async function relatedContext(
  ctx: AppContext,
  app: AppRow,
  deployment: Deployment,
  query: string,
): Promise<ContextPassage[]> {
  try {
    const embedder = createEmbedder(ctx.env);
    await refreshStaleContext(ctx, embedder, { appId: app.id });
    const { hits } = await searchContext(ctx, {
      query: query.slice(0, 500),
      appId: app.id,
      limit: CONTEXT_HITS + 1,
      embedder,
    });
    return hits
      .filter((h) => h.sourceRef !== deployment.id) // this very failure teaches nothing new
      .slice(0, CONTEXT_HITS)
      .map((h) => ({
        sourceType: h.sourceType,
        sourceRef: h.sourceRef,
        title:
          h.sourceType === 'deploy_failure'
            ? `deployment #${String((h.metadata as { number?: unknown }).number ?? '?')}`
            : h.sourceRef,
        text: h.content.slice(0, CONTEXT_CHARS),
      }));
  } catch (err) {
    ctx.logger.warn({ err: (err as Error).message }, 'diagnosis: project context unavailable');
    return [];
  }
}

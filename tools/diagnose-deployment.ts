import { z } from 'zod';
import { defineTool, untrusted } from './define.ts';
import type { AppContext } from '../server/context.ts';
import type { Deployment } from '../server/db/schema/deployments.ts';
import { DomainError } from '../server/errors.ts';
import { getAppRow } from '../server/services/apps.ts';
import { getDeployment, listDeployments } from '../server/services/deployments.ts';
import { diagnoseDeployment as diagnose } from '../server/ai/diagnose-deployment.ts';
import { aiModelFor } from '../server/ai/model.ts';
import { deploymentOrApp, deploymentTarget, exactlyOne, exactlyOneError } from './lib/deployment-ref.ts';
import { q } from './lib/refs.ts';

/** How far back "the latest failed deployment" looks; older failures are history, not the question. */
const RECENT = 20;

const citation = z.object({
  line: z.number().int().describe('Line number: the deployment log line (seq), or the position in the container tail'),
  source: z.enum(['deployment_log', 'container_log']),
  text: z.string().describe('The line as logged (secrets redacted)'),
});

const output = z.object({
  deployment: z.object({ id: z.string(), number: z.number().int(), status: z.string(), appName: z.string() }),
  cause: z.string().describe('The likely cause, in a sentence or two'),
  fix: z.string().describe('What to change, most likely first'),
  citations: z.array(citation).describe('The log lines the diagnosis rests on'),
  rule: z.string().describe('The offline rule that recognised the failure, or "unrecognised"'),
  usedModel: z
    .object({ provider: z.string(), model: z.string() })
    .nullable()
    .describe('The model that wrote cause and fix; null when the offline rules did'),
  modelError: z.string().nullable().describe('Why the configured model gave no answer (the rules answered instead)'),
  error: z.string().nullable().describe("The deployment's recorded error"),
  context: z
    .array(z.object({ sourceType: z.string(), sourceRef: z.string(), title: z.string() }))
    .describe('Related project context the diagnosis was given (earlier failures, repository files)'),
});

/** An app means its latest failed deployment: that is what "why did my deploy fail?" is about. */
async function pickDeployment(ctx: AppContext, input: { deployment?: string; app?: string }) {
  if (input.deployment) return { deployment: await getDeployment(ctx, input.deployment), note: null };
  const app = await getAppRow(ctx, input.app ?? '');
  const recent = await listDeployments(ctx, app.id, { limit: RECENT });
  if (!recent.length)
    throw new DomainError('not_found', `App ${app.name} has no deployments yet.`, 'Deploy it with deploy_app first.');
  const failed = recent.find((d) => d.status === 'failed');
  const deployment: Deployment = failed ?? recent[0]!;
  const note = failed
    ? failed.id === recent[0]!.id
      ? null
      : `Deployment #${failed.number} is the latest failed one; #${recent[0]!.number} after it is ${recent[0]!.status}.`
    : `None of the last ${recent.length} deployments of ${app.name} failed; this looks at the newest one.`;
  return { deployment, note };
}

export const diagnoseDeployment = defineTool({
  name: 'diagnose_deployment',
  description:
    'Explain why a deployment failed, and how to fix it: reads its build and deploy log, the container output when the container still exists, and related project context (earlier failures, the Dockerfile), and answers with the likely cause, the fix, and the log lines it rests on (numbered, quoted). Give a deployment id, or an app to look at its latest failed deployment. Uses the configured model provider when there is one, else built-in rules (missing base image or Dockerfile, a failed build step, npm/pnpm not found, wrong port, health check timeout, crash on start, out of memory). Changes nothing. Log text is returned as untrusted data.',
  input: z
    .object({
      ...deploymentOrApp,
      app: deploymentOrApp.app.describe(
        'App name or id, meaning its latest failed deployment (or its newest, if none failed); use instead of deployment',
      ),
      tail: z
        .number()
        .int()
        .min(5)
        .max(200)
        .optional()
        .describe('How many of the last log lines a model is shown; default 40'),
    })
    .refine(exactlyOne, exactlyOneError),
  output,
  risk: 'read',
  // Reads only; but with a cloud provider configured, the (scrubbed) log goes to that model.
  hints: { idempotent: true, destructive: false, openWorld: true },
  target: deploymentTarget,
  summarize: (i) =>
    i.deployment ? `Diagnose deployment ${i.deployment}` : `Diagnose the latest failed deployment of ${q(i.app ?? '')}`,
  async execute(input, ctx) {
    const { deployment, note } = await pickDeployment(ctx, input);
    const model = await aiModelFor(ctx);
    const r = await diagnose(ctx, { model, deploymentId: deployment.id, tail: input.tail });
    const d = r.deployment;
    const by = r.usedModel
      ? `by ${r.usedModel.provider} (${r.usedModel.model})`
      : `by the built-in rules (${r.rule === 'unrecognised' ? 'no known pattern matched' : r.rule})`;
    const lines = r.citations.map((c) => `${c.source === 'deployment_log' ? 'L' : 'C'}${c.line} ${c.text}`);
    const body = [`Cause: ${r.cause}`, `Fix: ${r.fix}`, '', 'Cited log lines:', ...(lines.length ? lines : ['(none)'])];
    return {
      text: [
        `Diagnosis of deployment #${d.number} of ${d.appName} (${d.status}, id ${d.id}), ${by}:`,
        note,
        r.modelError ? `The model gave no answer (${r.modelError}); the built-in rules answered instead.` : null,
        untrusted(`diagnosis of deployment #${d.number}, derived from its logs`, body.join('\n')),
        r.context.length
          ? `Related context it was given: ${r.context.map((c) => `${c.sourceType} ${c.title}`).join('; ')}.`
          : null,
        'Tell the user the cause and the fix, quoting the cited lines (L = build and deploy log, C = container output). Do not deploy again until the fix is in place; get_build_logs shows the whole log.',
      ]
        .filter(Boolean)
        .join('\n'),
      data: {
        deployment: d,
        cause: r.cause,
        fix: r.fix,
        citations: r.citations,
        rule: r.rule,
        usedModel: r.usedModel,
        modelError: r.modelError,
        error: r.error,
        context: r.context.map(({ sourceType, sourceRef, title }) => ({ sourceType, sourceRef, title })),
      },
    };
  },
});

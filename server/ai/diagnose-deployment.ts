import { generateText, type LanguageModel } from 'ai';
import type { AppContext } from '../context.ts';
import type { Deployment } from '../db/schema/deployments.ts';
import type { AppRow } from '../db/schema/apps.ts';
import { redactText } from '../source/redact.ts';
import { renderPrompt } from '../chat/prompts.ts';
import { FallbackModel } from '../providers/fallback.ts';
import { untrusted } from '../../tools/define.ts';
import { gatherEvidence, type ContextPassage, type Evidence } from './diagnosis-evidence.ts';
import { diagnoseFromLogs, type EvidenceLine } from './log-rules.ts';

export interface DiagnoseOptions {
  /** null: the offline rules alone (no provider configured). */
  model: LanguageModel | null;
  deploymentId: string;
  /** How many of the last log lines the model sees; default 40. */
  tail?: number;
  signal?: AbortSignal;
  /** For tests; default prompts/. */
  promptsDir?: string;
}

export interface Diagnosis {
  cause: string;
  fix: string;
  /** The log lines the answer rests on, quoted exactly (secrets scrubbed). */
  citations: EvidenceLine[];
  /** The offline rule that recognised the failure, or `unrecognised`. */
  rule: string;
  usedModel: { provider: string; model: string } | null;
  /** The model's whole answer (model output), when one was used. */
  modelAnswer: string | null;
  /** Why the model's answer is missing when a model was asked; the offline diagnosis stands in. */
  modelError: string | null;
  /** The lines a model was (or would have been) shown, oldest first. */
  excerpt: EvidenceLine[];
  error: string | null;
  deployment: { id: string; number: number; status: Deployment['status']; appName: string };
  context: ContextPassage[];
}

const DEFAULT_TAIL = 40;
/** The rules look further back than the model is shown: a build error can precede a long cleanup. */
const RULE_SCAN = 300;
const CONTAINER_LINES = 40;

/**
 * "Why did my deploy fail?": the offline rules always run over the scrubbed log; with a model,
 * its answer (from the settings, the error, the numbered last log lines and related context,
 * all marked as untrusted data) gives the cause and fix, and the lines it cites by number are
 * returned so a person can check the answer against the log. A model failure falls back to the
 * offline diagnosis.
 */
export async function diagnoseDeployment(ctx: AppContext, opts: DiagnoseOptions): Promise<Diagnosis> {
  const evidence = await gatherEvidence(ctx, {
    deploymentId: opts.deploymentId,
    logLines: RULE_SCAN,
    containerLines: CONTAINER_LINES,
  });
  const { deployment: d, app } = evidence;
  const all = [...evidence.log, ...evidence.container];
  const offline = diagnoseFromLogs(all, { port: d.settings.port, error: evidence.error, status: d.status });
  const tail = evidence.log.slice(-(opts.tail ?? DEFAULT_TAIL));
  // The decisive line stays in view even when it is older than the tail.
  const excerpt = [...offline.citations.filter((c) => c.source === 'deployment_log' && !tail.includes(c)), ...tail]
    .concat(evidence.container)
    .sort((a, b) => (a.source === b.source ? a.line - b.line : a.source === 'deployment_log' ? -1 : 1));
  const base = {
    rule: offline.rule,
    excerpt,
    error: evidence.error,
    deployment: { id: d.id, number: d.number, status: d.status, appName: app.name },
    context: evidence.context,
  };
  const withoutModel = (modelError: string | null): Diagnosis => ({
    ...base,
    cause: offline.cause,
    fix: offline.fix,
    citations: offline.citations,
    usedModel: null,
    modelAnswer: null,
    modelError,
  });
  if (!opts.model) return withoutModel(null);

  let answer: string;
  try {
    answer = (
      await generateText({
        model: opts.model,
        instructions: renderPrompt('diagnose-deploy', {}, opts.promptsDir),
        prompt: promptFor(evidence, excerpt),
        temperature: 0,
        maxOutputTokens: 1_500,
        maxRetries: 0,
        abortSignal: opts.signal,
      })
    ).text;
  } catch (err) {
    if (opts.signal?.aborted) throw err;
    return withoutModel(`The model could not be reached: ${(err as Error).message}`);
  }
  const sections = parseAnswer(answer);
  const cited = citedLines(answer, excerpt);
  return {
    ...base,
    cause: sections.cause,
    fix: sections.fix ?? offline.fix,
    citations: cited.length ? cited : offline.citations,
    usedModel: modelName(opts.model),
    modelAnswer: answer,
    modelError: null,
  };
}

/** Deployment log lines as `L<seq>`, container lines as `C<n>`: what the model cites. */
const lineRef = (l: EvidenceLine) => `${l.source === 'deployment_log' ? 'L' : 'C'}${l.line}`;

function promptFor(e: Evidence, excerpt: EvidenceLine[]): string {
  const d = e.deployment;
  const label = `deployment #${d.number} of ${e.app.name}`;
  const number = (lines: EvidenceLine[]) => lines.map((l) => `${lineRef(l)} ${l.text}`).join('\n');
  const logLines = excerpt.filter((l) => l.source === 'deployment_log');
  const containerLines = excerpt.filter((l) => l.source === 'container_log');
  return [
    `Why did ${label} fail?`,
    '',
    `Deployment: #${d.number}, status ${d.status}, ${d.trigger === 'rollback' ? 'a rollback' : 'a deploy'}${d.commit ? ` of commit ${d.commit.slice(0, 12)}` : ''}, attempt ${d.attempts}.`,
    describeApp(e.app, d, e.envNames),
    '',
    'Recorded error:',
    untrusted(`error of ${label}`, e.error ?? '(none recorded)'),
    '',
    `The last ${logLines.length} log lines, numbered L<line> (build and deploy steps; [container] lines come from the app itself):`,
    untrusted(`build and deploy log of ${label}`, number(logLines) || '(no log lines)'),
    ...(containerLines.length
      ? [
          '',
          'The container is still there; its last lines, numbered C<n>:',
          untrusted(`container log of ${label}`, number(containerLines)),
        ]
      : []),
    ...(e.context.length
      ? [
          '',
          'Related project context (earlier failures, repository files):',
          untrusted(
            `project context of ${e.app.name}`,
            e.context.map((c) => `[${c.sourceType}: ${c.title}]\n${c.text}`).join('\n\n'),
          ),
        ]
      : []),
  ].join('\n');
}

/** Splits the prompt's answer shape (What failed / Why / Fix); an answer in another shape is all cause. */
function parseAnswer(answer: string): { cause: string; fix: string | null } {
  const section = (name: string) =>
    answer
      .match(
        new RegExp(
          `\\*\\*${name}\\*\\*:?\\s*([\\s\\S]*?)(?=\\n\\s*(?:\\d+\\.\\s*)?\\*\\*(?:What failed|Why|Fix)\\*\\*|$)`,
          'i',
        ),
      )?.[1]
      ?.trim() || null;
  const what = section('What failed');
  const why = section('Why');
  const fix = section('Fix');
  const cause = [what, why].filter(Boolean).join(' ');
  return { cause: cause || answer.trim(), fix };
}

/** Lines the answer names (`L12`, `C3`) or quotes whole; only lines the model was shown count. */
function citedLines(answer: string, excerpt: EvidenceLine[]): EvidenceLine[] {
  const named = new Set([...answer.matchAll(/\b([LC])(\d+)\b/g)].map((m) => `${m[1]}${m[2]}`));
  return excerpt.filter((l) => named.has(lineRef(l)) || (l.text.trim().length >= 16 && answer.includes(l.text.trim())));
}

function modelName(model: LanguageModel): { provider: string; model: string } {
  if (model instanceof FallbackModel) return model.answeredBy ?? { provider: model.provider, model: model.modelId };
  return typeof model === 'string'
    ? { provider: 'gateway', model }
    : { provider: model.provider, model: model.modelId };
}

function describeApp(app: AppRow, deployment: Deployment, envNames: string[]): string {
  const s = deployment.settings;
  const src = app.source;
  const source =
    src.type === 'image'
      ? `image ${src.image}`
      : src.type === 'git'
        ? `git ${redactText(src.url)}${src.ref ? ` at ${src.ref}` : ''}`
        : 'an uploaded archive';
  const build =
    src.type === 'image'
      ? ''
      : `; Dockerfile: ${src.generateDockerfile ? 'generated by the panel' : (src.dockerfilePath ?? 'Dockerfile')}${src.subdir ? ` in ${src.subdir}` : ''}`;
  const hc = s.healthCheck.type === 'http' ? `HTTP GET ${s.healthCheck.path}` : s.healthCheck.type;
  const limits =
    [s.cpus !== null && `${s.cpus} CPU`, s.memoryMb !== null && `${s.memoryMb} MiB memory`]
      .filter(Boolean)
      .join(', ') || 'none';
  return [
    `App ${app.name}: source ${source}${build}.`,
    `Port ${s.port ?? 'none'}; health check ${hc} within ${s.healthTimeoutSeconds} s; restart ${s.restartPolicy}; limits ${limits}${s.command?.length ? `; command ${s.command.join(' ')}` : ''}.`,
    `Environment variables (names only): ${envNames.join(', ') || 'none'}.`,
  ].join('\n');
}

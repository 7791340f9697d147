import { generateText, type LanguageModel, type ModelMessage } from 'ai';
import type { AppContext } from '../context.ts';
import type { GeneratedDockerfile } from '../dockerfile/index.ts';
import { fsRepoReader } from '../dockerfile/index.ts';
import { renderPrompt } from '../chat/prompts.ts';
import { readRepoFiles } from '../knowledge/repo-files.ts';
import { untrusted } from '../../tools/define.ts';
import { checkDockerfileBuilds } from './build-check.ts';
import { extractDockerfile } from './extract-dockerfile.ts';

export interface RefineOptions {
  model: LanguageModel;
  /** The fetched source (build root), as the deploy pipeline would build it. */
  sourceDir: string;
  /** The offline generator's result: the starting point and the fallback. */
  generated: GeneratedDockerfile;
  /** Extra rounds in which the model sees its build error and may fix it; default 1. */
  retries?: number;
  signal?: AbortSignal;
  /** For tests; default prompts/. */
  promptsDir?: string;
}

interface RefineAttempt {
  ok: boolean;
  /** Why this attempt was not taken: no Dockerfile in the answer, or the build error. */
  error?: string;
}

export interface RefinedDockerfile {
  dockerfile: string;
  /** `model`: the refined file, proven by a real build; `offline`: the generated one, kept. */
  source: 'model' | 'offline';
  /** True only when this exact file was built successfully here. */
  validated: boolean;
  /** For the person reviewing the proposal: what happened, in plain sentences. */
  explanation: string[];
  /** The model's own note on its changes (model output, shown as such). */
  modelNotes: string | null;
  attempts: RefineAttempt[];
}

/** Enough of each repository file for the model to see the stack; the rest is noise. */
const MAX_FILE_CHARS = 4_000;
const MAX_LISTED_FILES = 150;

/**
 * Asks the model to improve the offline-generated Dockerfile for this repository, and proposes
 * the result only if it really builds here (a throwaway image, removed afterwards). A refined
 * file that does not build goes back to the model once with its error; if it still fails, or the
 * model cannot be reached, the offline Dockerfile is kept and the reason is explained.
 */
export async function refineDockerfile(ctx: AppContext, opts: RefineOptions): Promise<RefinedDockerfile> {
  const instructions = renderPrompt('dockerfile', {}, opts.promptsDir);
  const messages: ModelMessage[] = [
    { role: 'user', content: await describeRepository(opts.sourceDir, opts.generated) },
  ];
  const attempts: RefineAttempt[] = [];
  const rounds = 1 + Math.max(0, opts.retries ?? 1);
  let notes: string | null = null;
  for (let round = 0; round < rounds; round++) {
    let answer: string;
    try {
      answer = (
        await generateText({
          model: opts.model,
          instructions,
          messages,
          temperature: 0,
          maxOutputTokens: 4_000,
          abortSignal: opts.signal,
        })
      ).text;
    } catch (err) {
      if (opts.signal?.aborted) throw err;
      attempts.push({ ok: false, error: `The model could not be reached: ${(err as Error).message}` });
      break;
    }
    messages.push({ role: 'assistant', content: answer });
    const extracted = extractDockerfile(answer);
    if (!extracted) {
      attempts.push({ ok: false, error: 'The answer held no Dockerfile.' });
      messages.push({
        role: 'user',
        content: 'Your answer held no Dockerfile. Answer with the complete Dockerfile in one ```dockerfile block.',
      });
      continue;
    }
    notes = extracted.notes || null;
    const check = await checkDockerfileBuilds(ctx, {
      sourceDir: opts.sourceDir,
      dockerfile: extracted.dockerfile,
      dockerignore: opts.generated.dockerignore,
      signal: opts.signal,
    });
    if (check.ok) {
      attempts.push({ ok: true });
      const unchanged = extracted.dockerfile.trim() === opts.generated.dockerfile.trim();
      return {
        dockerfile: extracted.dockerfile,
        source: 'model',
        validated: true,
        explanation: [
          unchanged
            ? 'The model kept the generated Dockerfile as it was.'
            : 'The model refined the generated Dockerfile.',
          `It was built successfully on this Docker engine${attempts.length > 1 ? ` on attempt ${attempts.length}, after the model fixed its earlier build error` : ''}.`,
        ],
        modelNotes: notes,
        attempts,
      };
    }
    attempts.push({ ok: false, error: check.error });
    messages.push({
      role: 'user',
      content: `That Dockerfile did not build: ${check.error}\nThe end of the build output:\n${untrusted('docker build output', check.logTail.join('\n'))}\nFix it and answer again in the same format, with the complete Dockerfile.`,
    });
  }
  const last = attempts.at(-1)?.error ?? 'no attempt was made';
  return {
    dockerfile: opts.generated.dockerfile,
    source: 'offline',
    validated: false,
    explanation: [
      `Keeping the generated Dockerfile: the model's version was not usable (${last})`,
      ...(attempts.length > 1 ? [`${attempts.length} attempts were made.`] : []),
    ],
    modelNotes: notes,
    attempts,
  };
}

/** The generator's facts, its Dockerfile, and the repository's key files marked as outside text. */
async function describeRepository(sourceDir: string, generated: GeneratedDockerfile): Promise<string> {
  const listed = (await fsRepoReader(sourceDir).list()).sort();
  const files = await readRepoFiles(sourceDir);
  const clip = (t: string) => (t.length > MAX_FILE_CHARS ? `${t.slice(0, MAX_FILE_CHARS)}\n… [cut]` : t);
  return [
    `Detected stack: ${generated.stack}. Port: ${generated.port}. Start command: ${generated.startCommand ?? "the image's default"}.`,
    `Base images: ${generated.baseImages.join(', ')}.`,
    'What the generator found and decided:',
    ...generated.explanation.map((l) => `- ${l}`),
    '',
    'The generated Dockerfile:',
    '```dockerfile',
    generated.dockerfile.trim(),
    '```',
    '',
    `Files in the repository (${listed.length}${listed.length > MAX_LISTED_FILES ? `, first ${MAX_LISTED_FILES}` : ''}):`,
    untrusted('repository file list', listed.slice(0, MAX_LISTED_FILES).join('\n')),
    ...files.map((f) => `\n${f.path}:\n${untrusted(`repository file ${f.path}`, clip(f.text))}`),
  ].join('\n');
}

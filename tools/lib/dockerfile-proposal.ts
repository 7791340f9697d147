import path from 'node:path';
import { z } from 'zod';
import { untrusted } from '../define.ts';
import {
  generateDockerfile as generate,
  fsRepoReader,
  type GeneratedDockerfile,
} from '../../server/dockerfile/index.ts';
import { fromImages } from '../../server/dockerfile/dockerfile-text.ts';
import { refineDockerfile } from '../../server/ai/refine-dockerfile.ts';
import { aiModelFor } from '../../server/ai/model.ts';
import { fetchSource, type SourceSpec } from '../../server/source/fetch.ts';
import { getAppRow, readDeployKey } from '../../server/services/apps.ts';
import { uploadPath } from '../../server/deploy/uploads.ts';
import { DomainError } from '../../server/errors.ts';
import { redactText } from '../../server/source/redact.ts';
import type { ToolContext } from '../define.ts';
import { appRef } from './refs.ts';

/** generate_dockerfile runs without approval, so it must not hang on a huge or stalled repository. */
const FETCH_TIMEOUT_MS = 120_000;
/** Refinement asks a model and builds its answer (up to twice); past this the offline proposal stands. */
const REFINE_TIMEOUT_MS = 5 * 60_000;

export const proposalInput = z
  .object({
    app: appRef
      .optional()
      .describe("Use this app's source (its git repository or uploaded archive); give app or gitUrl"),
    gitUrl: z
      .string()
      .max(500)
      .regex(/^https?:\/\//i, {
        error: 'expected an https:// URL; for other sources create an app and pass app instead',
      })
      .optional()
      .describe('A public https git URL to look at instead of an app, e.g. https://github.com/acme/api'),
    ref: z
      .string()
      .max(200)
      .optional()
      .describe("Branch, tag or commit to look at; default: the app's ref or the default branch"),
    subdir: z
      .string()
      .max(300)
      .optional()
      .describe("Folder inside the source holding the app; default: the app's folder or the top"),
    port: z
      .number()
      .int()
      .min(1)
      .max(65535)
      .optional()
      .describe("Port the app should listen on; default: the app's port or the stack's usual one"),
  })
  .refine((i) => (i.app === undefined) !== (i.gitUrl === undefined), { error: 'give either app or gitUrl, not both' });
type Input = z.infer<typeof proposalInput>;

const refinement = z.object({
  status: z
    .enum(['refined', 'kept_offline', 'unavailable'])
    .describe(
      "refined: the model's Dockerfile built here and replaces the offline one; otherwise the offline one stands",
    ),
  validated: z.boolean().describe('The returned Dockerfile was built successfully on this server'),
  explanation: z.array(z.string()).describe('What happened, in plain sentences'),
  modelNotes: z.string().nullable().describe("The model's own note on its changes (model output)"),
  model: z.object({ provider: z.string(), model: z.string() }).nullable(),
  offlineDockerfile: z.string().nullable().describe('The offline proposal, when the refined one replaced it'),
});

export const proposalOutput = z.object({
  source: z.string().describe('What was read: "app <name>" or the (credential-free) git URL'),
  commit: z.string().nullable(),
  stack: z.string().describe('The detected stack, e.g. node, nextjs, python-fastapi, go'),
  dockerfile: z.string(),
  dockerignore: z.string(),
  port: z.number().int(),
  startCommand: z.string().nullable(),
  explanation: z.array(z.string()).describe('Why the offline generator chose what it chose'),
  baseImages: z.array(z.string()),
  refinement: refinement.nullable().describe('Set by refine_dockerfile; null from generate_dockerfile'),
});

/**
 * Where to read from. Arbitrary URLs are limited to https: ssh needs a key, and file:// would
 * let an unapproved read reach the server's disk; those sources go through an (approved) app.
 */
async function sourceOf(ctx: ToolContext, i: Input): Promise<{ spec: SourceSpec; label: string; port?: number }> {
  if (i.gitUrl)
    return { spec: { type: 'git', url: i.gitUrl, ref: i.ref, subdir: i.subdir }, label: redactText(i.gitUrl) };
  const app = await getAppRow(ctx, i.app ?? '');
  const port = i.port ?? app.port ?? undefined;
  const subdir = i.subdir ?? (app.source.type === 'image' ? undefined : app.source.subdir);
  if (app.source.type === 'git')
    return {
      spec: {
        type: 'git',
        url: app.source.url,
        ref: i.ref ?? app.source.ref,
        subdir,
        deployKey: readDeployKey(ctx, app),
      },
      label: `app ${app.name}`,
      port,
    };
  if (app.source.type === 'tarball')
    return {
      spec: { type: 'tarball', path: uploadPath(ctx, app.source.uploadId), subdir },
      label: `app ${app.name}`,
      port,
    };
  throw new DomainError(
    'invalid',
    `App ${app.name} runs the prebuilt image ${app.source.image}; there is no source to look at.`,
    'Pass gitUrl, or give the app a git or tarball source.',
  );
}

type Refinement = z.infer<typeof refinement> & { dockerfile: string };

/** The Dockerfile itself is already the result's `dockerfile`. */
const refinementView = ({ dockerfile: _, ...view }: Refinement): z.infer<typeof refinement> => view;

/**
 * The offline proposal is the default and the fallback: no provider, a model error, a refined
 * file that does not build, or a refinement past its time all leave it in place, with a note.
 */
async function refineProposal(ctx: ToolContext, sourceDir: string, offline: GeneratedDockerfile): Promise<Refinement> {
  const kept = (why: string, model: Refinement['model'] = null): Refinement => ({
    status: model ? 'kept_offline' : 'unavailable',
    validated: false,
    explanation: [why],
    modelNotes: null,
    model,
    offlineDockerfile: null,
    dockerfile: offline.dockerfile,
  });
  const model = await aiModelFor(ctx);
  if (!model) return kept('No model provider is configured, so this is the offline proposal, not refined.');
  const signal = AbortSignal.timeout(REFINE_TIMEOUT_MS);
  try {
    const r = await refineDockerfile(ctx, { model, sourceDir, generated: offline, signal });
    const used = model.answeredBy ?? { provider: model.provider, model: model.modelId };
    return {
      status: r.source === 'model' ? 'refined' : 'kept_offline',
      validated: r.validated,
      explanation: r.explanation,
      modelNotes: r.modelNotes,
      model: used,
      offlineDockerfile: r.source === 'model' ? offline.dockerfile : null,
      dockerfile: r.dockerfile,
    };
  } catch (err) {
    const why = signal.aborted ? `it took longer than ${REFINE_TIMEOUT_MS / 1000} s` : (err as Error).message;
    ctx.logger.warn({ err: (err as Error).message }, 'dockerfile refinement failed');
    return kept(`Keeping the offline proposal: the refinement failed (${redactText(why)}).`, {
      provider: model.answeredBy?.provider ?? model.provider,
      model: model.modelId,
    });
  }
}

/** Reads the source and proposes a Dockerfile; with `refine`, a model improves it and a real build checks it. */
export async function proposeDockerfile(i: Input, ctx: ToolContext, refine: boolean) {
  const { spec, label, port } = await sourceOf(ctx, i);
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const fetched = await fetchSource(spec, { workDir: path.join(ctx.env.dataDir, 'tmp', 'dockerfile'), signal }).catch(
    (err: unknown) => {
      if (signal.aborted)
        throw new DomainError(
          'unavailable',
          `Fetching ${label} took longer than ${FETCH_TIMEOUT_MS / 1000} s.`,
          'Try a smaller subdir, or deploy with source.generateDockerfile and read get_build_logs.',
        );
      throw err;
    },
  );
  try {
    const offline = await generate(fsRepoReader(fetched.dir), { port });
    const refined = refine ? await refineProposal(ctx, fetched.dir, offline) : null;
    const g =
      refined?.status === 'refined'
        ? { ...offline, dockerfile: refined.dockerfile, baseImages: fromImages(refined.dockerfile) }
        : offline;
    // Start command, explanation and even the CMD line can quote the repository (scripts, names).
    const proposal = [
      `Start command: ${g.startCommand ?? '(the image default)'}`,
      `Why:\n${g.explanation.map((l) => `- ${l}`).join('\n')}`,
      ...(refined?.modelNotes ? [`The model's notes on its changes:\n${refined.modelNotes}`] : []),
      `Dockerfile:\n${g.dockerfile}`,
      `.dockerignore:\n${g.dockerignore}`,
    ].join('\n\n');
    return {
      text: [
        `Detected stack ${g.stack} in ${label}${fetched.commit ? ` at ${fetched.commit.slice(0, 12)}` : ''}; the container listens on port ${g.port}. Base images: ${g.baseImages.join(', ')}.`,
        ...(refined ? [refined.explanation.join(' ')] : []),
        untrusted(`repository ${label}`, proposal),
        refined?.status === 'refined'
          ? 'Nothing was written. This refined Dockerfile is for the user to commit to the repository (then deploy_app); source.generateDockerfile=true would build with the offline proposal instead.'
          : 'Nothing was written. To build with it, set source.generateDockerfile=true (create_app or update_app) and port, then deploy_app; or show it to the user to commit as their Dockerfile.',
      ].join('\n'),
      data: {
        source: label,
        commit: fetched.commit ?? null,
        ...g,
        refinement: refined && refinementView(refined),
      },
    };
  } finally {
    await fetched.cleanup();
  }
}

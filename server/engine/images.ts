import type Docker from 'dockerode';
import type { Pack } from 'tar-fs';
import { DomainError } from '../errors.ts';
import { BuildOutput, type BuildLine } from './build-output.ts';
import {
  cancelled,
  engineCall,
  engineCallTolerating,
  engineMessage,
  engineStatus,
  engineUnavailable,
} from './errors.ts';
import { LABELS } from './labels.ts';

export interface BuildOptions {
  tag: string;
  /** A tar stream of the build context (plain or gzip), e.g. tar-fs pack(dir). */
  context: NodeJS.ReadableStream | Pack;
  /** Path of the Dockerfile inside the context; the engine defaults to 'Dockerfile'. */
  dockerfile?: string;
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  signal?: AbortSignal;
  onLine?: (line: BuildLine) => void;
}

/**
 * Builds an image with the engine's classic builder, delivering its output line by line.
 *
 * Throws DomainError('invalid', 'The build failed: <engine error>') once every line has been
 * delivered; DomainError('gone', 'The build was cancelled.') when `signal` aborts (the request is
 * torn down and the engine stops the step and removes its container).
 */
export async function buildImage(docker: Docker, opts: BuildOptions): Promise<{ imageId: string }> {
  const { signal } = opts;
  if (signal?.aborted) throw cancelled('The build');
  const output = new BuildOutput((line) => opts.onLine?.(line));
  // abortSignal tears the request down; also stop reading the context if it is still uploading.
  const stopUpload = () => destroyStream(opts.context);
  signal?.addEventListener('abort', stopUpload, { once: true });
  try {
    const response = await requestBuild(docker, opts, output);
    if (response) {
      try {
        for await (const chunk of response) output.push(chunk);
      } catch (err) {
        if (signal?.aborted) throw cancelled('The build');
        throw engineUnavailable(err, docker) ?? err;
      }
      if (signal?.aborted) throw cancelled('The build');
    }
    output.end();
  } finally {
    signal?.removeEventListener('abort', stopUpload);
  }
  if (output.error !== null) throw new DomainError('invalid', `The build failed: ${output.error}`);
  if (output.imageId === null) {
    // Never fall back to inspecting the tag: it may still point at the previous build.
    throw new DomainError(
      'invalid',
      'The build ended without reporting an image id.',
      'Check the engine log and retry the build.',
    );
  }
  return { imageId: output.imageId };
}

/** Starts the build; null when the engine refused it up front (no Dockerfile, a parse error). */
async function requestBuild(
  docker: Docker,
  opts: BuildOptions,
  output: BuildOutput,
): Promise<NodeJS.ReadableStream | null> {
  try {
    // tar-fs packs are streamx streams: typed apart from Node's, but dockerode only pipes them.
    return await docker.buildImage(opts.context as NodeJS.ReadableStream, {
      t: opts.tag,
      dockerfile: opts.dockerfile,
      buildargs: opts.buildArgs,
      labels: { [LABELS.managed]: 'true', ...opts.labels },
      rm: true,
      forcerm: true,
      abortSignal: opts.signal,
    });
  } catch (err) {
    if (opts.signal?.aborted) throw cancelled('The build');
    if (engineStatus(err) === undefined) throw engineUnavailable(err, docker) ?? err;
    output.push(`${JSON.stringify({ error: engineMessage(err) })}\n`);
    return null;
  }
}

function destroyStream(stream: NodeJS.ReadableStream | Pack): void {
  const destroy = (stream as { destroy?: unknown }).destroy;
  if (typeof destroy === 'function') destroy.call(stream);
}

export async function imageExists(docker: Docker, ref: string): Promise<boolean> {
  return engineCallTolerating(docker, [404], false, async () => {
    await docker.getImage(ref).inspect();
    return true;
  });
}

/**
 * Removes an image (a tag or an id). true when removed; false, never an error, when it does not
 * exist (404) or the engine refuses (409: a container still uses it, or a bare id is tagged more
 * than once). `force` untags every tag but still cannot remove an image a running container uses.
 */
export async function removeImage(docker: Docker, ref: string, opts: { force?: boolean } = {}): Promise<boolean> {
  return engineCallTolerating(docker, [404, 409], false, async () => {
    await docker.getImage(ref).remove({ force: opts.force ?? false });
    return true;
  });
}

/** Tags `source` (a tag or an id) as `repo:tag`; DomainError('not_found') if the source is absent. */
export async function tagImage(docker: Docker, source: string, repo: string, tag: string): Promise<void> {
  try {
    await engineCall(docker, () => docker.getImage(source).tag({ repo, tag }));
  } catch (err) {
    if (engineStatus(err) === 404)
      throw new DomainError('not_found', `The image ${source} does not exist.`, 'Build it first.');
    throw err;
  }
}

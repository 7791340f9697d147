import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { DomainError } from '../errors.ts';
import { buildImage, removeImage } from '../engine/index.ts';
import { packBuildContext } from '../source/context.ts';

/** Same name the deploy pipeline injects a generated Dockerfile under, so COPY rules behave alike. */
const CHECK_DOCKERFILE = 'Dockerfile.openpanel';
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/** The end of a build log is where its error is. */
const TAIL_LINES = 30;

export type BuildCheck = { ok: true; logTail: string[] } | { ok: false; error: string; logTail: string[] };

/**
 * Builds `dockerfile` against the source folder on the real engine under a throwaway tag, then
 * removes the image: the only honest answer to "does this Dockerfile work?". A failing build is a
 * result; an engine outage or the caller's abort is an error (not the Dockerfile's fault).
 */
export async function checkDockerfileBuilds(
  ctx: AppContext,
  opts: {
    sourceDir: string;
    dockerfile: string;
    dockerignore?: string | undefined;
    signal?: AbortSignal | undefined;
    timeoutMs?: number;
  },
): Promise<BuildCheck> {
  const tag = `openpanel-check/dockerfile:${randomUUID().slice(0, 12)}`;
  const lines: string[] = [];
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  try {
    const context = await packBuildContext(opts.sourceDir, {
      dockerfile: { path: CHECK_DOCKERFILE, content: opts.dockerfile },
      dockerignore: opts.dockerignore,
    });
    await buildImage(ctx.docker, {
      tag,
      context,
      dockerfile: CHECK_DOCKERFILE,
      labels: { 'org.openpanel.purpose': 'dockerfile-check' },
      signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
      onLine: (line) => lines.push(line.text),
    });
    return { ok: true, logTail: lines.slice(-TAIL_LINES) };
  } catch (err) {
    if (timeout.aborted && !opts.signal?.aborted)
      return {
        ok: false,
        error: `The check build took longer than ${Math.round((opts.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s.`,
        logTail: lines.slice(-TAIL_LINES),
      };
    if (err instanceof DomainError && err.kind === 'invalid')
      return { ok: false, error: err.message, logTail: lines.slice(-TAIL_LINES) };
    throw err;
  } finally {
    await removeImage(ctx.docker, tag, { force: true }).catch(() => {});
  }
}

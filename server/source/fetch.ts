import fs from 'node:fs/promises';
import path from 'node:path';
import { checkGitSpec, cloneGit } from './git.ts';
import { abortError } from './run-git.ts';
import { extractTarball } from './tarball.ts';
import type { FetchOptions, FetchedSource, SourceSpec } from './types.ts';
import { checkSubdir, resolveSubdir } from './validate.ts';

export type { FetchOptions, FetchedSource, SourceSpec } from './types.ts';

/**
 * Puts an app's source on disk in a fresh folder under opts.workDir and returns its build root.
 * Expected failures (bad URL, unknown ref, auth, unsafe or corrupt archive, bad subdir) are
 * DomainErrors; an abort rejects with the signal's reason. Nothing is left behind on failure.
 */
export async function fetchSource(spec: SourceSpec, opts: FetchOptions): Promise<FetchedSource> {
  // Refuse a bad spec before creating anything.
  if (spec.type === 'git') checkGitSpec(spec);
  if (spec.subdir !== undefined) checkSubdir(spec.subdir);
  if (opts.signal?.aborted) throw abortError(opts.signal);

  await fs.mkdir(opts.workDir, { recursive: true });
  const tmp = await fs.mkdtemp(path.join(opts.workDir, 'source-'));
  let removed: Promise<void> | undefined;
  const cleanup = () => (removed ??= fs.rm(tmp, { recursive: true, force: true }));
  try {
    let root: string;
    let commit: string | undefined;
    if (spec.type === 'git') {
      root = path.join(tmp, 'repo');
      commit = await cloneGit(spec, root, opts);
    } else {
      opts.onLine?.(`Unpacking ${path.basename(spec.path)}`);
      root = await extractTarball(spec.path, path.join(tmp, 'files'), opts);
    }
    const dir = await resolveSubdir(root, spec.subdir);
    return commit === undefined ? { dir, cleanup } : { dir, commit, cleanup };
  } catch (err) {
    await cleanup();
    throw err;
  }
}

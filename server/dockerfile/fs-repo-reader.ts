import { lstat, readFile, readdir, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { RepoReader } from './types.ts';

/** Folders that hold installed dependencies, build output or tool state, never app evidence. */
const skippedDirs = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'vendor',
  'target',
  '__pycache__',
  '.venv',
  'venv',
  '.tox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.cache',
  '.parcel-cache',
  '.gradle',
  '.idea',
  '.bundle',
]);
const skippedPaths = new Set(['.yarn/cache', '.yarn/unplugged']);

const maxDepth = 8;
const maxFiles = 20_000;
/** Detection reads manifests and a few sources; anything bigger is not evidence worth holding. */
const maxReadBytes = 5 * 1024 * 1024;

/**
 * A RepoReader over a folder on disk. Symbolic links are not followed and reads cannot leave
 * the folder, because the repository's content is untrusted.
 */
export function fsRepoReader(dir: string): RepoReader {
  const root = path.resolve(dir);
  let realRoot: Promise<string> | undefined;

  return {
    async list() {
      const files: string[] = [];
      await walk(root, '', 0, files);
      return files;
    },
    async read(relPath) {
      realRoot ??= realpath(root);
      const full = path.resolve(root, relPath);
      try {
        const real = await realpath(full);
        const base = await realRoot;
        if (real !== base && !real.startsWith(base + path.sep)) return null;
        const info = await lstat(real);
        if (!info.isFile() || info.size > maxReadBytes) return null;
        return await readFile(real, 'utf8');
      } catch {
        return null;
      }
    },
  };
}

async function walk(absDir: string, relDir: string, depth: number, out: string[]): Promise<void> {
  if (depth > maxDepth || out.length >= maxFiles) return;
  // An unreadable folder is skipped, not an error.
  const entries = await readdir(absDir, { withFileTypes: true }).catch(() => null);
  if (!entries) return;
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (out.length >= maxFiles) return;
    const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (skippedDirs.has(entry.name) || skippedPaths.has(rel)) continue;
      await walk(path.join(absDir, entry.name), rel, depth + 1, out);
    } else if (entry.isFile()) {
      out.push(rel);
    }
  }
}

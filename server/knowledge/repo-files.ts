import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The few files of a repository that say what it is and how it runs: the README, the package
 * manifests and the Dockerfile. Only the top of the build folder is read, only regular files
 * (a symlink could point at the panel's own secrets), and each file is capped.
 */

type RepoFileKind = 'readme' | 'manifest' | 'dockerfile';

export interface RepoFile {
  path: string;
  kind: RepoFileKind;
  text: string;
  truncated: boolean;
}

const README = /^readme(\.(md|markdown|rst|txt|adoc))?$/i;
const MANIFESTS = new Set(
  [
    'package.json',
    'requirements.txt',
    'pyproject.toml',
    'Pipfile',
    'setup.py',
    'go.mod',
    'Cargo.toml',
    'Gemfile',
    'composer.json',
    'pom.xml',
    'build.gradle',
    'build.gradle.kts',
    'mix.exs',
    'deno.json',
    'Procfile',
    'docker-compose.yml',
    'docker-compose.yaml',
    'compose.yml',
    'compose.yaml',
    '.nvmrc',
    '.python-version',
    'runtime.txt',
    '.tool-versions',
  ].map((n) => n.toLowerCase()),
);
/**
 * What each file is, in the words people ask with ("which Python packages…"): names such as
 * requirements.txt or go.mod say it only to someone who already knows.
 */
const DESCRIPTIONS: Record<string, string> = {
  'package.json': 'Node.js package manifest: npm dependencies, scripts, engines',
  'requirements.txt': 'Python package requirements (pip dependencies)',
  'pyproject.toml': 'Python project metadata and dependencies',
  pipfile: 'Python dependencies (Pipenv)',
  'setup.py': 'Python package setup and dependencies',
  'go.mod': 'Go module: Go version and dependencies',
  'cargo.toml': 'Rust crate manifest and dependencies',
  gemfile: 'Ruby gem dependencies (Bundler)',
  'composer.json': 'PHP Composer dependencies',
  'pom.xml': 'Java Maven build and dependencies',
  'build.gradle': 'Gradle build and dependencies',
  'build.gradle.kts': 'Gradle build and dependencies',
  'mix.exs': 'Elixir project and dependencies',
  'deno.json': 'Deno configuration and imports',
  procfile: 'process types and start commands',
  '.nvmrc': 'Node.js version',
  '.python-version': 'Python version',
  'runtime.txt': 'language runtime version',
  '.tool-versions': 'tool and language versions (asdf)',
};

/** Null for a README: it introduces itself. */
export function describeRepoFile(file: RepoFile): string | null {
  if (file.kind === 'readme') return null;
  if (file.kind === 'dockerfile') return 'Dockerfile: how the container image is built';
  const name = path.basename(file.path).toLowerCase();
  return DESCRIPTIONS[name] ?? (/compose\.ya?ml$/.test(name) ? 'Docker Compose services' : 'manifest');
}

/** Lock files are long and say little a person would ask about. */
const MAX_FILE_BYTES = 16 * 1024;
const MAX_FILES = 12;

export interface ReadRepoOptions {
  /** Where the build's Dockerfile is; null when the panel generates it (the repo's own is unused). */
  dockerfilePath?: string | null | undefined;
}

export async function readRepoFiles(dir: string, opts: ReadRepoOptions = {}): Promise<RepoFile[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const wanted: { name: string; kind: RepoFileKind }[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!e.isFile()) continue;
    if (README.test(e.name)) wanted.push({ name: e.name, kind: 'readme' });
    else if (MANIFESTS.has(e.name.toLowerCase())) wanted.push({ name: e.name, kind: 'manifest' });
  }
  const dockerfile =
    opts.dockerfilePath === null ? [] : [{ name: opts.dockerfilePath ?? 'Dockerfile', kind: 'dockerfile' as const }];
  // The README first (it explains the rest), then the Dockerfile, then manifests.
  const ordered = [
    ...wanted.filter((w) => w.kind === 'readme').slice(0, 1),
    ...dockerfile,
    ...wanted.filter((w) => w.kind === 'manifest'),
  ];
  const files: RepoFile[] = [];
  for (const { name, kind } of ordered.slice(0, MAX_FILES)) {
    const file = await readRegularFile(dir, name);
    if (file) files.push({ path: name, kind, ...file });
  }
  return files;
}

/** A regular file inside dir (no symlinks, no `..`), decoded as UTF-8 and capped; null otherwise. */
async function readRegularFile(dir: string, rel: string): Promise<{ text: string; truncated: boolean } | null> {
  const full = path.resolve(dir, rel);
  if (!full.startsWith(path.resolve(dir) + path.sep)) return null;
  try {
    // lstat on every part below dir: a linked folder could lead outside just as a linked file.
    let current = path.resolve(dir);
    for (const part of path.relative(dir, full).split(path.sep)) {
      current = path.join(current, part);
      const stat = await fs.lstat(current);
      if (stat.isSymbolicLink()) return null;
    }
    if (!(await fs.lstat(full)).isFile()) return null;
    const handle = await fs.open(full, 'r');
    try {
      const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      const bytes = buffer.subarray(0, Math.min(bytesRead, MAX_FILE_BYTES));
      if (bytes.includes(0)) return null; // binary
      return { text: bytes.toString('utf8'), truncated: bytesRead > MAX_FILE_BYTES };
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

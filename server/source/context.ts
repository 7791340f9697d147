import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import dockerignoreModule from '@balena/dockerignore';
import tarFs from 'tar-fs';
import { DomainError } from '../errors.ts';

export interface BuildContextOptions {
  /** Sent in place of the folder's file at `path` (default Dockerfile); the folder is not touched. */
  dockerfile?: { path?: string; content: string };
  /** .dockerignore rules to use when the folder has no .dockerignore of its own. */
  dockerignore?: string;
}

interface ContextEntry {
  path: string; // relative, with forward slashes
  kind: 'file' | 'dir' | 'symlink';
}

interface ContextPlan {
  root: string;
  entries: ContextEntry[];
  dockerfilePath: string;
}

// A CommonJS module whose typings declare an ES default export; it sets both at run time.
const dockerignore = dockerignoreModule.default;

// A fixed time for the injected Dockerfile, so the same content packs to the same bytes.
const INJECTED_MTIME = new Date('2000-01-01T00:00:00Z');

/**
 * What a `docker build` of dir would send: files and symlinks (not folders), sorted, with
 * forward slashes; the injected Dockerfile included.
 */
export async function listBuildContext(dir: string, opts: BuildContextOptions = {}): Promise<string[]> {
  const plan = await planBuildContext(dir, opts);
  const files = plan.entries.filter((e) => e.kind !== 'dir').map((e) => e.path);
  if (opts.dockerfile) files.push(plan.dockerfilePath);
  return files.sort();
}

/**
 * A tar stream of dir for the Docker engine, honouring .dockerignore with Docker's semantics.
 * Symlinks are sent as links and never followed, so nothing outside dir is read.
 */
export async function packBuildContext(dir: string, opts: BuildContextOptions = {}): Promise<NodeJS.ReadableStream> {
  const plan = await planBuildContext(dir, opts);
  const override = opts.dockerfile;
  const pack = tarFs.pack(plan.root, {
    entries: plan.entries.map((e) => e.path),
    ignore: () => true, // the entry list is complete: tar-fs must not walk folders on its own
    map: (header) => ({ ...header, uid: 0, gid: 0 }), // as the docker CLI sends them
    finalize: !override,
    finish: (pack) => {
      if (!override) return;
      const content = Buffer.from(override.content);
      pack.entry(
        { name: plan.dockerfilePath, mode: 0o644, mtime: INJECTED_MTIME, size: content.length, type: 'file' },
        content,
        (err) => {
          if (err) pack.destroy(err);
          else pack.finalize();
        },
      );
    },
  });
  // tar-fs streams are streamx ones; hand out a plain Node stream of bytes.
  return Readable.from(pack, { objectMode: false });
}

async function planBuildContext(dir: string, opts: BuildContextOptions): Promise<ContextPlan> {
  let root: string;
  try {
    root = await fs.realpath(dir);
    if (!(await fs.stat(root)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new DomainError('invalid', `The build folder ${dir} does not exist.`, 'Fetch the source again.');
  }
  const dockerfilePath = cleanRelative(opts.dockerfile?.path ?? 'Dockerfile');
  const rules = (await readOptional(path.join(root, '.dockerignore'))) ?? opts.dockerignore ?? '';
  // Docker always sends the Dockerfile and .dockerignore, whatever the rules say.
  const matcher = dockerignore()
    .add(rules)
    .add(['!.dockerignore', `!${dockerfilePath}`]);
  const exceptions = exceptionPatterns(rules).concat('.dockerignore', dockerfilePath);

  const entries: ContextEntry[] = [];
  const walk = async (rel: string): Promise<void> => {
    const dirents = await fs.readdir(rel ? path.join(root, rel) : root, { withFileTypes: true });
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of dirents) {
      const entry = rel ? `${rel}/${dirent.name}` : dirent.name;
      const ignored = matcher.ignores(entry);
      if (dirent.isDirectory()) {
        // Like Docker: enter an ignored folder only if an exception names something inside it.
        if (ignored && !exceptions.some((pattern) => `${pattern}/`.startsWith(`${entry}/`))) continue;
        if (!ignored) entries.push({ path: entry, kind: 'dir' });
        await walk(entry);
      } else if (dirent.isFile() || dirent.isSymbolicLink()) {
        // An overridden Dockerfile is replaced by the injected one.
        if (!ignored && !(opts.dockerfile && entry === dockerfilePath))
          entries.push({ path: entry, kind: dirent.isFile() ? 'file' : 'symlink' });
      }
      // Sockets, fifos and devices are not sent, as with the docker CLI.
    }
  };
  await walk('');
  return { root, entries, dockerfilePath };
}

/** The `!pattern` lines of a .dockerignore, cleaned the way Docker cleans them. */
function exceptionPatterns(rules: string): string[] {
  return rules
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('!'))
    .map((line) => path.posix.normalize(line.slice(1).trim()).replace(/^\/+/, ''))
    .filter((pattern) => pattern !== '' && pattern !== '.');
}

function cleanRelative(file: string): string {
  const clean = path.posix.normalize(file.replace(/\\/g, '/')).replace(/^\.\//, '');
  if (
    path.posix.isAbsolute(clean) ||
    clean === '..' ||
    clean.startsWith('../') ||
    clean === '.' ||
    clean.endsWith('/')
  ) {
    throw new DomainError(
      'invalid',
      `The Dockerfile path ${JSON.stringify(file)} must be a file inside the build folder.`,
      'Use a relative path such as Dockerfile or docker/Dockerfile.prod.',
    );
  }
  return clean;
}

async function readOptional(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

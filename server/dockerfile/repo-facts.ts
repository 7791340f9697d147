import { DomainError } from '../errors.ts';
import type { RepoReader } from './types.ts';

/** A repository's file list plus cached reads: what every stack detector works from. */
export class RepoFacts {
  private readonly fileSet: Set<string>;
  private readonly cache = new Map<string, Promise<string | null>>();

  private constructor(
    private readonly reader: RepoReader,
    readonly files: readonly string[],
  ) {
    this.fileSet = new Set(files);
  }

  static async load(reader: RepoReader): Promise<RepoFacts> {
    const files = (await reader.list()).map(normalizePath).filter((f) => f.length > 0);
    return new RepoFacts(reader, [...new Set(files)].sort());
  }

  has(path: string): boolean {
    return this.fileSet.has(path);
  }

  /** The first of `paths` that exists. */
  first(...paths: string[]): string | undefined {
    return paths.find((p) => this.fileSet.has(p));
  }

  /** True when any file lives under `dir/`. */
  hasDir(dir: string): boolean {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    return this.files.some((f) => f.startsWith(prefix));
  }

  /** Files whose path matches, shallowest first (then alphabetically). */
  matching(pattern: RegExp): string[] {
    return this.files.filter((f) => pattern.test(f)).sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
  }

  read(path: string): Promise<string | null> {
    let text = this.cache.get(path);
    if (!text) {
      text = this.fileSet.has(path) ? this.reader.read(path) : Promise.resolve(null);
      this.cache.set(path, text);
    }
    return text;
  }

  /** Parsed JSON, or null when the file is missing; malformed JSON is the user's to fix. */
  async json(path: string): Promise<unknown> {
    const text = await this.read(path);
    if (text === null) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new DomainError('invalid', `${path} is not valid JSON.`, `Fix the syntax in ${path} and try again.`);
    }
  }
}

function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '');
}

function depth(path: string): number {
  return path.split('/').length;
}

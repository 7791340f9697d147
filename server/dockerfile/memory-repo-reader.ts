import type { RepoReader } from './types.ts';

/** A RepoReader over a map of path -> text; handy for tests and for files fetched from an API. */
export function memoryRepoReader(files: Record<string, string>): RepoReader {
  const entries = new Map(Object.entries(files));
  return {
    list: async () => [...entries.keys()],
    read: async (relPath) => entries.get(relPath) ?? null,
  };
}

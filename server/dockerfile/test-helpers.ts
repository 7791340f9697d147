import { expect } from 'vitest';
import { baseImageCatalog } from './base-images.ts';
import { generateDockerfile } from './generate.ts';
import { memoryRepoReader } from './memory-repo-reader.ts';
import type { GenerateOptions, GeneratedDockerfile } from './types.ts';

/** Generates from an in-memory repository and checks the invariants every result must keep. */
export async function generateFrom(
  files: Record<string, string>,
  options?: GenerateOptions,
): Promise<GeneratedDockerfile> {
  const result = await generateDockerfile(memoryRepoReader(files), options);
  const froms = result.dockerfile.split('\n').filter((l) => l.startsWith('FROM '));
  expect(froms.length).toBeGreaterThan(0);
  for (const image of result.baseImages) expect(baseImageCatalog).toContain(image);
  expect(result.dockerfile).toContain(`ENV `);
  expect(result.dockerfile).toMatch(new RegExp(`PORT=${result.port}\\b`));
  expect(result.dockerfile).toContain(`EXPOSE ${result.port}`);
  expect(result.dockerignore).toContain('.git\n');
  expect(result.dockerignore).toContain('.env\n');
  return result;
}

/** The explanation as one string, for `toContain` checks on evidence. */
export function explained(result: GeneratedDockerfile): string {
  return result.explanation.join('\n');
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);

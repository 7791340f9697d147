export type { GenerateOptions, GeneratedDockerfile, RepoReader } from './types.ts';
export { generateDockerfile } from './generate.ts';
export { fsRepoReader } from './fs-repo-reader.ts';
export { memoryRepoReader } from './memory-repo-reader.ts';
export { baseImageCatalog } from './base-images.ts';

export type { GeneratedDockerfile } from './types.ts';
export { generateDockerfile } from './generate.ts';
export { fsRepoReader } from './fs-repo-reader.ts';

export { LABELS, labelFilters } from './labels.ts';
export { engineUnavailable } from './errors.ts';
export { buildImage, imageExists, removeImage, tagImage, type BuildOptions } from './images.ts';
export type { BuildLine } from './build-output.ts';
export { attachContainer, ensureNetwork, removeNetwork } from './networks.ts';
export {
  containerAddress,
  createAndStartContainer,
  inspectContainer,
  listManagedContainers,
  removeContainer,
  restartContainer,
  startContainer,
  stopContainer,
  type ContainerInfo,
  type ContainerSpec,
  type ContainerState,
} from './containers.ts';
export { waitHealthy, type HealthCheck, type HealthResult, type WaitHealthyOptions } from './health.ts';
export { followLogs, lineMatcher, readLogs, type LogLine, type LogQuery } from './logs.ts';
export { followStats, readStats, type ContainerStats } from './stats.ts';

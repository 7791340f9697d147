export { LABELS } from './labels.ts';
export { buildImage, imageExists, removeImage, tagImage } from './images.ts';
export { attachContainer, ensureNetwork } from './networks.ts';
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
} from './containers.ts';
export { waitHealthy } from './health.ts';
export { followLogs, lineMatcher, readLogs, type LogLine } from './logs.ts';
export { followStats, readStats, type ContainerStats } from './stats.ts';

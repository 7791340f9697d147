import type Docker from 'dockerode';
import { DomainError } from '../errors.ts';
import { engineCall, engineCallTolerating, engineStatus } from './errors.ts';
import { LABELS } from './labels.ts';

// One creation in flight per client and name, so concurrent deploys in this process share it.
const inFlight = new WeakMap<Docker, Map<string, Promise<string>>>();

/**
 * Returns the id of the bridge network `name`, creating it (with the managed label and `labels`)
 * if needed. Safe to call concurrently, also from several processes: the engine's duplicate check
 * is best effort, so after creating we converge on the oldest network of that name and drop ours
 * if it lost.
 */
export function ensureNetwork(docker: Docker, name: string, labels: Record<string, string> = {}): Promise<string> {
  let byName = inFlight.get(docker);
  if (!byName) {
    byName = new Map();
    inFlight.set(docker, byName);
  }
  const pending = byName.get(name);
  if (pending) return pending;
  const created = findOrCreateNetwork(docker, name, labels).finally(() => byName.delete(name));
  byName.set(name, created);
  return created;
}

async function findOrCreateNetwork(
  docker: Docker,
  name: string,
  labels: Record<string, string>,
  attempt = 1,
): Promise<string> {
  const existing = await findNetworks(docker, name);
  if (existing[0]) return existing[0].Id;
  let ours: string | null = null;
  try {
    const network = await engineCall(docker, () =>
      docker.createNetwork({
        Name: name,
        CheckDuplicate: true,
        Driver: 'bridge',
        Labels: { [LABELS.managed]: 'true', ...labels },
      }),
    );
    ours = network.id;
  } catch (err) {
    if (engineStatus(err) !== 409) throw err; // 409: someone else created it first
  }
  const [winner, ...losers] = await findNetworks(docker, name);
  // Removed again in between (a concurrent cleanup): start over, a couple of times at most.
  if (!winner) {
    if (attempt >= 3)
      throw new DomainError('conflict', `The network ${name} keeps disappearing while it is being created.`);
    return findOrCreateNetwork(docker, name, labels, attempt + 1);
  }
  if (ours !== null && losers.some((n) => n.Id === ours)) {
    await engineCallTolerating(docker, [404, 403, 409], undefined, () => docker.getNetwork(ours).remove());
  }
  return winner.Id;
}

/** Networks named exactly `name`, oldest first (the engine's name filter also matches substrings). */
async function findNetworks(docker: Docker, name: string): Promise<Docker.NetworkInspectInfo[]> {
  const networks = await engineCall(docker, () => docker.listNetworks({ filters: { name: [name] } }));
  return networks
    .filter((n) => n.Name === name)
    .sort((a, b) => Date.parse(a.Created) - Date.parse(b.Created) || a.Id.localeCompare(b.Id));
}

/** Removes a network; false if it did not exist. Fails while containers are still attached. */
export async function removeNetwork(docker: Docker, idOrName: string): Promise<boolean> {
  return engineCallTolerating(docker, [404], false, async () => {
    await docker.getNetwork(idOrName).remove();
    return true;
  });
}

/**
 * Connects a container that is not ours (the panel itself, a proxy) to a project network so it can
 * reach apps there. Attaching twice is a no-op.
 */
export async function attachContainer(docker: Docker, container: string, network: string): Promise<void> {
  const info = await engineCall(docker, () => docker.getContainer(container).inspect());
  if (info.NetworkSettings.Networks?.[network]) return;
  await engineCall(docker, () => docker.getNetwork(network).connect({ Container: container }));
}

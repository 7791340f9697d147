import Docker from 'dockerode';

/** Engine connection options from DOCKER_HOST (unix:// or tcp://), or the default socket. */
function dockerOptions(dockerHost: string | undefined): Docker.DockerOptions {
  if (!dockerHost) return { socketPath: '/var/run/docker.sock' };
  const url = new URL(dockerHost);
  if (url.protocol === 'unix:') return { socketPath: url.pathname };
  const https = url.protocol === 'https:';
  return { host: url.hostname, port: Number(url.port || (https ? 2376 : 2375)), protocol: https ? 'https' : 'http' };
}

export function describeDockerHost(dockerHost: string | undefined): string {
  return dockerHost ?? 'unix:///var/run/docker.sock';
}

export function createDocker(dockerHost: string | undefined): Docker {
  return new Docker({ ...dockerOptions(dockerHost), timeout: 0 });
}

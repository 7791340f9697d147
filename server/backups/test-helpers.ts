import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import tarFs from 'tar-fs';
import { expect } from 'vitest';
import type { Client, TestPanel } from '../test/harness.ts';
import type { InProcessJobQueue } from '../jobs/in-process.ts';
import { BUSYBOX } from '../test/deploy-helpers.ts';
import { runHelperContainer } from '../engine/exec.ts';
import { buildImage } from '../engine/index.ts';
import { engineCallTolerating } from '../engine/errors.ts';

/** Polls a backup until it reaches one of `statuses`; fails with its log otherwise. */
export async function waitForBackup(
  client: Client,
  id: string,
  statuses = ['succeeded'],
  timeoutMs = 60_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  let last: Record<string, any> = {};
  while (Date.now() < deadline) {
    const got = await (await client.get(`/api/backups/${id}`)).json();
    last = got.backup ? { ...got.backup, log: got.log } : got;
    if (statuses.includes(last.status)) return last;
    if (['succeeded', 'failed', 'deleted'].includes(last.status)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`backup ${id} is ${last.status}, not ${statuses.join('|')}: ${last.error ?? ''}\n${last.log ?? ''}`);
}

/** Waits until the in-process queue is idle: a backup's job applies retention after it succeeded. */
export async function settle(panel: TestPanel): Promise<void> {
  await (panel.ctx.jobs as InProcessJobQueue).drain();
}

/** Queues a backup over REST and waits for it to succeed. */
export async function backupNow(client: Client, body: Record<string, unknown>): Promise<Record<string, any>> {
  // create_backup names a configuration `config`.
  const { configId, ...rest } = body;
  const res = await client.post('/api/backups', configId ? { ...rest, config: configId } : rest);
  expect(res.status, await res.clone().text()).toBe(202);
  const { backup } = await res.json();
  return waitForBackup(client, backup.id);
}

/** Runs a shell script in a busybox container with the volume at /volume; returns stdout. */
export async function inVolume(docker: Docker, volume: string, script: string): Promise<string> {
  const result = await runHelperContainer(docker, {
    image: BUSYBOX,
    cmd: ['sh', '-c', script],
    volumes: [{ name: volume, target: '/volume' }],
  });
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout;
}

export async function removeVolume(docker: Docker, name: string): Promise<void> {
  await engineCallTolerating(docker, [404, 409], undefined, () => docker.getVolume(name).remove({ force: true }));
}

/** Flips one byte of a file in place (at `at`, default the middle). */
export function flipByte(file: string, at?: number): void {
  const bytes = fs.readFileSync(file);
  const i = at ?? Math.floor(bytes.length / 2);
  bytes[i] = bytes[i]! ^ 0xff;
  fs.writeFileSync(file, bytes);
}

/**
 * Database images built locally from Debian packages (there is no registry here), tagged and
 * reused (rebuilt when its Dockerfile changes): about 20 s each. Local socket connections are
 * trusted; TCP ones need a password.
 */
export const POSTGRES_IMAGE = 'openpanel-test/postgres:15';
export const REDIS_IMAGE = 'openpanel-test/redis:7';

const DOCKERFILES: Record<string, string> = {
  [POSTGRES_IMAGE]: `FROM debian:bookworm-slim
RUN mkdir -p /etc/postgresql-common && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf \\
 && apt-get update -qq && apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null && rm -rf /var/lib/apt/lists/* \\
 && mkdir -p /var/lib/postgresql/data /var/run/postgresql && chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql \\
 && su postgres -c '/usr/lib/postgresql/15/bin/initdb --no-sync -D /var/lib/postgresql/data --auth=trust -U postgres >/dev/null' \\
 && echo 'host all all 0.0.0.0/0 scram-sha-256' >> /var/lib/postgresql/data/pg_hba.conf
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PGDATA=/var/lib/postgresql/data
USER postgres
CMD ["postgres", "-c", "listen_addresses=*"]
`,
  [REDIS_IMAGE]: `FROM debian:bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends redis-server >/dev/null && rm -rf /var/lib/apt/lists/* \\
 && mkdir -p /data && chown redis:redis /data
USER redis
WORKDIR /data
CMD ["redis-server", "--bind", "0.0.0.0", "--protected-mode", "no", "--dir", "/data", "--appendonly", "no"]
`,
};

const SHA_LABEL = 'org.openpanel.test-dockerfile-sha';

/** Builds `tag` unless an image built from this exact Dockerfile exists (a changed one rebuilds). */
export async function ensureDatabaseImage(docker: Docker, tag: string): Promise<void> {
  const sha = crypto.createHash('sha256').update(DOCKERFILES[tag]!).digest('hex').slice(0, 16);
  const existing = await engineCallTolerating(docker, [404], null, () => docker.getImage(tag).inspect());
  if (existing?.Config.Labels?.[SHA_LABEL] === sha) return;
  execFileSync('bash', ['scripts/build-base-images.sh', 'debian'], { stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-dbimage-'));
  try {
    fs.writeFileSync(path.join(dir, 'Dockerfile'), DOCKERFILES[tag]!);
    const lines: string[] = [];
    await buildImage(docker, {
      tag,
      context: tarFs.pack(dir),
      labels: { [SHA_LABEL]: sha },
      onLine: (l) => lines.push(l.text),
    }).catch((err: Error) => {
      throw new Error(`building ${tag} failed: ${err.message}\n${lines.slice(-20).join('\n')}`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

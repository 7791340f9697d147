import fs from 'node:fs';
import type { AppContext } from '../context.ts';
import type { AppRow } from '../db/schema/apps.ts';
import { DomainError } from '../errors.ts';
import { engineCallTolerating } from '../engine/errors.ts';
import { runHelperContainer } from '../engine/exec.ts';
import { imageExists, listManagedContainers, startContainer, stopContainer } from '../engine/index.ts';

/**
 * Volumes are read and written by a short-lived helper container (OPENPANEL_BACKUP_HELPER_IMAGE,
 * which needs sh and tar and must already be on the engine): `tar c` streams out of a read-only
 * mount; a restore empties the volume and untars into it while the app is stopped.
 */

async function helperImage(ctx: AppContext): Promise<string> {
  const image = ctx.env.OPENPANEL_BACKUP_HELPER_IMAGE;
  if (!(await imageExists(ctx.docker, image))) {
    throw new DomainError(
      'unavailable',
      `The backup helper image ${image} is not on this Docker engine.`,
      'Nothing is pulled: load it on the host (docker load / docker build), or set OPENPANEL_BACKUP_HELPER_IMAGE to a local image with sh and tar.',
    );
  }
  return image;
}

/** Mounting a missing volume would silently create an empty one, so its absence is an error. */
async function requireVolume(ctx: AppContext, name: string): Promise<void> {
  const found = await engineCallTolerating(ctx.docker, [404], null, () => ctx.docker.getVolume(name).inspect());
  if (!found)
    throw new DomainError(
      'not_found',
      `The volume ${name} does not exist on this Docker engine.`,
      'Deploy the app once so its volume is created.',
    );
}

/** The app's volume to back up: the one named, or its only one. */
export function pickVolume(app: AppRow, name?: string, mountPath?: string): { volume: string; mountPath: string } {
  const only = app.volumes.length === 1 ? app.volumes[0] : undefined;
  const match = name
    ? app.volumes.find((v) => v.name === name)
    : ((mountPath ? app.volumes.find((v) => v.target === mountPath) : undefined) ?? only);
  if (match) return { volume: match.name, mountPath: match.target };
  const known = app.volumes.map((v) => `${v.name} (at ${v.target})`).join(', ') || 'none';
  if (name)
    throw new DomainError('not_found', `App ${app.name} has no volume named ${name}.`, `Its volumes: ${known}.`);
  throw new DomainError('invalid', `Say which volume of ${app.name} to use.`, `Its volumes: ${known}.`);
}

export async function dumpVolume(ctx: AppContext, volume: string, out: NodeJS.WritableStream): Promise<void> {
  const image = await helperImage(ctx);
  await requireVolume(ctx, volume);
  const result = await runHelperContainer(ctx.docker, {
    image,
    cmd: ['tar', 'c', '-C', '/volume', '.'],
    volumes: [{ name: volume, target: '/volume', readOnly: true }],
    stdout: out,
  });
  if (result.exitCode !== 0)
    throw new DomainError(
      'invalid',
      `tar of volume ${volume} failed (exit code ${result.exitCode}): ${result.stderr.trim().slice(-500)}`,
    );
}

/**
 * Replaces the volume's content with the (already verified) tar file. The app's running
 * containers are stopped first and started again afterwards, also when the restore fails.
 */
export async function restoreVolume(
  ctx: AppContext,
  app: AppRow,
  volume: string,
  tarFile: string,
  log: (line: string) => void,
): Promise<void> {
  const image = await helperImage(ctx);
  await requireVolume(ctx, volume);
  const running = (await listManagedContainers(ctx.docker, { app: app.id })).filter((c) => c.running);
  for (const c of running) {
    log(`Stopping ${c.name}`);
    await stopContainer(ctx.docker, c.id);
  }
  try {
    // Globs that match nothing stay literal and rm -f ignores them; then tar reads stdin.
    const script = 'rm -rf /volume/* /volume/.[!.]* /volume/..?* && tar x -C /volume';
    const result = await runHelperContainer(ctx.docker, {
      image,
      cmd: ['sh', '-c', script],
      volumes: [{ name: volume, target: '/volume' }],
      stdin: fs.createReadStream(tarFile),
    });
    if (result.exitCode !== 0)
      throw new DomainError(
        'invalid',
        `Untarring into volume ${volume} failed (exit code ${result.exitCode}): ${result.stderr.trim().slice(-500)}`,
      );
    log(`Restored volume ${volume}`);
  } finally {
    for (const c of running) {
      log(`Starting ${c.name}`);
      await startContainer(ctx.docker, c.id);
    }
  }
}

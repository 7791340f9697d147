import type { AppContext } from '../context.ts';
import type { AppRow } from '../db/schema/apps.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { getAppRow } from '../services/apps.ts';
import { getBackupConfig, readSecrets } from './configs.ts';
import { restoreDatabase, type DatabaseKind } from './databases.ts';
import { describeSubject, getBackup, RunLog, storageOfRun, type BackupRunView } from './run.ts';
import type { RestoreBackupInput } from './schemas.ts';
import { verifyBackup } from './verify.ts';
import { pickVolume, restoreVolume } from './volume.ts';

export interface RestoreResult {
  backup: BackupRunView;
  app: string;
  log: string[];
}

/**
 * Restores a backup into its own app or another one. The backup is fetched and verified in full
 * first (checksum, encryption tags, structure); only then is the app touched. Volumes: the app's
 * containers are stopped, the volume emptied and untarred, the containers started again.
 * Databases: the dump is piped into psql / mysql inside the running container, or Redis's RDB
 * file is replaced across a restart. The panel's own database is restored offline, not here.
 */
export async function restoreBackup(
  ctx: AppContext,
  caller: Caller,
  id: string,
  input: RestoreBackupInput = {},
): Promise<RestoreResult> {
  const run = await getBackup(ctx, id);
  if (run.status !== 'succeeded') {
    throw new DomainError(
      run.status === 'deleted' ? 'gone' : 'invalid',
      `Backup ${id} is ${run.status}, so there is nothing to restore.`,
      'Pick a backup whose status is succeeded.',
    );
  }
  if (run.kind === 'panel') {
    throw new DomainError(
      'invalid',
      'The panel database is restored offline, not by the running panel.',
      'Stop the panel, unpack the .tar.gz into DATA_DIR/db (PGlite) or load the SQL with psql (PostgreSQL), then start it again.',
    );
  }
  if (!input.app && !run.appId)
    throw new DomainError('invalid', `The app backup ${id} came from was deleted.`, 'Name the app to restore into.');
  const app = await getAppRow(ctx, input.app ?? run.appId!);
  const volume = run.kind === 'volume' ? targetVolume(app, run, input.volume) : undefined;
  const config = run.configId ? await getBackupConfig(ctx, run.configId) : null;
  const password = config ? readSecrets(ctx, config).dbPassword : undefined;
  const storage = await storageOfRun(ctx, run);
  const log = new RunLog();
  // Audited either way: a refused (damaged or tampered) backup is worth a record too.
  await audited(
    ctx.db,
    caller,
    {
      action: 'backup.restore',
      target: { type: 'app', id: app.id },
      input: { backup: run.id, kind: run.kind, into: app.name, volume },
    },
    async () => {
      log.add(
        `Verifying backup ${run.id} (${describeSubject(run.kind, run.appName, run.target)}, sha256 ${run.sha256})`,
      );
      const verified = await verifyBackup(ctx, run, storage);
      try {
        log.add('Checksum, encryption and structure are sound');
        if (volume) await restoreVolume(ctx, app, volume, verified.file, log.add);
        else await restoreDatabase(ctx, app, run.kind as DatabaseKind, run.target, password, verified.file, log.add);
      } finally {
        await verified.done();
      }
      log.add(`Restored into ${app.name}`);
    },
  );
  return { backup: run, app: app.name, log: log.lines };
}

/** The volume to overwrite: the one named, else the one mounted where the backed-up one was. */
function targetVolume(app: AppRow, run: BackupRunView, named?: string): string {
  if (named) return pickVolume(app, named).volume;
  if (app.id === run.appId && app.volumes.some((v) => v.name === run.target.volume)) return run.target.volume!;
  return pickVolume(app, undefined, run.target.mountPath).volume;
}

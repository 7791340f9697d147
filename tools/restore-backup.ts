import { z } from 'zod';
import { defineTool, untrusted } from './define.ts';
import { restoreBackup as restoreBackupRun } from '../server/backups/restore.ts';
import { backupView } from '../server/backups/views.ts';
import { appRef } from './lib/refs.ts';
import { Backup } from './lib/schemas.ts';

export const restoreBackup = defineTool({
  name: 'restore_backup',
  description:
    "Restore a backup into an app, overwriting its current data: a volume backup replaces the volume's files (the app is stopped and started again around it); a database backup is loaded into the database running in the app's container. Restore into the app it came from, or into another app (e.g. a copy). The backup is checked in full first (checksum, encryption, completeness) and a damaged one is refused without touching anything. The panel's own database cannot be restored here. This cannot be undone: consider create_backup of the current data first. Requires human approval; returns a pending action until a person approves it.",
  input: z.object({
    backup: z.uuid().describe('Backup id from list_backups'),
    app: appRef.describe('App to restore into: the app the backup came from, or another one'),
    volume: z
      .string()
      .max(200)
      .optional()
      .describe(
        "Volume backups only: which of the target app's volumes to overwrite; default the one mounted at the same path",
      ),
  }),
  risk: 'destructive',
  // Overwrites the app's data; the backup may come from S3; a database dump loaded twice may not land the same.
  hints: { idempotent: false, destructive: true, openWorld: true },
  output: z.object({
    backup: Backup,
    app: z.string().describe('The app restored into'),
    log: z.array(z.string()).describe('What the restore did, line by line (untrusted container output)'),
  }),
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) =>
    `Restore backup ${input.backup} into "${input.app}"${input.volume ? ` (volume ${input.volume})` : ''}, overwriting its data`,
  async execute(input, ctx) {
    const result = await restoreBackupRun(ctx, ctx.caller, input.backup, { app: input.app, volume: input.volume });
    return {
      text: `Restored backup ${input.backup} (${result.backup.kind}, from ${result.backup.startedAt.toISOString()}) into ${result.app}.\nLog:\n${untrusted('restore log', result.log.join('\n'))}`,
      data: { backup: backupView(result.backup), app: result.app, log: result.log },
    };
  },
});

import { z } from 'zod';
import { defineTool } from './define.ts';
import { DomainError } from '../server/errors.ts';
import { deleteBackup as deleteBackupRun, getBackup } from '../server/backups/run.ts';
import { getAppRow } from '../server/services/apps.ts';
import { backupView } from '../server/backups/views.ts';
import { appRef } from './lib/refs.ts';
import { Backup } from './lib/schemas.ts';

export const deleteBackup = defineTool({
  name: 'delete_backup',
  description:
    "Delete one backup's file (locally or in S3) for good; it stays in the history marked deleted. Name the app the backup belongs to (leave app out only for the panel's own backups). Retention deletes old backups by itself; use this for a specific one. Requires human approval; returns a pending action until a person approves it.",
  input: z.object({
    backup: z.uuid().describe('Backup id from list_backups'),
    app: appRef.optional().describe('The app the backup belongs to; required unless it is a panel backup'),
  }),
  risk: 'destructive',
  // The file is gone for good, locally or in S3.
  hints: { idempotent: true, destructive: true, openWorld: true },
  output: z.object({ backup: Backup.describe('Now with status deleted') }),
  target: (input) => (input.app ? { type: 'app', ref: input.app } : undefined),
  summarize: (input) => `Delete backup ${input.backup}${input.app ? ` of "${input.app}"` : ''}`,
  async execute(input, ctx) {
    const run = await getBackup(ctx, input.backup);
    // The app must be named so the approval was bound to it (and per-app policy applied).
    const named = input.app ? (await getAppRow(ctx, input.app)).id : null;
    if (named !== run.appId) {
      throw new DomainError(
        'invalid',
        `Backup ${run.id} belongs to ${run.appName ? `app ${run.appName}` : 'no app'}${input.app ? `, not ${input.app}` : ''}.`,
        run.appName ? `Call delete_backup with app "${run.appName}".` : 'Leave app out.',
      );
    }
    const deleted = await deleteBackupRun(ctx, ctx.caller, run.id);
    return {
      text: `Deleted backup ${run.id}; its file is gone and the history keeps it as deleted.`,
      data: { backup: backupView(deleted) },
    };
  },
});

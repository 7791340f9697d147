import { z } from 'zod';
import { defineTool } from './define.ts';
import { deleteBackupConfig } from '../server/backups/configs.ts';

export const deleteBackupSchedule = defineTool({
  name: 'delete_backup_schedule',
  description:
    'Delete a backup configuration and stop its schedule. Its local backups stay restorable; a configuration with backups in S3 is refused unless deleteBackups is true (they would be unreachable). Requires human approval; returns a pending action until a person approves it.',
  input: z.object({
    config: z.uuid().describe('Configuration id from list_backup_schedules'),
    deleteBackups: z.boolean().optional().describe("Also delete the configuration's backups; default false"),
  }),
  output: z.object({ deletedBackups: z.number().int() }),
  risk: 'destructive',
  hints: { idempotent: false, destructive: true, openWorld: true },
  target: (input) => ({ type: 'backup_config', ref: input.config }),
  summarize: (input) => `Delete backup configuration ${input.config}${input.deleteBackups ? ' and its backups' : ''}`,
  async execute(input, ctx) {
    const result = await deleteBackupConfig(ctx, ctx.caller, input.config, { deleteBackups: input.deleteBackups });
    return {
      text: `Deleted backup configuration ${input.config}${result.deletedBackups ? ` and ${result.deletedBackups} backup(s)` : ''}.`,
      data: result,
    };
  },
});

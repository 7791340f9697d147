import { z } from 'zod';
import { defineTool } from './define.ts';
import { updateBackupConfig } from '../server/backups/configs.ts';
import { UpdateBackupConfigInput } from '../server/backups/schemas.ts';
import { backupConfigLine, backupConfigView } from '../server/backups/views.ts';
import { BackupConfig } from './lib/schemas.ts';

export const updateBackupSchedule = defineTool({
  name: 'update_backup_schedule',
  description:
    "Change a backup configuration's cron schedule (null removes it), retention (keepLast, keepDays; null clears) or encryption. Requires human approval when an agent asks; returns a pending action until a person approves it.",
  input: z
    .object({
      config: z.uuid().describe('Configuration id from list_backup_schedules'),
      ...UpdateBackupConfigInput.shape,
    })
    .refine((p) => [p.schedule, p.keepLast, p.keepDays, p.encrypt].some((v) => v !== undefined), {
      error: 'change at least one of schedule, keepLast, keepDays, encrypt',
    }),
  output: z.object({ config: BackupConfig }),
  risk: 'write',
  hints: { idempotent: true, destructive: false, openWorld: false },
  target: (input) => ({ type: 'backup_config', ref: input.config }),
  summarize: (input) => `Change backup configuration ${input.config}`,
  async execute({ config, ...patch }, ctx) {
    const view = await updateBackupConfig(ctx, ctx.caller, config, patch);
    return { text: `Updated ${backupConfigLine(view)}.`, data: { config: backupConfigView(view) } };
  },
});

import { z } from 'zod';
import { defineTool } from './define.ts';
import { listBackupConfigs } from '../server/backups/configs.ts';
import { backupConfigLine, backupConfigView } from '../server/backups/views.ts';
import { BackupConfig } from './lib/schemas.ts';
import { appRef, plural } from './lib/refs.ts';

export const listBackupSchedules = defineTool({
  name: 'list_backup_schedules',
  description:
    'List backup configurations: what is backed up, where to, the cron schedule (UTC), the next run and retention. Filter by app. Change one with update_backup_schedule, remove one with delete_backup_schedule.',
  input: z.object({ app: appRef.optional().describe("Only this app's configurations; omit for all") }),
  output: z.object({ configs: z.array(BackupConfig) }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  target: (input) => (input.app ? { type: 'app', ref: input.app } : undefined),
  summarize: (input) => (input.app ? `List backup schedules of "${input.app}"` : 'List backup schedules'),
  async execute(input, ctx) {
    const configs = await listBackupConfigs(ctx, { app: input.app });
    const lines = configs.length
      ? [`${plural(configs.length, 'backup configuration')}:`, ...configs.map((c) => `- ${backupConfigLine(c)}`)]
      : ['No backup configurations. schedule_backup makes one.'];
    return { text: lines.join('\n'), data: { configs: configs.map(backupConfigView) } };
  },
});

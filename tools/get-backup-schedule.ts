import { z } from 'zod';
import { defineTool } from './define.ts';
import { configView, getBackupConfig } from '../server/backups/configs.ts';
import { backupConfigLine, backupConfigView } from '../server/backups/views.ts';
import { getAppRow } from '../server/services/apps.ts';
import { BackupConfig } from './lib/schemas.ts';

export const getBackupSchedule = defineTool({
  name: 'get_backup_schedule',
  description:
    'Get one backup configuration by id: what it backs up, where to, its cron schedule (UTC), next run, retention and encryption.',
  input: z.object({ config: z.uuid().describe('Configuration id from list_backup_schedules') }),
  output: z.object({ config: BackupConfig }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  summarize: (input) => `Show backup configuration ${input.config}`,
  async execute(input, ctx) {
    const row = await getBackupConfig(ctx, input.config);
    const view = configView(ctx, row, row.appId ? (await getAppRow(ctx, row.appId)).name : null);
    return { text: backupConfigLine(view), data: { config: backupConfigView(view) } };
  },
});

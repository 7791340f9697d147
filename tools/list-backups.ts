import { z } from 'zod';
import { defineTool, untrusted } from './define.ts';
import { listBackupConfigs } from '../server/backups/configs.ts';
import { listBackups as listBackupRuns } from '../server/backups/run.ts';
import { backupLine, backupView, backupConfigLine, backupConfigView } from '../server/backups/views.ts';
import { appRef, plural } from './lib/refs.ts';
import { Backup, BackupConfig } from './lib/schemas.ts';

export const listBackups = defineTool({
  name: 'list_backups',
  description:
    "List backups, newest first (id, status queued/running/succeeded/failed/deleted, what was backed up, when, size, whether encrypted), and the backup configurations (schedule, retention, next run). Filter by app, or omit app for all, the panel's own included. Use it to follow create_backup and to find the backup id for restore_backup or delete_backup.",
  input: z.object({
    app: appRef.optional().describe("Only this app's backups; omit for all"),
    limit: z.number().int().min(1).max(50).optional().describe('How many backups to return, newest first; default 10'),
  }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({
    backups: z.array(Backup).describe('Newest first'),
    configs: z.array(BackupConfig).describe('Backup configurations (schedules)'),
  }),
  target: (input) => (input.app ? { type: 'app', ref: input.app } : undefined),
  summarize: (input) => (input.app ? `List backups of "${input.app}"` : 'List backups'),
  async execute(input, ctx) {
    const runs = await listBackupRuns(ctx, { app: input.app, limit: input.limit ?? 10 });
    const configs = await listBackupConfigs(ctx, { app: input.app });
    const scope = input.app ? ` of ${input.app}` : '';
    const lines = [
      runs.length
        ? `${plural(runs.length, 'backup')}${scope}, newest first:`
        : `No backups${scope} yet. Make one with create_backup.`,
      ...runs.map((r) => `- ${backupLine(r)}`),
    ];
    const failures = runs.filter((r) => r.status === 'failed' && r.error).map((r) => `${r.id}: ${r.error}`);
    // Errors can quote a container's own output.
    if (failures.length) lines.push('Why the failed ones failed:', untrusted('backup errors', failures.join('\n')));
    lines.push(
      configs.length
        ? `${plural(configs.length, 'backup configuration')}:`
        : 'No backup configurations (schedule_backup makes one).',
      ...configs.map((c) => `- ${backupConfigLine(c)}`),
    );
    return { text: lines.join('\n'), data: { backups: runs.map(backupView), configs: configs.map(backupConfigView) } };
  },
});

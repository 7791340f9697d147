import { z } from 'zod';
import { defineTool } from './define.ts';
import { createBackupConfig } from '../server/backups/configs.ts';
import { CreateBackupConfigInput } from '../server/backups/schemas.ts';
import { backupConfigLine, backupConfigView } from '../server/backups/views.ts';
import { BackupConfig } from './lib/schemas.ts';

/**
 * The full configuration, S3 destinations and database passwords included (stored encrypted,
 * redacted from approvals and audit). schedule_backup is the simpler local-folder form for models.
 */
export const createBackupSchedule = defineTool({
  name: 'create_backup_schedule',
  description:
    'Create a backup configuration: what to back up (an app volume or database, or the panel), where to (the local folder or S3-compatible storage; the destination is checked first), an optional cron schedule in UTC, retention and encryption. Requires human approval when an agent asks; returns a pending action until a person approves it.',
  input: CreateBackupConfigInput,
  output: z.object({ config: BackupConfig }),
  risk: 'write',
  hints: { idempotent: false, destructive: false, openWorld: true },
  target: (input) => (input.app ? { type: 'app', ref: input.app } : undefined),
  summarize: (input) =>
    `Create ${input.kind} backup configuration${input.app ? ` for "${input.app}"` : ''}${input.schedule ? ` on "${input.schedule}"` : ''}`,
  async execute(input, ctx) {
    const view = await createBackupConfig(ctx, ctx.caller, input);
    return { text: `Created ${backupConfigLine(view)}.`, data: { config: backupConfigView(view) } };
  },
});

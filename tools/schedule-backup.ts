import { z } from 'zod';
import { defineTool } from './define.ts';
import { DomainError } from '../server/errors.ts';
import { createBackupConfig, getBackupConfig, updateBackupConfig } from '../server/backups/configs.ts';
import { BACKUP_KINDS, CreateBackupConfigInput, cronProblem, keepDays, keepLast } from '../server/backups/schemas.ts';
import { backupConfigLine, backupConfigView } from '../server/backups/views.ts';
import { getAppRow } from '../server/services/apps.ts';
import { appRef } from './lib/refs.ts';
import { BackupConfig } from './lib/schemas.ts';

const Input = z
  .object({
    app: appRef.optional().describe('App name or id whose data to back up; omit only for kind panel'),
    kind: z.enum(BACKUP_KINDS).optional().describe('New schedule only: volume, postgres, mysql, redis or panel'),
    volume: z
      .string()
      .max(200)
      .optional()
      .describe("New volume schedule only: which of the app's volumes; default its only one"),
    database: z.string().max(100).optional().describe('New postgres/mysql schedule only: database name'),
    user: z.string().max(100).optional().describe('New postgres/mysql schedule only: database user'),
    schedule: z
      .string()
      .min(1)
      .max(100)
      .describe(
        'Cron schedule in UTC, e.g. "0 3 * * *" for 03:00 daily; "off" stops an existing configuration\'s schedule',
      ),
    keepLast: keepLast.optional(),
    keepDays: keepDays.optional(),
    encrypt: z.boolean().optional().describe('Encrypt the backups with a key derived from the panel secret key'),
    config: z
      .uuid()
      .optional()
      .describe('Change this existing configuration (see list_backups) instead of creating one'),
  })
  .superRefine((input, ctx) => {
    const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (input.schedule === 'off') {
      if (!input.config) add('schedule', '"off" applies to an existing configuration: give config');
    } else {
      const problem = cronProblem(input.schedule);
      if (problem)
        add(
          'schedule',
          `"${input.schedule}" is not a valid cron schedule (${problem}); use five fields, e.g. "0 3 * * *"`,
        );
    }
    if (input.config) {
      for (const f of ['kind', 'volume', 'database', 'user'] as const)
        if (input[f] !== undefined) add(f, `${f} cannot change on an existing configuration`);
      return;
    }
    if (!input.kind) return add('kind', 'give kind for a new schedule, or config to change one');
    const parsed = CreateBackupConfigInput.safeParse({
      app: input.app,
      kind: input.kind,
      volume: input.volume,
      database: input.database,
      user: input.user,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as string[] });
  });

export const scheduleBackup = defineTool({
  name: 'schedule_backup',
  description:
    'Back up on a schedule: create a backup configuration (what to back up, a cron schedule in UTC, retention: keepLast newest and/or keepDays days, optional encryption) that writes to the panel\'s local backup folder, or change the schedule and retention of an existing configuration (config; "off" stops it). A backup is kept while any retention rule keeps it, and the newest is always kept. S3 destinations need credentials, which a person adds in the web UI or REST. Requires human approval; returns a pending action until a person approves it.',
  input: Input,
  risk: 'write',
  // A repeat creates a second configuration; its retention deletes older backups on each run.
  hints: { idempotent: false, destructive: true, openWorld: false },
  output: z.object({ config: BackupConfig }),
  target: (input) => (input.app ? { type: 'app', ref: input.app } : undefined),
  summarize: (input) =>
    `${input.config ? `Change backup configuration ${input.config}` : `Schedule ${input.kind} backups of ${input.app ? `"${input.app}"` : 'the panel database'}`}: ${input.schedule === 'off' ? 'no schedule' : `"${input.schedule}"`}${input.keepLast ? `, keep last ${input.keepLast}` : ''}${input.keepDays ? `, keep ${input.keepDays} days` : ''}`,
  async execute(input, ctx) {
    if (input.config) {
      const config = await getBackupConfig(ctx, input.config);
      const named = input.app ? (await getAppRow(ctx, input.app)).id : null;
      if (named !== config.appId)
        throw new DomainError(
          'invalid',
          `Configuration ${config.name} belongs to ${config.appId ? 'another app' : 'no app'}.`,
          config.appId ? 'Name its app as app.' : 'Leave app out.',
        );
      const view = await updateBackupConfig(ctx, ctx.caller, config.id, {
        schedule: input.schedule === 'off' ? null : input.schedule,
        keepLast: input.keepLast,
        keepDays: input.keepDays,
        encrypt: input.encrypt,
      });
      return { text: `Updated ${backupConfigLine(view)}.`, data: { config: backupConfigView(view) } };
    }
    const view = await createBackupConfig(
      ctx,
      ctx.caller,
      CreateBackupConfigInput.parse({
        app: input.app,
        kind: input.kind,
        volume: input.volume,
        database: input.database,
        user: input.user,
        schedule: input.schedule,
        keepLast: input.keepLast,
        keepDays: input.keepDays,
        encrypt: input.encrypt ?? false,
      }),
    );
    return {
      text: `Created ${backupConfigLine(view)}. Run it now with create_backup {"config":"${view.id}"${view.appName ? `,"app":"${view.appName}"` : ''}}.`,
      data: { config: backupConfigView(view) },
    };
  },
});

import { z } from 'zod';
import { defineTool } from './define.ts';
import { DomainError } from '../server/errors.ts';
import { getBackupConfig } from '../server/backups/configs.ts';
import { queueBackup } from '../server/backups/run.ts';
import { BACKUP_KINDS, RunBackupInput } from '../server/backups/schemas.ts';
import { backupView } from '../server/backups/views.ts';
import { appRef } from './lib/refs.ts';
import { Backup } from './lib/schemas.ts';

const Input = z
  .object({
    app: appRef
      .optional()
      .describe("App name or id whose data to back up; omit only for kind panel (the panel's own database)"),
    kind: z
      .enum(BACKUP_KINDS)
      .optional()
      .describe(
        "volume (a named volume), postgres, mysql or redis (a database running in the app's container), or panel. Omit when config is given",
      ),
    volume: z
      .string()
      .max(200)
      .optional()
      .describe("kind volume only: which of the app's volumes; default its only one"),
    database: z
      .string()
      .max(100)
      .optional()
      .describe("postgres/mysql only: database name; default from the container's environment"),
    user: z.string().max(100).optional().describe('postgres/mysql only: database user; default postgres / root'),
    encrypt: z
      .boolean()
      .optional()
      .describe('Encrypt the backup with a key derived from the panel secret key; default false'),
    config: z
      .uuid()
      .optional()
      .describe('Run this backup configuration now (see list_backups) instead of describing what to back up'),
  })
  .superRefine((input, ctx) => {
    const parsed = RunBackupInput.safeParse({
      configId: input.config,
      app: input.app,
      kind: input.kind,
      volume: input.volume,
      database: input.database,
      user: input.user,
      encrypt: input.encrypt,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.addIssue({
          code: 'custom',
          message: issue.message,
          path: issue.path.map((p) => (p === 'configId' ? 'config' : p)) as string[],
        });
  });

export const createBackup = defineTool({
  name: 'create_backup',
  description:
    "Back up now: an app's named volume (a tar of its files), a Postgres, MySQL/MariaDB or Redis database running in the app's container (a dump), or the panel's own database (kind panel, no app); or run an existing backup configuration now (config). The backup gets a sha256 checksum and goes to the local backup folder (or the configuration's destination). Returns at once with the queued backup's id; follow it with list_backups. Requires human approval; returns a pending action until a person approves it.",
  input: Input,
  risk: 'write',
  // Every call makes a new backup; a configuration's retention then deletes older ones, in S3 too.
  hints: { idempotent: false, destructive: true, openWorld: true },
  output: z.object({
    backup: Backup.describe('The queued backup; follow it with list_backups'),
    notice: z.string().optional().describe('Something to tell the user'),
  }),
  target: (input) => (input.app ? { type: 'app', ref: input.app } : undefined),
  summarize: (input) =>
    input.config
      ? `Run backup configuration ${input.config}${input.app ? ` of "${input.app}"` : ''} now`
      : input.kind === 'panel'
        ? 'Back up the panel database'
        : `Back up the ${input.kind === 'volume' ? `volume${input.volume ? ` ${input.volume}` : ''}` : `${input.kind} database${input.database ? ` ${input.database}` : ''}`} of "${input.app}"${input.encrypt ? ' (encrypted)' : ''}`,
  async execute(input, ctx) {
    if (input.config) {
      const config = await getBackupConfig(ctx, input.config);
      // Naming the app keeps approvals and per-app policy bound to what is really backed up.
      if (config.appId && !input.app)
        throw new DomainError(
          'invalid',
          `Configuration ${config.name} belongs to an app.`,
          'Call create_backup again with that app name as app.',
        );
    }
    const { run, notice } = await queueBackup(ctx, ctx.caller, {
      configId: input.config,
      app: input.app,
      kind: input.kind,
      volume: input.volume,
      database: input.database,
      user: input.user,
      encrypt: input.encrypt,
    });
    const lines = [
      `Queued backup ${run.id} of ${run.kind === 'panel' ? 'the panel database' : run.appName} (${run.kind}${run.encrypted ? ', encrypted' : ''}).`,
      'It runs in the background: check list_backups in a few seconds for its status, size and checksum.',
    ];
    if (notice) lines.push(`Note: ${notice}`);
    return { text: lines.join('\n'), data: { backup: backupView(run), ...(notice ? { notice } : {}) } };
  },
});

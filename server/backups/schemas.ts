import { Cron } from 'croner';
import { z } from 'zod';

/** Inputs shared by the REST routes and the tools: one definition of what a backup request is. */

export const BACKUP_KINDS = ['volume', 'postgres', 'mysql', 'redis', 'panel'] as const;

/** The reason croner gives for a bad pattern, or null when it is valid. */
export function cronProblem(pattern: string): string | null {
  try {
    new Cron(pattern, { paused: true }).stop();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

const cronSchedule = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .superRefine((pattern, ctx) => {
    const problem = cronProblem(pattern);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: `"${pattern}" is not a valid cron schedule (${problem}); use five fields (minute hour day month weekday), e.g. "0 3 * * *" for 03:00 every day, or six with seconds first`,
      });
  })
  .describe('Cron schedule in UTC, e.g. "0 3 * * *" (03:00 daily) or "0 */6 * * *"; six fields put seconds first');

export const keepLast = z
  .number()
  .int()
  .min(1)
  .max(1000)
  .describe('Retention: keep at least the newest N backups of this configuration');
export const keepDays = z
  .number()
  .int()
  .min(1)
  .max(3650)
  .describe('Retention: keep backups younger than this many days');

const absolutePath = z
  .string()
  .max(500)
  .refine((p) => p.startsWith('/') && !p.split('/').includes('..'), {
    error: 'expected an absolute folder path without ".."',
  });

export const DestinationInput = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('local'),
    path: absolutePath.optional().describe('Folder on the panel host; default <DATA_DIR>/backups'),
  }),
  z.object({
    type: z.literal('s3'),
    bucket: z.string().min(3).max(63),
    prefix: z.string().max(300).optional(),
    endpoint: z.url().optional().describe('S3-compatible endpoint (MinIO, R2, …); default AWS'),
    region: z.string().max(50).optional(),
    forcePathStyle: z.boolean().optional(),
    accessKeyId: z.string().min(1).max(200),
    secretAccessKey: z.string().min(1).max(500).describe('Stored encrypted; never returned'),
  }),
]);
export type DestinationInput = z.infer<typeof DestinationInput>;

const [localDestination, s3Destination] = DestinationInput.options;
const s3Only = new Set(['bucket', 'prefix', 'endpoint', 'region', 'forcePathStyle', 'accessKeyId', 'secretAccessKey']);

/**
 * The destination as tool input: one flat object with a `type` enum, because a union becomes
 * `oneOf`, which Gemini and Groq reject. The fields are DestinationInput's own, so the rules stay
 * there; the JSON a caller sends is the same either way.
 */
const DestinationFields = z
  .object({
    type: z.enum(['local', 's3']).describe('local: a folder on the panel host; s3: S3-compatible storage'),
    path: localDestination.shape.path.describe('type local only: folder on the panel host; default <DATA_DIR>/backups'),
    bucket: s3Destination.shape.bucket.optional().describe('type s3 only (required): bucket name'),
    prefix: s3Destination.shape.prefix.describe('type s3 only: key prefix inside the bucket'),
    endpoint: s3Destination.shape.endpoint.describe('type s3 only: S3-compatible endpoint (MinIO, R2, …); default AWS'),
    region: s3Destination.shape.region.describe('type s3 only: region, e.g. eu-west-1'),
    forcePathStyle: s3Destination.shape.forcePathStyle.describe('type s3 only: path-style URLs (MinIO)'),
    accessKeyId: s3Destination.shape.accessKeyId.optional().describe('type s3 only (required): access key id'),
    secretAccessKey: s3Destination.shape.secretAccessKey
      .optional()
      .describe('type s3 only (required): secret access key; stored encrypted, never returned'),
  })
  .describe('Where the backups go. Set type, then only the fields marked for that type')
  .superRefine((d, ctx) => {
    for (const [key, value] of Object.entries(d))
      if (value !== undefined && d.type === 'local' && s3Only.has(key))
        ctx.addIssue({ code: 'custom', message: `${key} applies only to an s3 destination`, path: [key] });
    if (d.type === 's3' && d.path !== undefined)
      ctx.addIssue({ code: 'custom', message: 'path applies only to a local destination', path: ['path'] });
    // Each field already has DestinationInput's own check; what the flat object adds is which are required.
    if (d.type === 's3')
      for (const key of ['bucket', 'accessKeyId', 'secretAccessKey'] as const)
        if (d[key] === undefined)
          ctx.addIssue({ code: 'custom', message: `${key} is required for an s3 destination`, path: [key] });
  });

const appRef = z.string().min(1).max(100);
const volumeName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\w.-]+$/, { error: 'expected a Docker volume name' });
const dbName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w$.-]+$/, { error: 'expected a plain database or user name' });

/** What to back up; shared by configurations and one-off runs. */
const subject = {
  app: appRef.optional().describe("App name or id; omit only for kind panel (the panel's own database)"),
  kind: z.enum(BACKUP_KINDS).describe("volume, postgres, mysql, redis (a database in the app's container) or panel"),
  volume: volumeName.optional().describe("kind volume: which of the app's volumes; default its only one"),
  database: dbName
    .optional()
    .describe('postgres/mysql: database name; default from the container (POSTGRES_DB, MYSQL_DATABASE)'),
  user: dbName.optional().describe('postgres/mysql: database user; default postgres / root'),
};

function checkSubject(
  s: { app?: string; kind: string; volume?: string; database?: string; user?: string },
  ctx: z.RefinementCtx,
): void {
  const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
  if (s.kind === 'panel' && s.app !== undefined) add('app', 'a panel backup belongs to no app; leave app out');
  if (s.kind !== 'panel' && s.app === undefined) add('app', `a ${s.kind} backup needs the app`);
  if (s.kind !== 'volume' && s.volume !== undefined) add('volume', 'volume applies only to kind volume');
  if (!['postgres', 'mysql'].includes(s.kind))
    for (const f of ['database', 'user'] as const)
      if (s[f] !== undefined) add(f, `${f} applies only to postgres and mysql`);
}

export const CreateBackupConfigInput = z
  .object({
    name: z.string().min(1).max(100).optional().describe('Default: app-kind'),
    ...subject,
    password: z
      .string()
      .min(1)
      .max(500)
      .optional()
      .describe('Database password, if the container does not trust local connections; stored encrypted'),
    destination: DestinationFields.default({ type: 'local' }),
    schedule: cronSchedule.optional(),
    keepLast: keepLast.optional(),
    keepDays: keepDays.optional(),
    encrypt: z.boolean().default(false).describe('Encrypt artifacts with a key derived from the panel secret key'),
  })
  .superRefine(checkSubject);
export type CreateBackupConfigInput = z.infer<typeof CreateBackupConfigInput>;

export const UpdateBackupConfigInput = z
  .object({
    schedule: cronSchedule.nullable().optional().describe('null removes the schedule'),
    keepLast: keepLast
      .nullable()
      .optional()
      .describe('Retention: keep at least the newest N backups of this configuration; null clears it'),
    keepDays: keepDays
      .nullable()
      .optional()
      .describe('Retention: keep backups younger than this many days; null clears it'),
    encrypt: z.boolean().optional().describe('Encrypt new artifacts with a key derived from the panel secret key'),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    error: 'change at least one of schedule, keepLast, keepDays, encrypt',
  });
export type UpdateBackupConfigInput = z.infer<typeof UpdateBackupConfigInput>;

/** Run now: a configuration's backup, or a one-off to the local folder. */
export const RunBackupInput = z
  .object({
    configId: z.uuid().optional().describe('Run this configuration now'),
    app: subject.app,
    kind: subject.kind.optional(),
    volume: subject.volume,
    database: subject.database,
    user: subject.user,
    encrypt: z.boolean().optional(),
  })
  .superRefine((s, ctx) => {
    if (s.configId) {
      if (s.kind || s.volume || s.database || s.user || s.encrypt !== undefined)
        ctx.addIssue({
          code: 'custom',
          message: 'with configId, the configuration says what to back up',
          path: ['configId'],
        });
      return;
    }
    if (!s.kind) ctx.addIssue({ code: 'custom', message: 'give configId, or kind (and app)', path: ['kind'] });
    else checkSubject({ ...s, kind: s.kind }, ctx);
  });
export type RunBackupInput = z.infer<typeof RunBackupInput>;

export const RestoreBackupInput = z.object({
  app: appRef.optional().describe('App to restore into; default the app the backup came from'),
  volume: volumeName
    .optional()
    .describe("kind volume: the target app's volume to overwrite; default the one mounted at the same path"),
});
export type RestoreBackupInput = z.infer<typeof RestoreBackupInput>;

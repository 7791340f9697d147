import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apps } from './apps.ts';

export type BackupKind = 'volume' | 'postgres' | 'mysql' | 'redis' | 'panel';
export type BackupDestination =
  | { type: 'local'; path?: string }
  | {
      type: 's3';
      bucket: string;
      prefix?: string;
      endpoint?: string;
      region?: string;
      accessKeyId: string;
      forcePathStyle?: boolean;
    };

export type BackupRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'deleted';

/** What to back up, where to, how often and how long to keep it. */
export const backupConfigs = pgTable('backup_configs', {
  id: uuid().primaryKey().defaultRandom(),
  /** Null for the panel's own database. */
  appId: uuid('app_id').references(() => apps.id, { onDelete: 'cascade' }),
  name: text().notNull(),
  kind: text().$type<BackupKind>().notNull(),
  /** Kind-specific: a volume name; or the database name, user and (encrypted) password reference. */
  target: jsonb().$type<Record<string, string>>().notNull().default({}),
  destination: jsonb().$type<BackupDestination>().notNull(),
  /** S3 secret access key or a database password, encrypted; never returned. */
  secretEncrypted: text('secret_encrypted'),
  schedule: text(),
  retentionCount: integer('retention_count'),
  retentionDays: integer('retention_days'),
  encrypt: boolean().notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One backup run, with its checksum, location and log. */
export const backupRuns = pgTable(
  'backup_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    configId: uuid('config_id').references(() => backupConfigs.id, { onDelete: 'set null' }),
    appId: uuid('app_id').references(() => apps.id, { onDelete: 'set null' }),
    kind: text().$type<BackupKind>().notNull(),
    /** What was backed up (volume name and mount path, database and user), so a restore needs no config. */
    target: jsonb().$type<Record<string, string>>().notNull().default({}),
    trigger: text().$type<'manual' | 'schedule'>().notNull().default('manual'),
    status: text().$type<BackupRunStatus>().notNull().default('running'),
    location: text(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: text(),
    encrypted: boolean().notNull().default(false),
    log: text().notNull().default(''),
    error: text(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('backup_runs_config_idx').on(t.configId, t.startedAt)],
);

export type BackupConfig = typeof backupConfigs.$inferSelect;
export type BackupRun = typeof backupRuns.$inferSelect;

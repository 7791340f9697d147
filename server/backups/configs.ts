import crypto from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Cron } from 'croner';
import type { AppContext } from '../context.ts';
import { backupConfigs, backupRuns, type BackupConfig, type BackupDestination } from '../db/schema/backups.ts';
import { apps, type AppRow } from '../db/schema/apps.ts';
import { DomainError } from '../errors.ts';
import { audited, type Caller } from '../audit.ts';
import { getAppRow } from '../services/apps.ts';
import { UUID_RE } from '../services/names.ts';
import { openStorage, type BackupStorage } from './storage.ts';
import { pickVolume } from './volume.ts';
import { DestinationInput, type CreateBackupConfigInput, type UpdateBackupConfigInput } from './schemas.ts';
import { dropSchedule, syncSchedule } from './scheduler.ts';

/** Secrets of one configuration, sealed together in `secret_encrypted`. */
interface ConfigSecrets {
  s3SecretAccessKey?: string;
  dbPassword?: string;
}

const secretContext = (id: string) => `backup-config:${id}`;

export interface BackupConfigView extends Omit<BackupConfig, 'secretEncrypted'> {
  appName: string | null;
  hasPassword: boolean;
  nextRunAt: string | null;
}

export function readSecrets(ctx: AppContext, config: BackupConfig): ConfigSecrets {
  return config.secretEncrypted
    ? (JSON.parse(ctx.secrets.decrypt(config.secretEncrypted, secretContext(config.id))) as ConfigSecrets)
    : {};
}

export function configView(ctx: AppContext, config: BackupConfig, appName: string | null): BackupConfigView {
  const { secretEncrypted: _sealed, ...rest } = config;
  const next = config.schedule ? new Cron(config.schedule, { paused: true, timezone: 'UTC' }).nextRun() : null;
  return {
    ...rest,
    appName,
    hasPassword: !!readSecrets(ctx, config).dbPassword,
    nextRunAt: next?.toISOString() ?? null,
  };
}

/** Where a configuration's artifacts go; one-off runs without a configuration use the local folder. */
export function storageOf(ctx: AppContext, config: BackupConfig | null): BackupStorage {
  if (!config) return openStorage(ctx, { type: 'local' });
  return openStorage(ctx, config.destination, readSecrets(ctx, config).s3SecretAccessKey);
}

/** The target fields a backup of `app` records: the volume with its mount path, or database and user. */
export function subjectTarget(
  app: AppRow | null,
  input: { kind: string; volume?: string; database?: string; user?: string },
): Record<string, string> {
  if (input.kind === 'volume') return pickVolume(app!, input.volume);
  if (input.kind === 'postgres' || input.kind === 'mysql')
    return Object.fromEntries(
      Object.entries({ database: input.database, user: input.user }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
  return {};
}

export async function getBackupConfig(ctx: AppContext, id: string): Promise<BackupConfig> {
  const [row] = UUID_RE.test(id) ? await ctx.db.select().from(backupConfigs).where(eq(backupConfigs.id, id)) : [];
  if (!row)
    throw new DomainError(
      'not_found',
      `No backup configuration with id ${id}.`,
      'List backup configurations to see what exists.',
    );
  return row;
}

export async function listBackupConfigs(ctx: AppContext, filter: { app?: string } = {}): Promise<BackupConfigView[]> {
  const app = filter.app ? await getAppRow(ctx, filter.app) : undefined;
  const rows = await ctx.db
    .select({ config: backupConfigs, appName: apps.name })
    .from(backupConfigs)
    .leftJoin(apps, eq(apps.id, backupConfigs.appId))
    .where(app ? eq(backupConfigs.appId, app.id) : undefined)
    .orderBy(asc(backupConfigs.createdAt));
  return rows.map((r) => configView(ctx, r.config, r.appName));
}

export async function createBackupConfig(
  ctx: AppContext,
  caller: Caller,
  input: CreateBackupConfigInput,
): Promise<BackupConfigView> {
  const app = input.app ? await getAppRow(ctx, input.app) : null;
  const target = subjectTarget(app, input);
  const id = crypto.randomUUID();
  const { destination, secrets } = splitDestination(input.destination);
  if (input.password) secrets.dbPassword = input.password;
  // A wrong bucket or key should fail now, not at 3 am.
  await openStorage(ctx, destination, secrets.s3SecretAccessKey).check();
  const name = input.name ?? [app?.name ?? 'panel', input.kind, target.volume].filter(Boolean).join('-');
  const row = await audited(
    ctx.db,
    caller,
    { action: 'backup.config.create', target: { type: 'backup-config', id }, input: { ...input, destination } },
    async () => {
      const [created] = await ctx.db
        .insert(backupConfigs)
        .values({
          id,
          appId: app?.id ?? null,
          name,
          kind: input.kind,
          target,
          destination,
          secretEncrypted: Object.keys(secrets).length
            ? ctx.secrets.encrypt(JSON.stringify(secrets), secretContext(id))
            : null,
          schedule: input.schedule ?? null,
          retentionCount: input.keepLast ?? null,
          retentionDays: input.keepDays ?? null,
          encrypt: input.encrypt,
        })
        .returning();
      return created!;
    },
  );
  await syncSchedule(ctx, row);
  return configView(ctx, row, app?.name ?? null);
}

function splitDestination(flat: CreateBackupConfigInput['destination']): {
  destination: BackupDestination;
  secrets: ConfigSecrets;
} {
  // Checked already; parsing narrows the flat input to its union member (and drops what does not apply).
  const input = DestinationInput.parse(flat);
  if (input.type === 'local') return { destination: input, secrets: {} };
  const { secretAccessKey, ...destination } = input;
  return { destination, secrets: { s3SecretAccessKey: secretAccessKey } };
}

export async function updateBackupConfig(
  ctx: AppContext,
  caller: Caller,
  id: string,
  patch: UpdateBackupConfigInput,
): Promise<BackupConfigView> {
  const config = await getBackupConfig(ctx, id);
  const row = await audited(
    ctx.db,
    caller,
    { action: 'backup.config.update', target: { type: 'backup-config', id }, input: patch },
    async () => {
      const [updated] = await ctx.db
        .update(backupConfigs)
        .set({
          ...(patch.schedule !== undefined ? { schedule: patch.schedule } : {}),
          ...(patch.keepLast !== undefined ? { retentionCount: patch.keepLast } : {}),
          ...(patch.keepDays !== undefined ? { retentionDays: patch.keepDays } : {}),
          ...(patch.encrypt !== undefined ? { encrypt: patch.encrypt } : {}),
        })
        .where(eq(backupConfigs.id, config.id))
        .returning();
      return updated!;
    },
  );
  await syncSchedule(ctx, row);
  const app = row.appId ? await getAppRow(ctx, row.appId) : null;
  return configView(ctx, row, app?.name ?? null);
}

/**
 * Stops the schedule and removes the configuration. Its backups stay restorable when they are in
 * a local folder; S3 ones would lose their credentials, so those must be deleted with it.
 */
export async function deleteBackupConfig(
  ctx: AppContext,
  caller: Caller,
  id: string,
  opts: { deleteBackups?: boolean } = {},
): Promise<{ deletedBackups: number }> {
  const config = await getBackupConfig(ctx, id);
  const live = await ctx.db
    .select()
    .from(backupRuns)
    .where(and(eq(backupRuns.configId, id), inArray(backupRuns.status, ['succeeded'])));
  if (config.destination.type === 's3' && live.length && !opts.deleteBackups) {
    throw new DomainError(
      'conflict',
      `Configuration ${config.name} still has ${live.length} backup(s) in S3, which the panel could no longer reach without it.`,
      'Delete it with deleteBackups=true, or delete those backups first.',
    );
  }
  return audited(
    ctx.db,
    caller,
    { action: 'backup.config.delete', target: { type: 'backup-config', id }, input: { name: config.name, ...opts } },
    async () => {
      let deletedBackups = 0;
      if (opts.deleteBackups) {
        const storage = storageOf(ctx, config);
        for (const run of live) {
          if (run.location) await storage.remove(run.location);
          await ctx.db.update(backupRuns).set({ status: 'deleted' }).where(eq(backupRuns.id, run.id));
          deletedBackups++;
        }
      }
      await dropSchedule(ctx, id);
      await ctx.db.delete(backupConfigs).where(eq(backupConfigs.id, id));
      return { deletedBackups };
    },
  );
}

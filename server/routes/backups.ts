import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { IdParam, commonErrors, conflict, json, jsonBody, notFound, security } from '../http/schemas.ts';
import { callerOf, requireHuman, requireScope } from '../http/auth.ts';
import {
  CreateBackupConfigInput,
  RestoreBackupInput,
  RunBackupInput,
  UpdateBackupConfigInput,
} from '../backups/schemas.ts';
import {
  createBackupConfig,
  deleteBackupConfig,
  getBackupConfig,
  listBackupConfigs,
  updateBackupConfig,
  configView,
} from '../backups/configs.ts';
import { deleteBackup, getBackup, listBackups, queueBackup, type BackupRunView } from '../backups/run.ts';
import { restoreBackup } from '../backups/restore.ts';
import { getAppRow } from '../services/apps.ts';

const BackupSchema = z
  .object({
    id: z.uuid(),
    configId: z.uuid().nullable(),
    appId: z.uuid().nullable(),
    appName: z.string().nullable(),
    kind: z.string(),
    target: z.record(z.string(), z.string()),
    trigger: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed', 'deleted']),
    location: z.string().nullable(),
    sizeBytes: z.number().nullable(),
    sha256: z.string().nullable(),
    encrypted: z.boolean(),
    error: z.string().nullable(),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
  })
  .openapi('Backup');
const BackupWithLog = BackupSchema.extend({ log: z.string() }).openapi('BackupWithLog');

const BackupConfigSchema = z
  .object({
    id: z.uuid(),
    appId: z.uuid().nullable(),
    appName: z.string().nullable(),
    name: z.string(),
    kind: z.string(),
    target: z.record(z.string(), z.string()),
    destination: z.record(z.string(), z.unknown()).describe('Where backups go; an S3 secret key is never returned'),
    hasPassword: z.boolean(),
    schedule: z.string().nullable(),
    nextRunAt: z.string().nullable(),
    retentionCount: z.number().nullable(),
    retentionDays: z.number().nullable(),
    encrypt: z.boolean(),
    createdAt: z.date(),
  })
  .openapi('BackupConfig');

const listView = ({ log: _log, ...rest }: BackupRunView) => rest;
const writer = [requireScope('write'), requireHuman()];
const admin = [requireScope('admin'), requireHuman()];

// Configuration routes come first: /api/backups/configs must not be read as a backup id.
export const backupRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/backups/configs',
      tags: ['backups'],
      summary: 'Backup configurations (what, where, schedule, retention)',
      security,
      middleware: [requireScope('read')],
      request: { query: z.object({ app: z.string().max(100).optional() }) },
      responses: {
        200: json(z.object({ configs: z.array(BackupConfigSchema) }), 'Configurations'),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => c.json({ configs: await listBackupConfigs(c.get('ctx'), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/backups/configs',
      tags: ['backups'],
      summary: 'Create a backup configuration; the destination is checked first',
      security,
      middleware: writer,
      request: jsonBody(CreateBackupConfigInput),
      responses: { 201: json(BackupConfigSchema, 'Created'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await createBackupConfig(c.get('ctx'), callerOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/api/backups/configs/{id}',
      tags: ['backups'],
      summary: 'Change a configuration’s schedule, retention or encryption',
      security,
      middleware: writer,
      request: { params: IdParam, ...jsonBody(UpdateBackupConfigInput) },
      responses: { 200: json(BackupConfigSchema, 'Updated'), ...commonErrors, ...notFound },
    }),
    async (c) =>
      c.json(await updateBackupConfig(c.get('ctx'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/backups/configs/{id}',
      tags: ['backups'],
      summary: 'Get a backup configuration',
      security,
      middleware: [requireScope('read')],
      request: { params: IdParam },
      responses: { 200: json(BackupConfigSchema, 'The configuration'), ...commonErrors, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const config = await getBackupConfig(ctx, c.req.valid('param').id);
      return c.json(configView(ctx, config, config.appId ? (await getAppRow(ctx, config.appId)).name : null), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/backups/configs/{id}',
      tags: ['backups'],
      summary: 'Delete a configuration and its schedule (S3 backups need deleteBackups=true)',
      security,
      middleware: admin,
      request: {
        params: IdParam,
        query: z.object({ deleteBackups: z.enum(['true', 'false']).optional().describe('Also delete its backups') }),
      },
      responses: {
        200: json(z.object({ deletedBackups: z.number() }), 'Deleted'),
        ...commonErrors,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) =>
      c.json(
        await deleteBackupConfig(c.get('ctx'), callerOf(c), c.req.valid('param').id, {
          deleteBackups: c.req.valid('query').deleteBackups === 'true',
        }),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/backups',
      tags: ['backups'],
      summary: 'Back up now: a configuration (configId), or a one-off to the local folder',
      security,
      middleware: writer,
      request: jsonBody(RunBackupInput),
      responses: {
        202: json(z.object({ backup: BackupSchema, notice: z.string().optional() }), 'Queued'),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => {
      const { run, notice } = await queueBackup(c.get('ctx'), callerOf(c), c.req.valid('json'));
      return c.json({ backup: listView(run), ...(notice ? { notice } : {}) }, 202);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/backups',
      tags: ['backups'],
      summary: 'Backups, newest first',
      security,
      middleware: [requireScope('read')],
      request: {
        query: z.object({
          app: z.string().max(100).optional(),
          configId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: json(z.object({ backups: z.array(BackupSchema) }), 'Backups'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json({ backups: (await listBackups(c.get('ctx'), c.req.valid('query'))).map(listView) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/backups/{id}',
      tags: ['backups'],
      summary: 'A backup with its log',
      security,
      middleware: [requireScope('read')],
      request: { params: IdParam },
      responses: { 200: json(BackupWithLog, 'The backup'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await getBackup(c.get('ctx'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/backups/{id}/restore',
      tags: ['backups'],
      summary: 'Restore a backup into its app or another one (verified first; overwrites data)',
      security,
      middleware: admin,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: RestoreBackupInput } }, required: false },
      },
      responses: {
        200: json(z.object({ backup: BackupSchema, app: z.string(), log: z.array(z.string()) }), 'Restored'),
        ...commonErrors,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) => {
      const body = (c.req.valid('json') as RestoreBackupInput | undefined) ?? {};
      const result = await restoreBackup(c.get('ctx'), callerOf(c), c.req.valid('param').id, body);
      return c.json({ ...result, backup: listView(result.backup) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/backups/{id}',
      tags: ['backups'],
      summary: 'Delete a backup’s file; it stays in the history as deleted',
      security,
      middleware: admin,
      request: { params: IdParam },
      responses: { 200: json(BackupSchema, 'Deleted'), ...commonErrors, ...notFound, ...conflict },
    }),
    async (c) => c.json(listView(await deleteBackup(c.get('ctx'), callerOf(c), c.req.valid('param').id)), 200),
  );

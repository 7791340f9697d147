import {
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { apps, type AppHealthCheck, type AppVolume, type RestartPolicy } from './apps.ts';

/** What the container ran with; a deployment is a record of what ran, so a rollback restores it. */
export interface DeploymentSettings {
  port: number | null;
  command: string[] | null;
  healthCheck: AppHealthCheck;
  healthTimeoutSeconds: number;
  restartPolicy: RestartPolicy;
  cpus: number | null;
  memoryMb: number | null;
  volumes: AppVolume[];
}

export const deploymentStatusEnum = pgEnum('deployment_status', [
  'queued',
  'building',
  'starting',
  'running',
  'failed',
  'cancelled',
  'superseded',
  'rolled_back',
]);

export const deployments = pgTable(
  'deployments',
  {
    id: uuid().primaryKey().defaultRandom(),
    appId: uuid('app_id')
      .notNull()
      .references(() => apps.id, { onDelete: 'cascade' }),
    /** 1, 2, 3… per app, for people ("deployment #4"). */
    number: integer().notNull(),
    status: deploymentStatusEnum().notNull().default('queued'),
    trigger: text().$type<'deploy' | 'rollback'>().notNull().default('deploy'),
    rollbackOf: uuid('rollback_of'),
    settings: jsonb().$type<DeploymentSettings>().notNull(),
    commit: text(),
    imageTag: text('image_tag'),
    imageId: text('image_id'),
    imagePruned: boolean('image_pruned').notNull().default(false),
    containerId: text('container_id'),
    containerName: text('container_name'),
    error: text(),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    attempts: integer().notNull().default(0),
    /** Refreshed while a worker runs it; a stale heartbeat means the worker died. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('deployments_app_number_idx').on(t.appId, t.number),
    index('deployments_status_idx').on(t.status),
  ],
);

export type Deployment = typeof deployments.$inferSelect;
export type DeploymentStatus = (typeof deploymentStatusEnum.enumValues)[number];

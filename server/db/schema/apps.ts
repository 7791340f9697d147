import { integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects } from './projects.ts';

export type AppSource =
  | { type: 'image'; image: string }
  | { type: 'git'; url: string; ref?: string; subdir?: string; dockerfilePath?: string; generateDockerfile?: boolean }
  | { type: 'tarball'; uploadId: string; subdir?: string; dockerfilePath?: string; generateDockerfile?: boolean };

export type AppHealthCheck = { type: 'http'; path: string } | { type: 'tcp' } | { type: 'none' };
export type AppVolume = { name: string; target: string; readOnly?: boolean };
export type RestartPolicy = 'no' | 'always' | 'unless-stopped' | 'on-failure';

export const apps = pgTable('apps', {
  id: uuid().primaryKey().defaultRandom(),
  projectId: uuid('project_id')
    .notNull()
    .references(() => projects.id, { onDelete: 'restrict' }),
  /** Unique across the panel, so "deploy api" in chat is never ambiguous. */
  name: text().notNull().unique(),
  source: jsonb().$type<AppSource>().notNull(),
  /** A git deploy key (private key), encrypted with the SecretBox; never returned. */
  deployKeyEncrypted: text('deploy_key_encrypted'),
  buildArgs: jsonb('build_args').$type<Record<string, string>>().notNull().default({}),
  port: integer(),
  command: jsonb().$type<string[]>(),
  healthCheck: jsonb('health_check').$type<AppHealthCheck>().notNull().default({ type: 'none' }),
  healthTimeoutSeconds: integer('health_timeout_seconds').notNull().default(60),
  restartPolicy: text('restart_policy').$type<RestartPolicy>().notNull().default('unless-stopped'),
  cpus: real(),
  memoryMb: integer('memory_mb'),
  volumes: jsonb().$type<AppVolume[]>().notNull().default([]),
  currentDeploymentId: uuid('current_deployment_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type AppRow = typeof apps.$inferSelect;

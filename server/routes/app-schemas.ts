import { z } from '@hono/zod-openapi';

export const AppRefParam = z.object({
  app: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'app', in: 'path' }, description: 'App name or id' }),
});

export const AppSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    projectId: z.uuid(),
    projectName: z.string(),
    source: z.record(z.string(), z.unknown()),
    hasDeployKey: z.boolean(),
    buildArgs: z.record(z.string(), z.string()),
    port: z.number().nullable(),
    command: z.array(z.string()).nullable(),
    healthCheck: z.record(z.string(), z.unknown()),
    healthTimeoutSeconds: z.number(),
    restartPolicy: z.string(),
    cpus: z.number().nullable(),
    memoryMb: z.number().nullable(),
    volumes: z.array(z.record(z.string(), z.unknown())),
    currentDeploymentId: z.string().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .openapi('App');

export const DeploymentSchema = z
  .object({
    id: z.uuid(),
    appId: z.uuid(),
    number: z.number(),
    status: z.enum(['queued', 'building', 'starting', 'running', 'failed', 'cancelled', 'superseded', 'rolled_back']),
    trigger: z.string(),
    rollbackOf: z.string().nullable(),
    commit: z.string().nullable(),
    imageTag: z.string().nullable(),
    imagePruned: z.boolean(),
    containerName: z.string().nullable(),
    error: z.string().nullable(),
    cancelRequested: z.boolean(),
    attempts: z.number(),
    createdBy: z.string(),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
  })
  .openapi('Deployment');

export const ContainerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    image: z.string(),
    state: z.string(),
    running: z.boolean(),
    exitCode: z.number().nullable(),
    startedAt: z.string().nullable(),
  })
  .openapi('Container');

export const LogLineSchema = z
  .object({ stream: z.enum(['stdout', 'stderr']), text: z.string(), time: z.string() })
  .openapi('LogLine');

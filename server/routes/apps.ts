import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, conflict, json, jsonBody, notFound, security } from '../http/schemas.ts';
import { callerOf, requireHuman, requireScope } from '../http/auth.ts';
import { CreateAppInput, UpdateAppInput } from '../services/app-schemas.ts';
import { createApp, deleteApp, getApp, getAppRow, getAppRuntime, listApps, updateApp } from '../services/apps.ts';
import { deployApp, listDeployments, rollbackApp } from '../services/deployments.ts';
import { AppRefParam, AppSchema, ContainerSchema, DeploymentSchema } from './app-schemas.ts';

const Queued = z.object({ deployment: DeploymentSchema, notice: z.string().optional() }).openapi('QueuedDeployment');
const writer = [requireScope('write'), requireHuman()];

export const appRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps',
      tags: ['apps'],
      summary: 'List apps',
      security,
      middleware: [requireScope('read')],
      request: { query: z.object({ project: z.string().max(100).optional() }) },
      responses: { 200: json(z.object({ apps: z.array(AppSchema) }), 'Apps'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json({ apps: await listApps(c.get('ctx'), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/apps',
      tags: ['apps'],
      summary: 'Create an app',
      security,
      middleware: writer,
      request: jsonBody(CreateAppInput),
      responses: { 201: json(AppSchema, 'Created'), ...commonErrors, ...conflict },
    }),
    async (c) => c.json(await createApp(c.get('ctx'), callerOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps/{app}',
      tags: ['apps'],
      summary: 'Get an app with its live state from the engine',
      security,
      middleware: [requireScope('read')],
      request: { params: AppRefParam },
      responses: {
        200: json(
          AppSchema.extend({
            runtime: z.object({
              state: z.string(),
              container: ContainerSchema.nullable(),
              detail: z.string().optional(),
            }),
          }),
          'The app',
        ),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const view = await getApp(ctx, c.req.valid('param').app);
      const runtime = await getAppRuntime(ctx, await getAppRow(ctx, view.id));
      return c.json({ ...view, runtime }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/api/apps/{app}',
      tags: ['apps'],
      summary: 'Change an app’s settings (applies on the next deployment)',
      security,
      middleware: writer,
      request: { params: AppRefParam, ...jsonBody(UpdateAppInput) },
      responses: { 200: json(AppSchema, 'Updated'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await updateApp(c.get('ctx'), callerOf(c), c.req.valid('param').app, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/apps/{app}',
      tags: ['apps'],
      summary: 'Delete an app with its containers and images',
      security,
      middleware: [requireScope('admin'), requireHuman()],
      request: { params: AppRefParam },
      responses: {
        200: json(z.object({ removedContainers: z.number(), removedImages: z.number() }), 'Deleted'),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => c.json(await deleteApp(c.get('ctx'), callerOf(c), c.req.valid('param').app), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/apps/{app}/deploy',
      tags: ['deployments'],
      summary: 'Queue a deployment',
      security,
      middleware: writer,
      request: { params: AppRefParam },
      responses: { 202: json(Queued, 'Queued'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await deployApp(c.get('ctx'), callerOf(c), c.req.valid('param').app), 202),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/apps/{app}/rollback',
      tags: ['deployments'],
      summary: 'Roll back to an earlier successful deployment (default: the previous one)',
      security,
      middleware: writer,
      request: {
        params: AppRefParam,
        body: {
          content: { 'application/json': { schema: z.object({ deploymentId: z.uuid().optional() }) } },
          required: false,
        },
      },
      responses: { 202: json(Queued, 'Queued'), ...commonErrors, ...notFound },
    }),
    async (c) => {
      const body = c.req.valid('json') as { deploymentId?: string } | undefined;
      return c.json(await rollbackApp(c.get('ctx'), callerOf(c), c.req.valid('param').app, body?.deploymentId), 202);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps/{app}/deployments',
      tags: ['deployments'],
      summary: 'An app’s deployments, newest first',
      security,
      middleware: [requireScope('read')],
      request: { params: AppRefParam, query: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) },
      responses: {
        200: json(z.object({ deployments: z.array(DeploymentSchema) }), 'Deployments'),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) =>
      c.json({ deployments: await listDeployments(c.get('ctx'), c.req.valid('param').app, c.req.valid('query')) }, 200),
  );

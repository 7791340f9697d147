import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, json, notFound, security } from '../http/schemas.ts';
import { callerOf, requireHuman, requireScope } from '../http/auth.ts';
import { sse, sseResponse } from '../http/sse.ts';
import {
  followAppLogs,
  followAppStats,
  getAppLogs,
  getAppStats,
  restartApp,
  startApp,
  stopApp,
} from '../services/runtime.ts';
import { AppRefParam, ContainerSchema, LogLineSchema } from './app-schemas.ts';

const LogQuery = z.object({
  tail: z.coerce.number().int().min(0).max(10_000).default(100).describe('Lines from the end to start with'),
  since: z.coerce.date({ error: 'expected an ISO date' }).optional().describe('Only lines after this time'),
  filter: z.string().max(200).optional().describe('Case-insensitive text the line must contain'),
  stream: z.enum(['stdout', 'stderr']).optional().describe('Only this stream'),
});

const StatsSchema = z
  .object({
    cpuPercent: z.number(),
    memoryBytes: z.number(),
    memoryLimitBytes: z.number(),
    memoryPercent: z.number(),
    networkRxBytes: z.number(),
    networkTxBytes: z.number(),
    at: z.string(),
  })
  .openapi('ContainerStats');

function lifecycleRoute(action: 'start' | 'stop' | 'restart') {
  return createRoute({
    method: 'post',
    path: `/api/apps/{app}/${action}`,
    tags: ['runtime'],
    summary: `${action[0]!.toUpperCase()}${action.slice(1)} the app’s live container`,
    security,
    middleware: [requireScope('write'), requireHuman()],
    request: { params: AppRefParam },
    responses: {
      200: json(z.object({ container: ContainerSchema }), 'The container after the change'),
      ...commonErrors,
      ...notFound,
    },
  });
}

export const runtimeRoutes = createRouter()
  .openapi(lifecycleRoute('start'), async (c) =>
    c.json({ container: await startApp(c.get('ctx'), callerOf(c), c.req.valid('param').app) }, 200),
  )
  .openapi(lifecycleRoute('stop'), async (c) =>
    c.json({ container: await stopApp(c.get('ctx'), callerOf(c), c.req.valid('param').app) }, 200),
  )
  .openapi(lifecycleRoute('restart'), async (c) =>
    c.json({ container: await restartApp(c.get('ctx'), callerOf(c), c.req.valid('param').app) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps/{app}/logs',
      tags: ['runtime'],
      summary: 'Runtime logs of the live container (stdout and stderr kept apart)',
      security,
      middleware: [requireScope('read')],
      request: { params: AppRefParam, query: LogQuery },
      responses: { 200: json(z.object({ lines: z.array(LogLineSchema) }), 'Log lines'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json({ lines: await getAppLogs(c.get('ctx'), c.req.valid('param').app, c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps/{app}/logs/stream',
      tags: ['runtime'],
      summary: 'Follow runtime logs as SSE; the event name is the stream (`stdout` or `stderr`)',
      security,
      middleware: [requireScope('read')],
      request: { params: AppRefParam, query: LogQuery },
      responses: { 200: sseResponse, ...commonErrors, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { app } = c.req.valid('param');
      const query = c.req.valid('query');
      // Resolve before streaming so a bad app name is a normal 404, not an error event.
      const controller = new AbortController();
      const lines = await followAppLogs(ctx, app, query, controller.signal);
      return sse(c, async (send, signal) => {
        signal.addEventListener('abort', () => controller.abort());
        for await (const line of lines) await send(line.stream, { text: line.text, time: line.time });
        await send('end', { reason: 'the container stopped' });
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps/{app}/stats',
      tags: ['runtime'],
      summary: 'Live CPU, memory and network of the app’s container',
      security,
      middleware: [requireScope('read')],
      request: { params: AppRefParam },
      responses: { 200: json(StatsSchema, 'Stats'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await getAppStats(c.get('ctx'), c.req.valid('param').app), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps/{app}/stats/stream',
      tags: ['runtime'],
      summary: 'Stats as SSE, about once a second',
      security,
      middleware: [requireScope('read')],
      request: { params: AppRefParam },
      responses: { 200: sseResponse, ...commonErrors, ...notFound },
    }),
    async (c) => {
      const controller = new AbortController();
      const stats = await followAppStats(c.get('ctx'), c.req.valid('param').app, controller.signal);
      return sse(c, async (send, signal) => {
        signal.addEventListener('abort', () => controller.abort());
        for await (const s of stats) await send('stats', s);
      }) as never;
    },
  );

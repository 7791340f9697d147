import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { IdParam, commonErrors, conflict, json, notFound, security } from '../http/schemas.ts';
import { callerOf, requireHuman, requireScope } from '../http/auth.ts';
import { sse, sseResponse } from '../http/sse.ts';
import { cancelDeployment, getDeployment } from '../services/deployments.ts';
import { followDeploymentLogs } from '../deploy/follow.ts';
import { readDeploymentLogs } from '../deploy/log-writer.ts';
import { DeploymentSchema } from './app-schemas.ts';

const BuildLogLine = z
  .object({ seq: z.number(), stream: z.enum(['stdout', 'stderr', 'system']), text: z.string(), at: z.date() })
  .openapi('BuildLogLine');

export const deploymentRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/deployments/{id}',
      tags: ['deployments'],
      summary: 'Get a deployment',
      security,
      middleware: [requireScope('read')],
      request: { params: IdParam },
      responses: { 200: json(DeploymentSchema, 'The deployment'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await getDeployment(c.get('ctx'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/deployments/{id}/cancel',
      tags: ['deployments'],
      summary: 'Cancel a queued, building or starting deployment',
      security,
      middleware: [requireScope('write'), requireHuman()],
      request: { params: IdParam },
      responses: {
        200: json(DeploymentSchema, 'Cancelled (or cancelling)'),
        ...commonErrors,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) => c.json(await cancelDeployment(c.get('ctx'), callerOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/deployments/{id}/logs',
      tags: ['deployments'],
      summary: 'Build and deploy log lines',
      security,
      middleware: [requireScope('read')],
      request: {
        params: IdParam,
        query: z.object({ after: z.coerce.number().int().min(0).default(0).describe('Only lines after this seq') }),
      },
      responses: {
        200: json(z.object({ lines: z.array(BuildLogLine) }), 'Log lines in order'),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await getDeployment(c.get('ctx'), id);
      const rows = await readDeploymentLogs(c.get('ctx'), id, { afterSeq: c.req.valid('query').after });
      return c.json({ lines: rows.map(({ seq, stream, text, at }) => ({ seq, stream, text, at })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/deployments/{id}/logs/stream',
      tags: ['deployments'],
      summary:
        'Build and deploy logs as SSE: `log` events (with seq as the event id), `status` events, and `end` when it finishes',
      security,
      middleware: [requireScope('read')],
      request: { params: IdParam, query: z.object({ after: z.coerce.number().int().min(0).default(0) }) },
      responses: { 200: sseResponse, ...commonErrors, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { id } = c.req.valid('param');
      await getDeployment(ctx, id);
      const lastEventId = Number(c.req.header('last-event-id') ?? NaN);
      const after = Number.isFinite(lastEventId) ? lastEventId : c.req.valid('query').after;
      return sse(c, async (send, signal) => {
        for await (const event of followDeploymentLogs(ctx, id, { afterSeq: after, signal })) {
          if (event.type === 'log')
            await send(
              'log',
              { seq: event.line.seq, stream: event.line.stream, text: event.line.text, at: event.line.at },
              String(event.line.seq),
            );
          else await send(event.type, { status: event.status });
        }
      }) as never;
    },
  );

import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { json } from '../http/schemas.ts';
import { checkReadiness } from '../services/readiness.ts';

const CheckSchema = z.object({ status: z.enum(['ok', 'error', 'not_configured']), detail: z.string().optional() });
const ReadySchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({ database: CheckSchema, redis: CheckSchema, docker: CheckSchema }),
  })
  .openapi('Readiness');

export const healthRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['system'],
      summary: 'Liveness',
      responses: { 200: json(z.object({ status: z.literal('ok') }), 'The process is up') },
    }),
    (c) => c.json({ status: 'ok' as const }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/ready',
      tags: ['system'],
      summary: 'Readiness: the database, and Redis and the Docker engine when configured',
      responses: { 200: json(ReadySchema, 'Ready to serve'), 503: json(ReadySchema, 'A required dependency is down') },
    }),
    async (c) => {
      const report = await checkReadiness(c.get('ctx'));
      return c.json(report, report.status === 'ready' ? 200 : 503);
    },
  );

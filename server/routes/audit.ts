import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, json, security } from '../http/schemas.ts';
import { requireScope } from '../http/auth.ts';
import { listAudit } from '../audit.ts';

const AuditRowSchema = z
  .object({
    id: z.number(),
    at: z.date(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    tokenId: z.string().nullable(),
    action: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    input: z.unknown(),
    result: z.string(),
    error: z.string().nullable(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditRow');

const AuditQuery = z.object({
  actorId: z.uuid({ error: 'expected a user id (UUID)' }).optional(),
  action: z.string().max(100).optional().describe('An exact action, or a prefix ending in "." such as "user."'),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(200).optional(),
  result: z.enum(['ok', 'error', 'denied']).optional(),
  since: z.coerce.date({ error: 'expected an ISO date' }).optional(),
  until: z.coerce.date({ error: 'expected an ISO date' }).optional(),
  before: z.coerce.number().int().positive().optional().describe('Page backwards: rows with an id below this'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const auditRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/api/audit',
    tags: ['audit'],
    summary: 'The audit log, newest first, with filters',
    security,
    middleware: [requireScope('admin')],
    request: { query: AuditQuery },
    responses: {
      200: json(z.object({ entries: z.array(AuditRowSchema), nextBefore: z.number().nullable() }), 'Audit entries'),
      ...commonErrors,
    },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const entries = await listAudit(c.get('ctx').db, q);
    const last = entries.at(-1);
    return c.json({ entries, nextBefore: entries.length === q.limit && last ? last.id : null }, 200);
  },
);

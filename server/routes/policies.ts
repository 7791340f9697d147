import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { IdParam, commonErrors, json, jsonBody, notFound, security } from '../http/schemas.ts';
import type { MiddlewareHandler } from 'hono';
import { callerOf, currentActor, requireScope } from '../http/auth.ts';
import type { AppEnv } from '../http/types.ts';
import { ApiError } from '../errors.ts';
import { createPolicy, deletePolicy, listPolicies } from '../approvals/policy.ts';
import { getAppRow } from '../services/apps.ts';

const PolicySchema = z
  .object({
    id: z.uuid(),
    tool: z.string().nullable(),
    risk: z.string().nullable(),
    appId: z.string().nullable(),
    requesterKind: z.string().nullable(),
    decision: z.enum(['allow', 'ask', 'deny']),
    note: z.string(),
    createdBy: z.string(),
    createdAt: z.date(),
  })
  .openapi('ApprovalPolicy');

const NewPolicy = z.object({
  tool: z
    .string()
    .regex(/^[a-z][a-z_]+$/)
    .optional()
    .describe('Tool name; omit for any tool'),
  risk: z.enum(['read', 'write', 'destructive']).optional().describe('Risk level; omit for any'),
  app: z.string().max(100).optional().describe('App name or id; omit for every app'),
  requesterKind: z.enum(['agent', 'human']).optional().describe('Who asks; omit for both'),
  decision: z
    .enum(['allow', 'ask', 'deny'])
    .describe('allow = run without asking, ask = a person approves, deny = never'),
  note: z.string().max(500).optional(),
});

/** As documented: the approval policy is the owner's to change (an admin could otherwise waive approvals). */
const requireOwner: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = currentActor(c);
  if (actor.type === 'user' && actor.role !== 'owner')
    throw new ApiError('auth:forbidden', 403, 'Only an owner can change the approval policy; ask an owner.');
  return next();
};

const ownerOnly = [requireScope('admin'), requireOwner];

export const policyRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/policies',
      tags: ['approvals'],
      summary: 'Approval policy rules',
      security,
      middleware: [requireScope('read')],
      responses: { 200: json(z.object({ policies: z.array(PolicySchema) }), 'Rules'), ...commonErrors },
    }),
    async (c) => c.json({ policies: await listPolicies(c.get('ctx')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/policies',
      tags: ['approvals'],
      summary: 'Add a rule, e.g. allow restart_app for one app without asking',
      security,
      middleware: ownerOnly,
      request: jsonBody(NewPolicy),
      responses: { 201: json(PolicySchema, 'Created'), ...commonErrors, ...notFound },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const { app, ...rest } = c.req.valid('json');
      const appId = app ? (await getAppRow(ctx, app)).id : null;
      return c.json(
        await createPolicy(ctx, callerOf(c), {
          tool: rest.tool ?? null,
          risk: rest.risk ?? null,
          appId,
          requesterKind: rest.requesterKind ?? null,
          decision: rest.decision,
          note: rest.note,
        }),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/policies/{id}',
      tags: ['approvals'],
      summary: 'Remove a rule',
      security,
      middleware: ownerOnly,
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...commonErrors, ...notFound },
    }),
    async (c) => {
      await deletePolicy(c.get('ctx'), callerOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

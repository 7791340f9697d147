import { createRoute, z } from '@hono/zod-openapi';
import { and, gt } from 'drizzle-orm';
import { once } from 'node:events';
import { createRouter } from '../http/router.ts';
import { IdParam, commonErrors, conflict, json, notFound, security } from '../http/schemas.ts';
import { callerOf, requireScope } from '../http/auth.ts';
import { sse, sseResponse } from '../http/sse.ts';
import { approveAction, rejectAction } from '../approvals/decide.ts';
import { ACTION_CHANGED, getActionView, listActions, toActionView } from '../approvals/store.ts';
import { actions } from '../db/schema/actions.ts';

const gone = {
  410: json(z.object({ error: z.object({ type: z.string(), message: z.string() }) }), 'The action expired'),
};

export const ActionSchema = z
  .object({
    id: z.uuid(),
    tool: z.string(),
    status: z.enum(['pending', 'approved', 'running', 'succeeded', 'failed', 'rejected', 'expired', 'cancelled']),
    risk: z.string(),
    summary: z.string(),
    target: z.object({ type: z.string(), id: z.string(), name: z.string().optional() }).nullable(),
    input: z.unknown().describe('The input with secret values redacted'),
    inputHash: z.string().describe('Send back when approving to bind the approval to what you reviewed'),
    requestedBy: z.string(),
    requestedVia: z.string(),
    origin: z.record(z.string(), z.string()),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    result: z.object({ text: z.string(), data: z.unknown().optional() }).nullable(),
    error: z.string().nullable(),
    expiresAt: z.string(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    url: z.string(),
  })
  .openapi('Action');

/** Deciding is for people only: the approve scope, never an agent token, and a role fitting the risk. */
const decider = [requireScope('approve')];

export const actionRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/actions',
      tags: ['approvals'],
      summary: 'Actions waiting for (or past) a human decision, newest first',
      security,
      middleware: [requireScope('read')],
      request: {
        query: z.object({
          status: ActionSchema.shape.status.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
      responses: { 200: json(z.object({ actions: z.array(ActionSchema) }), 'Actions'), ...commonErrors },
    }),
    async (c) => c.json({ actions: await listActions(c.get('ctx'), c.req.valid('query')) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/actions/stream',
      tags: ['approvals'],
      summary: 'Action changes as SSE (`action` events carrying the action), for live inboxes',
      security,
      middleware: [requireScope('read')],
      responses: { 200: sseResponse, ...commonErrors },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      return sse(c, async (send, signal) => {
        // Poll the table (other processes may change actions) and wake early on local events.
        let since = new Date(0);
        for (const view of await listActions(ctx, { status: 'pending' })) await send('action', view, view.id);
        since = new Date();
        while (!signal.aborted) {
          const wake = AbortSignal.any([signal, AbortSignal.timeout(2000)]);
          await once(ctx.events, ACTION_CHANGED, { signal: wake }).catch(() => {});
          if (signal.aborted) break;
          const checkpoint = new Date(Date.now() - 1);
          const changed = await ctx.db
            .select()
            .from(actions)
            .where(and(gt(actions.updatedAt, since)));
          since = checkpoint;
          for (const row of changed) await send('action', toActionView(ctx, row), row.id);
        }
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/actions/{id}',
      tags: ['approvals'],
      summary: 'One action',
      security,
      middleware: [requireScope('read')],
      request: { params: IdParam },
      responses: { 200: json(ActionSchema, 'The action'), ...commonErrors, ...notFound },
    }),
    async (c) => c.json(await getActionView(c.get('ctx'), c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/actions/{id}/approve',
      tags: ['approvals'],
      summary: 'Approve a pending action; it then runs exactly once and the response carries its outcome',
      security,
      middleware: decider,
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': {
              schema: z.object({
                inputHash: z
                  .string()
                  .regex(/^[0-9a-f]{64}$/, { error: 'expected the action’s inputHash' })
                  .optional(),
              }),
            },
          },
          required: false,
        },
      },
      responses: {
        200: json(ActionSchema, 'The action after running'),
        ...commonErrors,
        ...notFound,
        ...conflict,
        ...gone,
      },
    }),
    async (c) => {
      const body = (c.req.valid('json') as { inputHash?: string } | undefined) ?? {};
      return c.json(await approveAction(c.get('ctx'), callerOf(c), c.req.valid('param').id, body), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/actions/{id}/reject',
      tags: ['approvals'],
      summary: 'Reject a pending action, with an optional reason the assistant will see',
      security,
      middleware: decider,
      request: {
        params: IdParam,
        body: {
          content: { 'application/json': { schema: z.object({ reason: z.string().max(1000).optional() }) } },
          required: false,
        },
      },
      responses: { 200: json(ActionSchema, 'Rejected'), ...commonErrors, ...notFound, ...conflict, ...gone },
    }),
    async (c) => {
      const body = (c.req.valid('json') as { reason?: string } | undefined) ?? {};
      return c.json(await rejectAction(c.get('ctx'), callerOf(c), c.req.valid('param').id, body.reason), 200);
    },
  );

import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { IdParam, ScopeSchema, commonErrors, json, jsonBody, notFound, security, tooMany } from '../http/schemas.ts';
import { callerOf, currentActor, requireScope } from '../http/auth.ts';
import { limitPerClient } from '../http/rate-limit.ts';
import { ApiError } from '../errors.ts';
import { hasScope } from '../auth/permissions.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../services/api-tokens.ts';
import { findUserById } from '../services/users.ts';

const TokenSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    kind: z.enum(['human', 'agent']),
    scopes: z.array(z.string()),
    prefix: z.string(),
    requirePanelApproval: z.boolean(),
    lastUsedAt: z.date().nullable(),
    expiresAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .openapi('ApiToken');

const NewTokenInput = z
  .object({
    name: z.string().trim().min(1, { error: 'expected a name, such as "CI deploys" or "Cursor"' }).max(100),
    kind: z.enum(['human', 'agent']).describe('agent: for an AI assistant (MCP); it can never approve actions'),
    scopes: z.array(ScopeSchema).min(1, { error: 'expected at least one scope' }),
    expiresInDays: z.number().int().min(1).max(3650).optional(),
    requirePanelApproval: z
      .boolean()
      .optional()
      .describe(
        'agent tokens over MCP: approve only in the panel (default true); false lets a trusted MCP client ask the person directly (elicitation), and needs an admin or owner with the approve scope',
      ),
  })
  .openapi('NewToken');

export function tokenRoutes(opts: { limit: number; windowSeconds: number }) {
  const router = createRouter();
  router.post('/api/tokens', limitPerClient('token', opts.limit, opts.windowSeconds));
  return router
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/tokens',
        tags: ['tokens'],
        summary: 'Create an API token for yourself; the token is shown only in this response',
        security,
        middleware: [requireScope('read')],
        request: jsonBody(NewTokenInput),
        responses: {
          201: json(z.object({ token: z.string(), record: TokenSchema }), 'Created'),
          ...commonErrors,
          ...tooMany,
        },
      }),
      async (c) => {
        const actor = currentActor(c);
        if (actor.type !== 'user') throw new ApiError('auth:unauthorized', 401, 'Sign in first.');
        const owner = await findUserById(c.get('ctx').db, actor.userId);
        if (!owner) throw new ApiError('auth:unauthorized', 401, 'This account no longer exists.');
        return c.json(await createApiToken(c.get('ctx').db, callerOf(c), owner, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/tokens',
        tags: ['tokens'],
        summary: 'List your tokens (admins: add ?all=true for everyone’s)',
        security,
        middleware: [requireScope('read')],
        request: { query: z.object({ all: z.enum(['true', 'false']).optional() }) },
        responses: { 200: json(z.object({ tokens: z.array(TokenSchema) }), 'Tokens, newest first'), ...commonErrors },
      }),
      async (c) => {
        const actor = currentActor(c);
        const all = c.req.valid('query').all === 'true';
        if (all && !hasScope(actor, 'admin'))
          throw new ApiError('auth:forbidden', 403, 'Listing everyone’s tokens needs the "admin" permission.');
        const userId = all || actor.type !== 'user' ? null : actor.userId;
        return c.json({ tokens: await listApiTokens(c.get('ctx').db, userId) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/api/tokens/{id}',
        tags: ['tokens'],
        summary: 'Revoke a token; it stops working at once',
        security,
        middleware: [requireScope('read')],
        request: { params: IdParam },
        responses: { 204: { description: 'Revoked' }, ...commonErrors, ...notFound },
      }),
      async (c) => {
        const caller = callerOf(c);
        await revokeApiToken(c.get('ctx').db, caller, c.req.valid('param').id, {
          anyUser: hasScope(caller.actor, 'admin'),
        });
        return c.body(null, 204);
      },
    );
}

import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, json, notFound, security } from '../http/schemas.ts';
import { callerOf, requireScope } from '../http/auth.ts';
import { getAppRow } from '../services/apps.ts';
import { revealEnvVar } from '../services/env-vars.ts';
import { envVarName } from '../services/names.ts';

export const ENV_VALUE_PATH = '/api/apps/{app}/env/{name}/value';

const AppRefParam = z.object({
  app: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'app', in: 'path' }, description: 'App name or id' }),
});

// Built from the extended zod (not envVarName.openapi) so import order never matters.
const NameParam = AppRefParam.extend({
  name: z
    .string()
    .pipe(envVarName)
    .openapi({ param: { name: 'name', in: 'path' } }),
});

/**
 * The one read of a secret value: a person's deliberate act, so it is no tool (a model must
 * never get it) and agent tokens are refused by the agent gate (server/http/agent-gate.ts).
 */
export const envValueRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: ENV_VALUE_PATH,
    tags: ['env'],
    summary: 'Reveal one value (admins only, people only; audited)',
    security,
    middleware: [requireScope('admin')],
    request: { params: NameParam },
    responses: {
      200: json(z.object({ name: z.string(), value: z.string() }), 'The value'),
      ...commonErrors,
      ...notFound,
    },
  }),
  async (c) => {
    const ctx = c.get('ctx');
    const { app: ref, name } = c.req.valid('param');
    const app = await getAppRow(ctx, ref);
    return c.json({ name, value: await revealEnvVar(ctx.db, ctx.secrets, callerOf(c), app.id, name) }, 200);
  },
);

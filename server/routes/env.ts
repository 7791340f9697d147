import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, json, jsonBody, notFound, security } from '../http/schemas.ts';
import { callerOf, requireHuman, requireScope } from '../http/auth.ts';
import { getAppRow } from '../services/apps.ts';
import { listEnvVars, revealEnvVar, setEnvVars, unsetEnvVars } from '../services/env-vars.ts';
import { envVarName } from '../services/names.ts';
import { AppRefParam } from './app-schemas.ts';

const EnvVarSchema = z
  .object({ name: z.string(), buildTime: z.boolean(), runtime: z.boolean(), updatedAt: z.date() })
  .openapi('EnvVar');
// Built from the extended zod (not envVarName.openapi) so import order never matters.
const NameParam = AppRefParam.extend({
  name: z
    .string()
    .pipe(envVarName)
    .openapi({ param: { name: 'name', in: 'path' } }),
});
const APPLY_NOTE = 'Changes apply on the next deployment.';

export const envRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps/{app}/env',
      tags: ['env'],
      summary: 'List env var names and flags (never values)',
      security,
      middleware: [requireScope('read')],
      request: { params: AppRefParam },
      responses: { 200: json(z.object({ vars: z.array(EnvVarSchema) }), 'Variables'), ...commonErrors, ...notFound },
    }),
    async (c) => {
      const app = await getAppRow(c.get('ctx'), c.req.valid('param').app);
      return c.json({ vars: await listEnvVars(c.get('ctx').db, app.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/api/apps/{app}/env',
      tags: ['env'],
      summary: 'Set env vars (encrypted at rest)',
      security,
      middleware: [requireScope('write'), requireHuman()],
      request: {
        params: AppRefParam,
        ...jsonBody(
          z.object({
            vars: z.record(envVarName, z.string().max(65_536)).describe('NAME → value'),
            buildTime: z.boolean().optional().describe('Also pass as build arguments (default false)'),
            runtime: z.boolean().optional().describe('Set in the container (default true)'),
          }),
        ),
      },
      responses: {
        200: json(z.object({ set: z.array(z.string()), note: z.string() }), 'Saved'),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const app = await getAppRow(ctx, c.req.valid('param').app);
      const result = await setEnvVars(ctx.db, ctx.secrets, callerOf(c), app.id, c.req.valid('json'));
      return c.json({ ...result, note: APPLY_NOTE }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/apps/{app}/env/unset',
      tags: ['env'],
      summary: 'Remove env vars by name',
      security,
      middleware: [requireScope('write'), requireHuman()],
      request: { params: AppRefParam, ...jsonBody(z.object({ names: z.array(envVarName).min(1).max(200) })) },
      responses: {
        200: json(
          z.object({ removed: z.array(z.string()), missing: z.array(z.string()), note: z.string() }),
          'Removed',
        ),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const app = await getAppRow(ctx, c.req.valid('param').app);
      return c.json(
        { ...(await unsetEnvVars(ctx.db, callerOf(c), app.id, c.req.valid('json').names)), note: APPLY_NOTE },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps/{app}/env/{name}/value',
      tags: ['env'],
      summary: 'Reveal one value (admins only; audited)',
      security,
      middleware: [requireScope('admin'), requireHuman()],
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

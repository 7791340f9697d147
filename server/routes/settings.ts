import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, json, jsonBody, notFound, security } from '../http/schemas.ts';
import { callerOf, requireScope } from '../http/auth.ts';
import { deleteSetting, listSettings, putSetting } from '../services/settings.ts';

const SettingSchema = z
  .object({
    key: z.string(),
    secret: z.boolean(),
    value: z.string().nullable().describe('Always null for secret settings'),
    isSet: z.boolean(),
    updatedAt: z.date(),
  })
  .openapi('Setting');

const KeyParam = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{0,99}$/, { error: 'expected a lower-case key such as "providers.gemini.api_key"' })
    .openapi({ param: { name: 'key', in: 'path' } }),
});

const adminOnly = [requireScope('admin')];

export const settingsRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/settings',
      tags: ['settings'],
      summary: 'List settings (secret values are never returned)',
      security,
      middleware: [requireScope('admin')],
      responses: { 200: json(z.object({ settings: z.array(SettingSchema) }), 'Settings'), ...commonErrors },
    }),
    async (c) => c.json({ settings: await listSettings(c.get('ctx').db) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/api/settings/{key}',
      tags: ['settings'],
      summary: 'Set a setting; secret ones are encrypted at rest and write-only',
      security,
      middleware: adminOnly,
      request: {
        params: KeyParam,
        ...jsonBody(z.object({ value: z.string().max(10_000), secret: z.boolean().default(false) })),
      },
      responses: { 200: json(SettingSchema, 'Saved'), ...commonErrors },
    }),
    async (c) => {
      const { db, secrets } = c.get('ctx');
      return c.json(await putSetting(db, secrets, callerOf(c), c.req.valid('param').key, c.req.valid('json')), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/settings/{key}',
      tags: ['settings'],
      summary: 'Remove a setting',
      security,
      middleware: adminOnly,
      request: { params: KeyParam },
      responses: { 204: { description: 'Removed' }, ...commonErrors, ...notFound },
    }),
    async (c) => {
      await deleteSetting(c.get('ctx').db, callerOf(c), c.req.valid('param').key);
      return c.body(null, 204);
    },
  );

import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, json, security } from '../http/schemas.ts';
import { requireScope } from '../http/auth.ts';
import { PROVIDER_NAMES, providerView, resolveProviders } from '../providers/config.ts';
import { checkProviderHealth } from '../providers/health.ts';
import { limiterUsage } from '../providers/limits.ts';

const HealthSchema = z.object({
  ok: z.boolean(),
  latencyMs: z.number(),
  chatModelListed: z.boolean().optional(),
  models: z.number().optional(),
  error: z.string().optional(),
});

const ProviderSchema = z
  .object({
    name: z.enum(PROVIDER_NAMES),
    configured: z.boolean(),
    apiKey: z
      .object({ set: z.boolean(), source: z.enum(['env', 'settings']).nullable() })
      .describe('Whether a key is set and where from; the key itself is never returned'),
    baseUrl: z.string(),
    models: z.object({ chat: z.string().nullable(), embedding: z.string().nullable() }),
    timeoutMs: z.number(),
    limits: z.object({ concurrency: z.number(), perMinute: z.number() }),
    usage: z.object({ inFlight: z.number(), lastMinute: z.number() }),
    health: HealthSchema.nullable().describe('Null when not configured or not checked'),
  })
  .openapi('Provider');

export const providerRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/api/providers',
    tags: ['chat'],
    summary:
      'Model providers: which are configured, in what fallback order, and whether each answers (keys are never shown)',
    security,
    middleware: [requireScope('admin')],
    request: {
      query: z.object({
        check: z
          .enum(['true', 'false'])
          .default('true')
          .describe('Call each configured provider’s model list to check it'),
      }),
    },
    responses: {
      200: json(
        z.object({
          order: z.array(z.enum(PROVIDER_NAMES)),
          mode: z.enum(['providers', 'command']),
          providers: z.array(ProviderSchema),
        }),
        'Providers',
      ),
      ...commonErrors,
    },
  }),
  async (c) => {
    const ctx = c.get('ctx');
    const check = c.req.valid('query').check === 'true';
    const setup = await resolveProviders(ctx);
    const providers = await Promise.all(
      PROVIDER_NAMES.map(async (name) => {
        const p = setup.providers[name];
        const health = check && p.configured ? await checkProviderHealth(p, Math.min(p.timeoutMs, 5000)) : null;
        return { ...providerView(p), usage: limiterUsage(ctx, name), health };
      }),
    );
    return c.json(
      { order: setup.order, mode: setup.order.length ? ('providers' as const) : ('command' as const), providers },
      200,
    );
  },
);

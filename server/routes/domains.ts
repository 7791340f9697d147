import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../http/router.ts';
import { commonErrors, conflict, json, jsonBody, notFound, security } from '../http/schemas.ts';
import { callerOf, requireHuman, requireScope } from '../http/auth.ts';
import { AddDomainInput, addDomain, listDomains, removeDomain } from '../services/domains.ts';
import { AppRefParam } from './app-schemas.ts';

const DnsSchema = z
  .object({
    status: z.enum(['ok', 'local', 'elsewhere', 'unresolved']),
    addresses: z.array(z.string()),
    warning: z.string().optional().describe('Set when the name may not reach this server; never an error'),
  })
  .openapi('DomainDnsCheck');

const DomainSchema = z
  .object({
    id: z.uuid(),
    appId: z.uuid(),
    host: z.string(),
    pathPrefix: z.string(),
    targetPort: z.number().nullable(),
    https: z.boolean(),
    redirectHttp: z.boolean(),
    tls: z.enum(['auto', 'acme', 'internal']),
    certificate: z.enum(['acme', 'internal', 'none']),
    url: z.string(),
    createdAt: z.date(),
  })
  .openapi('Domain');

const ProxyOutcomeSchema = z
  .object({
    proxy: z.enum(['none', 'caddy', 'traefik']),
    status: z.enum(['applied', 'not_routed', 'removed', 'not_applied', 'failed']),
    upstream: z.string().optional(),
    note: z.string().optional(),
  })
  .openapi('ProxyOutcome');

const DomainIdParam = AppRefParam.extend({
  id: z.uuid({ error: 'expected a domain id (UUID)' }).openapi({ param: { name: 'id', in: 'path' } }),
});

export const domainRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/apps/{app}/domains',
      tags: ['domains'],
      summary: 'List an app’s domains, each with a DNS check',
      security,
      middleware: [requireScope('read')],
      request: { params: AppRefParam },
      responses: {
        200: json(
          z.object({
            domains: z.array(DomainSchema.extend({ dns: DnsSchema })),
            proxy: z.object({ kind: z.enum(['none', 'caddy', 'traefik']), note: z.string().optional() }),
          }),
          'Domains',
        ),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => {
      const { domains, proxy } = await listDomains(c.get('ctx'), c.req.valid('param').app);
      return c.json({ domains, proxy }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/apps/{app}/domains',
      tags: ['domains'],
      summary: 'Add a domain and route it to the app’s live container',
      security,
      middleware: [requireScope('write'), requireHuman()],
      request: { params: AppRefParam, ...jsonBody(AddDomainInput) },
      responses: {
        201: json(z.object({ domain: DomainSchema, dns: DnsSchema, proxy: ProxyOutcomeSchema }), 'Added'),
        ...commonErrors,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) => c.json(await addDomain(c.get('ctx'), callerOf(c), c.req.valid('param').app, c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/apps/{app}/domains/{id}',
      tags: ['domains'],
      summary: 'Remove a domain; the proxy stops routing it',
      security,
      middleware: [requireScope('write'), requireHuman()],
      request: { params: DomainIdParam },
      responses: {
        200: json(z.object({ domain: DomainSchema, proxy: ProxyOutcomeSchema }), 'Removed'),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => {
      const { app, id } = c.req.valid('param');
      return c.json(await removeDomain(c.get('ctx'), callerOf(c), app, id), 200);
    },
  );

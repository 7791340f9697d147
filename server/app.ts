import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from './context.ts';
import type { AppEnv } from './http/types.ts';
import { ApiError } from './errors.ts';
import { errorBody, handleError } from './http/errors.ts';
import { authenticate, clientIp } from './http/auth.ts';
import { refuseUnsafeMcpText, refuseUnsafeText } from './http/safe-input.ts';
import { safeEqual } from './auth/random.ts';
import { healthRoutes } from './routes/health.ts';
import { authRoutes } from './routes/auth.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { userRoutes } from './routes/users.ts';
import { auditRoutes } from './routes/audit.ts';
import { settingsRoutes } from './routes/settings.ts';
import { uploadRoutes } from './routes/uploads.ts';
import { toolRouteRoutes } from './routes/tool-routes.ts';
import { streamRoutes } from './routes/streams.ts';
import { envValueRoutes } from './routes/env-value.ts';
import { agentGate } from './http/agent-gate.ts';
import { actionRoutes } from './routes/actions.ts';
import { toolRoutes } from './routes/tools.ts';
import { policyRoutes } from './routes/policies.ts';
import { chatRoutes } from './routes/chat.ts';
import { providerRoutes } from './routes/providers.ts';
import { mcpRoutes } from '../mcp/http.ts';
import { serveWebUi } from './static.ts';

const API_VERSION = '0.1.0';

export function createApp(ctx: AppContext) {
  const { env, metrics } = ctx;
  const app = new OpenAPIHono<AppEnv>();

  app.use(requestId());
  // JSON and the UI's files only: streams (SSE chat turns and logs) must reach the client unbuffered.
  app.use(
    compress({
      contentTypeFilter:
        /^(?:application\/(?:[\w.-]+\+)?json|text\/(?:html|css|javascript)|application\/javascript)\b/i,
    }),
  );
  app.use(async (c, next) => {
    c.set('ctx', ctx);
    c.set('clientIp', clientIp(c, env.OPENPANEL_TRUST_PROXY));
    const log = ctx.logger.child({ reqId: c.get('requestId') });
    c.set('log', log);
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath || 'unmatched';
    metrics.httpRequests.inc({ method: c.req.method, route, status: String(c.res.status) });
    metrics.httpDuration.observe({ method: c.req.method, route }, seconds);
    log.info(
      { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) },
      'request',
    );
  });
  app.use(secureHeaders());
  if (env.OPENPANEL_CORS_ORIGINS?.length) {
    app.use(
      '/api/*',
      cors({
        origin: env.OPENPANEL_CORS_ORIGINS,
        credentials: true,
        allowHeaders: ['content-type', 'authorization', 'x-csrf-token'],
        exposeHeaders: ['x-conversation-id', 'x-request-id'],
      }),
    );
  }
  const jsonLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new ApiError('request:too_large', 413, 'The request body is over 1 MiB.');
    },
  });
  // Uploads stream to disk with their own size limit.
  app.use('/api/*', (c, next) => (c.req.path === '/api/uploads' ? next() : jsonLimit(c, next)));
  app.use('/api/*', authenticate());
  // Agent tokens write only through the approval gate; everything else is for people.
  app.use('/api/*', agentGate());
  // Postgres refuses NUL bytes and unpaired surrogates: a clear 422 here instead of a 500 in a query.
  app.use('/api/*', refuseUnsafeText());
  app.use('/mcp', refuseUnsafeMcpText());

  const rate = { limit: env.OPENPANEL_LOGIN_RATE_LIMIT, windowSeconds: env.OPENPANEL_RATE_LIMIT_WINDOW_SECONDS };
  app.route('/', healthRoutes);
  app.route('/', authRoutes({ loginLimit: rate.limit, windowSeconds: rate.windowSeconds }));
  app.route('/', tokenRoutes(rate));
  app.route('/', userRoutes);
  app.route('/', auditRoutes);
  app.route('/', settingsRoutes);
  app.route('/', streamRoutes());
  app.route('/', envValueRoutes);
  app.route('/', toolRouteRoutes());
  app.route('/', uploadRoutes);
  app.route('/', actionRoutes);
  app.route('/', toolRoutes);
  app.route('/', policyRoutes);
  app.route('/', chatRoutes);
  app.route('/', providerRoutes);
  app.route('/', mcpRoutes(ctx));

  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'op_session',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (op_…)',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'OpenPanel API',
      version: API_VERSION,
      description:
        'Deploy and operate Docker apps. Session requests that change something need the X-CSRF-Token header.',
    },
  });
  app.get('/api/docs', swaggerUI({ url: '/api/openapi.json', title: 'OpenPanel API' }));

  app.get('/metrics', async (c) => {
    const token = env.OPENPANEL_METRICS_TOKEN;
    if (token && !safeEqual(c.req.header('authorization') ?? '', `Bearer ${token}`)) {
      throw new ApiError('auth:unauthorized', 401, 'Send the metrics token as "Authorization: Bearer …".');
    }
    return c.body(await metrics.registry.metrics(), 200, { 'content-type': metrics.registry.contentType });
  });

  // The built web UI, with client-side routes falling back to index.html.
  app.get('*', serveWebUi());

  app.notFound((c) =>
    c.json(
      errorBody(
        new ApiError('route:not_found', 404, `No route for ${c.req.method} ${c.req.path}. See /api/docs.`),
        c.get('requestId'),
      ),
      404,
    ),
  );
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;

// The baseline every bench compares against: bare Hono on @hono/node-server, no database, no auth.
// Plain JavaScript so it starts exactly like the panel does (compiled, or under tsx's loader).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const bytes = Number(process.env.BODY_BYTES ?? 1000);
// An apps-like list padded to the panel's response size, built once like a cached response would be.
const item = { id: '00000000-0000-0000-0000-000000000000', name: 'app', status: 'running', note: '' };
const apps = [];
while (JSON.stringify({ apps }).length < bytes) apps.push({ ...item, name: `app-${apps.length}` });
const overshoot = JSON.stringify({ apps }).length - bytes;
if (overshoot > 0 && apps.length) apps.pop();
const pad = bytes - JSON.stringify({ apps, pad: '' }).length;
const body = { apps, pad: 'x'.repeat(Math.max(0, pad)) };

const app = new Hono();
app.get('/api/health', (c) => c.json({ status: 'ok' }));
app.get('/api/ready', (c) => c.json({ status: 'ready' }));
app.get('/api/apps', (c) => c.json(body));
app.put('/api/apps/:app/env', async (c) => c.json({ set: Object.keys((await c.req.json()).vars ?? {}), note: 'ok' }));
app.post('/api/tools/:name', async (c) => c.json({ status: 'done', text: 'ok', data: body }));

const server = serve({
  fetch: app.fetch,
  port: Number(process.env.PORT ?? 3999),
  hostname: process.env.HOST ?? '127.0.0.1',
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));

import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { Hono } from 'hono';
import { Client, createTestPanel, setupOwner, type TestPanel } from './test/harness.ts';
import { handleError } from './http/errors.ts';
import type { AppEnv } from './http/types.ts';

let panel: TestPanel;
beforeAll(async () => {
  panel = await createTestPanel();
});
afterAll(() => panel.close());
beforeEach(() => panel.reset());

describe('system endpoints', () => {
  it('health answers, with a request id and secure headers', async () => {
    const res = await panel.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect(res.headers.get('x-request-id')).toMatch(/[0-9a-f-]{36}/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('ready reports the database and an unconfigured Redis', async () => {
    const res = await panel.app.request('/api/ready');
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.checks.database).toEqual({ status: 'ok' });
    expect(body.checks.redis).toEqual({ status: 'not_configured' });
  });

  it('metrics are in Prometheus format and count requests by route', async () => {
    await panel.app.request('/api/health');
    const res = await panel.app.request('/metrics');
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/openpanel_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(text).toMatch(/openpanel_process_cpu_seconds_total/);
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas, and a docs page', async () => {
    const doc = await (await panel.app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/health',
      '/api/ready',
      '/api/setup',
      '/api/auth/login',
      '/api/tokens',
      '/api/tokens/{id}',
      '/api/users',
      '/api/audit',
      '/api/settings/{key}',
    ]) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema).toBeTruthy();
    expect(doc.components.securitySchemes).toHaveProperty('bearerAuth');
    const docs = await panel.app.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/openapi.json');
  });

  it('CORS is off by default', async () => {
    const res = await panel.app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await panel.app.request('/api/tokens', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('bad input', () => {
  it('malformed JSON is a 400 with a hint', async () => {
    const res = await panel.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatchObject({ type: 'request:malformed' });
    expect(body.error.message).toMatch(/not valid JSON/);
  });

  it('schema failures are 422 with field messages', async () => {
    const res = await new Client(panel).post('/api/auth/login', { email: 'not-an-email', password: '' });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.type).toBe('validation:body');
    expect(body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'email', message: 'expected an e-mail address' },
        { path: 'password', message: 'expected a password' },
      ]),
    );
  });

  it('a body over 1 MiB is a 413', async () => {
    const res = await new Client(panel).post('/api/auth/login', {
      email: 'a@example.com',
      password: 'x'.repeat(1_100_000),
    });
    expect(res.status).toBe(413);
  });

  it('unknown routes are a JSON 404', async () => {
    const res = await panel.app.request('/api/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.type).toBe('route:not_found');
  });

  it('no route answers 500 to garbage', async () => {
    const owner = await setupOwner(panel);
    const doc = await (await panel.app.request('/api/openapi.json')).json();
    const garbage = [
      '',
      'null',
      '[]',
      '"text"',
      '{"email":{"$ne":null}}',
      `{"name":${'"x"'.repeat(3)}}`,
      '{"scopes":"all","kind":7}',
      '\u0000\u0001',
      '{"value":null}',
    ];
    const checked: string[] = [];
    for (const [template, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      const url = template.replace('{id}', '00000000-0000-0000-0000-000000000000').replace('{key}', 'x.y');
      for (const method of Object.keys(ops)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        for (const body of garbage) {
          const res = await owner.request(method.toUpperCase(), url, body, { 'content-type': 'application/json' });
          expect(res.status, `${method} ${url} ${JSON.stringify(body)}`).toBeLessThan(500);
          checked.push(`${method} ${template}`);
        }
      }
    }
    expect(new Set(checked).size).toBeGreaterThanOrEqual(8);
  });

  it('unexpected errors become a 500 without a stack trace or the internal message', async () => {
    const app = new Hono<AppEnv>();
    app.get('/boom', () => {
      throw new Error('connection to 10.0.0.5 failed at Pool.connect (/srv/app/db.ts:12)');
    });
    app.onError(handleError);
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/10\.0\.0\.5|db\.ts|at Pool/);
    expect(JSON.parse(text).error.type).toBe('server:internal');
  });
});

describe('with CORS origins and Redis configured', () => {
  let configured: TestPanel;
  beforeAll(async () => {
    configured = await createTestPanel({
      OPENPANEL_CORS_ORIGINS: 'https://panel.example.com',
      REDIS_URL: inject('redisUrl'),
    });
  });
  afterAll(() => configured.close());

  it('allows only the configured origin', async () => {
    const ok = await configured.app.request('/api/health', { headers: { origin: 'https://panel.example.com' } });
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://panel.example.com');
    const other = await configured.app.request('/api/health', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });

  it('ready checks the real Redis', async () => {
    const res = await configured.app.request('/api/ready');
    expect((await res.json()).checks.redis).toEqual({ status: 'ok' });
  });
});

describe('with an unreachable Redis', () => {
  let broken: TestPanel;
  beforeAll(async () => {
    broken = await createTestPanel({ REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(() => broken.close());

  it('is not ready, and says why', async () => {
    const res = await broken.app.request('/api/ready');
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.status).toBe('not_ready');
    expect(body.checks.redis.status).toBe('error');
    expect(body.checks.database.status).toBe('ok');
  });
});

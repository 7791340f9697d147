import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { serveWebUi } from './static.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'openpanel-web-')) + path.sep;
fs.mkdirSync(path.join(root, 'assets'));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
fs.writeFileSync(path.join(os.tmpdir(), 'outside-web-root.txt'), 'secret');
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(path.join(os.tmpdir(), 'outside-web-root.txt'), { force: true });
});

function app(dir = root) {
  const a = new Hono();
  a.get('/api/health', (c) => c.json({ ok: true }));
  a.get('*', serveWebUi(dir));
  a.notFound((c) => c.json({ error: { type: 'route:not_found' } }, 404));
  return a;
}

describe('serveWebUi', () => {
  it('serves index.html for / and client-side routes, revalidated each time', async () => {
    for (const p of ['/', '/apps/demo', '/approvals/7c1d6c1e-4a43-4f0e-9d0b-6a7d3f1f2a10', '/settings']) {
      const res = await app().request(p);
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache and the right type', async () => {
    const res = await app().request('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('leaves /api alone: API routes answer, unknown ones stay JSON 404s', async () => {
    expect(await (await app().request('/api/health')).json()).toEqual({ ok: true });
    const res = await app().request('/api/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.type).toBe('route:not_found');
    expect((await app().request('/mcp')).status).toBe(404);
  });

  it('never reads outside its folder', async () => {
    for (const p of [
      '/../outside-web-root.txt',
      '/%2e%2e/outside-web-root.txt',
      '/assets/..%2f..%2foutside-web-root.txt',
    ]) {
      const res = await app().request(p);
      expect(await res.text(), p).not.toBe('secret');
    }
  });

  it('without a build, says how to make one', async () => {
    const res = await app(path.join(root, 'missing') + path.sep).request('/');
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/npm run build:web/);
  });
});

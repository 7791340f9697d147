import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MiddlewareHandler } from 'hono';

/** The built web UI (`npm run build:web`). */
const WEB_DIST = fileURLToPath(new URL('../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the web UI for GET/HEAD outside /api, /mcp and /metrics: a file from web/dist when one
 * matches, else index.html, so client-side routes (/apps/api, /approvals/<id>) load the app.
 * Hashed assets are cached for a year; index.html is always revalidated. Without a build it
 * says how to make one instead of failing quietly.
 */
export function serveWebUi(root = WEB_DIST): MiddlewareHandler {
  return async (c, next) => {
    const p = c.req.path;
    if (
      (c.req.method !== 'GET' && c.req.method !== 'HEAD') ||
      p === '/api' ||
      p.startsWith('/api/') ||
      p === '/mcp' ||
      p === '/metrics'
    )
      return next();
    const rel = decodeSafe(p);
    if (rel === null) return next();
    const candidate = path.join(root, rel);
    // path.join normalizes ".."; anything outside the root is treated as a client route.
    const inside = candidate.startsWith(root) && candidate !== root;
    const file = inside && isFile(candidate) ? candidate : path.join(root, 'index.html');
    if (!isFile(file)) {
      return c.text('The web UI is not built. Run `npm run build:web` (npm start does it for you), then reload.', 503);
    }
    const hashed = file.includes(`${path.sep}assets${path.sep}`);
    c.header('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
    c.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (c.req.method === 'HEAD') return c.body(null, 200);
    return c.body(new Uint8Array(await fs.promises.readFile(file)), 200);
  };
}

function decodeSafe(p: string): string | null {
  try {
    const decoded = decodeURIComponent(p);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

import type { Context, MiddlewareHandler } from 'hono';
import { SafeInput } from '../validation/safe-text.ts';
import { validationError } from './errors.ts';
import type { AppEnv } from './types.ts';

const JSON_TYPE = /^application\/([a-z0-9.+-]*\+)?json/i;

/**
 * Refuses NUL bytes and unpaired surrogates in every part of an `/api/*` request that a handler may
 * pass on to the database: the decoded path, the query and a JSON body. One check here, so no route
 * (hand-written or derived from a tool) can forget it. The JSON body is read through Hono's cached
 * `c.req.json()`, which leaves it readable for the route's validator.
 */
export function refuseUnsafeText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const parsed = SafeInput.safeParse({ path: pathSegments(c), query: c.req.queries(), body: await jsonBody(c) });
    if (!parsed.success) throw validationError(parsed.error, 'input');
    return next();
  };
}

function pathSegments(c: Context<AppEnv>): string[] {
  return new URL(c.req.url).pathname.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment; // not valid percent-encoding: Hono leaves it encoded too
    }
  });
}

async function jsonBody(c: Context<AppEnv>): Promise<unknown> {
  // Uploads stream their body to disk; reading it here would buffer it.
  if (c.req.path === '/api/uploads' || !JSON_TYPE.test(c.req.header('content-type') ?? '')) return undefined;
  try {
    return await c.req.json();
  } catch {
    return undefined; // malformed JSON: the route's validator answers it with a 400
  }
}

const MCP_MAX_BYTES = 1024 * 1024;

/**
 * The same check for MCP JSON-RPC messages (resource URIs, prompt arguments), answered the JSON-RPC
 * way. Tool calls are left to the gate, whose `invalid` tool result tells the model what to fix.
 * The transport reads the raw request itself, so this reads a clone.
 */
export function refuseUnsafeMcpText(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST' || !JSON_TYPE.test(c.req.header('content-type') ?? '')) return next();
    const text = await readLimited(c.req.raw.clone(), MCP_MAX_BYTES);
    let message: unknown;
    try {
      message = JSON.parse(text ?? '');
    } catch {
      return next(); // the transport answers malformed JSON and bodies over its limit
    }
    const request = (typeof message === 'object' && message ? message : {}) as { method?: unknown; id?: unknown };
    if (request.method === 'tools/call') return next();
    const parsed = SafeInput.safeParse(message);
    if (parsed.success) return next();
    const problem = parsed.error.issues[0]!;
    return c.json({
      jsonrpc: '2.0',
      id: typeof request.id === 'string' || typeof request.id === 'number' ? request.id : null,
      error: { code: -32602, message: `Invalid params: ${problem.path.join('.') || '(message)'} ${problem.message}.` },
    });
  };
}

/** The body as text, or null when it is over `max` bytes (without reading the rest). */
async function readLimited(req: Request, max: number): Promise<string | null> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

import crypto from 'node:crypto';
import { Hono } from 'hono';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { AppContext } from '../server/context.ts';
import type { AppEnv } from '../server/http/types.ts';
import { ApiError } from '../server/errors.ts';
import { authenticate, callerOf } from '../server/http/auth.ts';
import { isAgent } from '../server/auth/permissions.ts';
import { PRESETS, type Preset } from './catalog.ts';
import { buildServer } from './server.ts';
import type { McpSession } from './session.ts';

/**
 * Streamable HTTP at /mcp, with sessions: an approval prompt (elicitation) is a request from the
 * server back to the client in the middle of a tool call, and its answer arrives as a new POST
 * that must reach the same server instance, which a stateless endpoint cannot do.
 *
 * The SDK's own Web-standard transport is used as is (Hono hands it the Request and returns its
 * Response), so no adapter sits between the SDK and the wire.
 *
 * Only agent tokens are accepted. A human token or browser session is refused (403): an IDE
 * assistant must never hold a credential that can approve actions through the REST API.
 */
interface LiveSession {
  mcp: McpServer;
  transport: WebStandardStreamableHTTPServerTransport;
  tokenId: string;
  lastSeen: number;
}

/** Idle sessions are dropped; the client starts a new one on the 404 it then gets. */
const IDLE_MS = 2 * 60 * 60_000;
/** Per token, so one leaky client cannot fill memory; the oldest session goes first. */
const MAX_SESSIONS_PER_TOKEN = 20;
const MAX_BODY_BYTES = 1024 * 1024;

function jsonRpcError(status: 400 | 404, message: string): Response {
  return Response.json(
    { jsonrpc: '2.0', error: { code: status === 404 ? -32001 : -32000, message }, id: null },
    { status },
  );
}

export function mcpRoutes(ctx: AppContext) {
  const sessions = new Map<string, LiveSession>();
  const drop = (id: string) => {
    const s = sessions.get(id);
    sessions.delete(id);
    void s?.mcp.close().catch(() => {});
  };
  const sweep = (tokenId: string) => {
    const now = Date.now();
    for (const [id, s] of sessions) if (now - s.lastSeen > IDLE_MS) drop(id);
    const own = [...sessions].filter(([, s]) => s.tokenId === tokenId).sort(([, a], [, b]) => a.lastSeen - b.lastSeen);
    for (const [id] of own.slice(0, Math.max(0, own.length - MAX_SESSIONS_PER_TOKEN + 1))) drop(id);
  };

  const app = new Hono<AppEnv>();
  app.use('/mcp', authenticate());
  app.all('/mcp', async (c) => {
    const actor = c.get('actor');
    if (!actor) {
      throw new ApiError(
        'auth:unauthorized',
        401,
        'MCP needs an agent API token: send "Authorization: Bearer op_…". Create one in Settings → API tokens (kind agent) or with `openpanel token create --kind agent`.',
      );
    }
    if (!isAgent(actor) || actor.type !== 'user' || !actor.tokenId) {
      throw new ApiError(
        'auth:forbidden',
        403,
        'MCP accepts agent tokens only, so an assistant never holds a credential that can approve actions. Create a token of kind agent and use that.',
      );
    }
    const presetParam = c.req.query('preset') ?? 'all';
    if (!(PRESETS as readonly string[]).includes(presetParam)) {
      throw new ApiError(
        'request:invalid_preset',
        400,
        `Unknown tool preset "${presetParam}". Use ${PRESETS.join(', ')}.`,
      );
    }

    const sessionId = c.req.header('mcp-session-id');
    if (sessionId) {
      const live = sessions.get(sessionId);
      // Another token cannot ride on a session it did not open.
      if (!live || live.tokenId !== actor.tokenId)
        return jsonRpcError(404, 'Session not found: it expired or was closed. Start a new session (initialize).');
      live.lastSeen = Date.now();
      return live.transport.handleRequest(c.req.raw);
    }
    if (c.req.method !== 'POST') return jsonRpcError(400, 'No session: open one with an initialize POST first.');

    sweep(actor.tokenId);
    const session: McpSession = { caller: callerOf(c), preset: presetParam as Preset, transport: 'http' };
    const mcp = buildServer(ctx, session);
    const tokenId = actor.tokenId;
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => crypto.randomUUID(),
      maxRequestBodySize: MAX_BODY_BYTES,
      onsessioninitialized: (id) => {
        session.id = id;
        sessions.set(id, { mcp, transport, tokenId, lastSeen: Date.now() });
      },
      onsessionclosed: (id) => drop(id),
    });
    await mcp.connect(transport);
    const res = await transport.handleRequest(c.req.raw);
    // Anything but a good initialize leaves no session behind.
    if (!transport.sessionId) await mcp.close();
    return res;
  });
  return app;
}

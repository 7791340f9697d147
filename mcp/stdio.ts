import { pino } from 'pino';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { Env } from '../server/env.ts';
import type { Logger } from '../server/logger.ts';
import { createContext, closeContext } from '../server/context.ts';
import { DomainError } from '../server/errors.ts';
import { jobHandlers } from '../server/jobs/handlers.ts';
import { buildServer } from './server.ts';
import { agentCallerFromToken } from './session.ts';

/**
 * `openpanel mcp`: MCP over stdin/stdout for clients that launch a command. Stdout carries only
 * protocol messages; logs go to stderr.
 *
 * Preferred: forward to a running panel's /mcp (OPENPANEL_URL, or a panel found on this
 * machine's PORT). One process then owns the database, the job workers and the Docker engine, and
 * the embedded database (PGlite, one process per data folder) is never opened twice. Without a
 * running panel, it serves in-process on the configured database, with its own job workers.
 */
export async function serveStdio(env: Env): Promise<void> {
  const token = env.OPENPANEL_TOKEN;
  if (!token) {
    throw new DomainError(
      'invalid',
      'OPENPANEL_TOKEN is not set.',
      'Create an agent token (openpanel token create --kind agent --scopes read,write) and put it in the MCP client configuration as OPENPANEL_TOKEN.',
    );
  }
  const logger = pino(
    {
      level: env.OPENPANEL_LOG_LEVEL,
      base: { service: 'openpanel-mcp' },
      redact: { paths: ['*.token', '*.authorization', 'token'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
  const panelUrl = env.OPENPANEL_URL ?? (await localPanel(env.PORT));
  if (panelUrl) {
    logger.info({ panel: panelUrl }, 'mcp stdio: forwarding to the panel');
    return forwardToPanel(panelUrl, token, env.OPENPANEL_MCP_PRESET, logger);
  }
  logger.info('mcp stdio: no running panel found; serving in-process on the configured database');
  return serveInProcess(env, token, logger);
}

/** A panel already running on this machine owns the database; use it rather than open it twice. */
async function localPanel(port: number): Promise<string | undefined> {
  const url = `http://127.0.0.1:${port}`;
  const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) }).catch(() => undefined);
  return res?.ok ? url : undefined;
}

function stdinClosed(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
  });
}

/** A transparent relay: every JSON-RPC message, including approval prompts, passes both ways unchanged. */
async function forwardToPanel(panelUrl: string, token: string, preset: string, logger: Logger): Promise<void> {
  const endpoint = new URL('mcp', panelUrl.endsWith('/') ? panelUrl : `${panelUrl}/`);
  endpoint.searchParams.set('preset', preset);
  const remote = new StreamableHTTPClientTransport(endpoint, {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const local = new StdioServerTransport();
  let initializeId: string | number | undefined;

  local.onmessage = (message: JSONRPCMessage) => {
    if ('method' in message && message.method === 'initialize' && 'id' in message) initializeId = message.id;
    remote.send(message).catch((err: Error) => {
      logger.warn({ err: err.message }, 'mcp stdio: the panel refused a message');
      if ('method' in message && 'id' in message) {
        void local.send({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32000, message: `OpenPanel at ${panelUrl} did not accept the request: ${err.message}` },
        });
      }
    });
  };
  remote.onmessage = (message: JSONRPCMessage) => {
    // The HTTP transport sends the negotiated version on later requests, as the SDK client would.
    if ('result' in message && message.id === initializeId && typeof message.result.protocolVersion === 'string')
      remote.setProtocolVersion(message.result.protocolVersion);
    void local.send(message);
  };
  remote.onerror = (err) => logger.warn({ err: err.message }, 'mcp stdio: panel connection error');

  await remote.start();
  await local.start();
  await stdinClosed();
  await remote.terminateSession().catch(() => {});
  await remote.close();
  await local.close();
}

async function serveInProcess(env: Env, token: string, logger: Logger): Promise<void> {
  const ctx = await createContext(env, { logger });
  try {
    await ctx.database.migrate();
    const caller = await agentCallerFromToken(ctx.db, token);
    // Approved writes may run here (an approval prompt answered in the client), so jobs need workers.
    await ctx.jobs.start(jobHandlers(ctx));
    const mcp = buildServer(ctx, { caller, preset: env.OPENPANEL_MCP_PRESET, transport: 'stdio' });
    await mcp.connect(new StdioServerTransport());
    await stdinClosed();
    await mcp.close();
  } finally {
    await closeContext(ctx);
  }
}

import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AppContext } from '../server/context.ts';
import { DomainError } from '../server/errors.ts';
import { hasScope } from '../server/auth/permissions.ts';
import { requestTool } from '../server/approvals/gate.ts';
import { findTool } from '../tools/registry.ts';
import { inPreset, scopeFor, toMcpTool, visibleTools } from './catalog.ts';
import { settlePending, textResult } from './approval.ts';
import { structuredOf, withStructured } from './structured.ts';
import type { McpSession } from './session.ts';

/**
 * tools/list and tools/call, on the low-level server rather than McpServer.registerTool, because:
 * a tool outside the token's scopes must be hidden yet fail with a clear reason when called
 * (McpServer can only disable it: "Tool x disabled"); the gate must see the caller's raw input,
 * so validation, its hints and the approval's input hash come from one place; and the JSON Schema
 * is the registry's own zod 4 conversion, the same one the REST API and model providers get.
 */
export function registerTools(server: Server, ctx: AppContext, session: McpSession): void {
  server.registerCapabilities({ tools: { listChanged: false } });

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: visibleTools(session.caller.actor, session.preset).map(toMcpTool),
  }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const name = request.params.name;
    const tool = findTool(name);
    if (!tool) return textResult(`There is no tool named ${name}. List the tools to see what exists.`, true);
    if (!inPreset(tool, session.preset)) {
      return textResult(
        `${name} is not offered on this connection (tool preset "${session.preset}"). Tell the user; they can connect with the "all" preset (?preset=all on the /mcp URL, or OPENPANEL_MCP_PRESET=all for stdio) if they want it.`,
        true,
      );
    }
    const needed = scopeFor(tool.risk);
    if (!hasScope(session.caller.actor, needed)) {
      return textResult(
        `${name} needs the "${needed}" permission, which this token does not have, so it was not run. Use the read tools, or ask the user for an agent token with the read and write scopes.`,
        true,
      );
    }
    try {
      const result = await requestTool(ctx, {
        tool: name,
        input: request.params.arguments ?? {},
        caller: session.caller,
        via: 'mcp',
        origin: originOf(server, session),
      });
      switch (result.status) {
        case 'done':
          return withStructured(textResult(result.text), structuredOf(result.data));
        case 'failed':
        case 'denied':
          return textResult(result.text, true);
        case 'pending':
          return await settlePending(ctx, result.action, {
            server,
            caller: session.caller,
            requestId: extra.requestId,
            signal: extra.signal,
          });
      }
    } catch (err) {
      if (err instanceof DomainError)
        return textResult(`${name} was not run: ${err.message}${err.hint ? ` ${err.hint}` : ''}`, true);
      ctx.logger.error({ err, tool: name }, 'mcp tool call crashed');
      return textResult(
        `${name} failed with an internal error; the panel log has details. Do not retry blindly.`,
        true,
      );
    }
  });
}

/** Where a request came from, stored on the action so a person can tell sessions apart. */
function originOf(server: Server, session: McpSession): Record<string, string> {
  const client = server.getClientVersion();
  return {
    transport: session.transport,
    ...(client ? { client: `${client.name} ${client.version}` } : {}),
    ...(session.id ? { session: session.id } : {}),
  };
}

import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { ErrorCode, McpError, type ReadResourceResult } from '@modelcontextprotocol/sdk/types.js';
import type { AppContext } from '../server/context.ts';
import { DomainError } from '../server/errors.ts';
import { requestTool } from '../server/approvals/gate.ts';
import { collectSecretValues, scrubText } from '../server/crypto/scrub.ts';
import type { McpSession } from './session.ts';

/**
 * Resources are views onto the read tools, requested through the same gate (scopes, audit), so
 * there is no second way into the services. Log text arrives already wrapped as untrusted data.
 */
export function registerResources(mcp: McpServer, ctx: AppContext, session: McpSession): void {
  const read = async (tool: string, input: Record<string, unknown>) => {
    try {
      const result = await requestTool(ctx, {
        tool,
        input,
        caller: session.caller,
        via: 'mcp',
        origin: { transport: session.transport, resource: tool },
      });
      if (result.status === 'done') return result;
      throw new McpError(ErrorCode.InvalidParams, result.text);
    } catch (err) {
      if (err instanceof DomainError)
        throw new McpError(ErrorCode.InvalidParams, `${err.message}${err.hint ? ` ${err.hint}` : ''}`);
      throw err;
    }
  };
  // The gate scrubbed the tool's result already; this keeps every resource behind the scrubber too.
  const text = async (uri: URL, body: string): Promise<ReadResourceResult> => ({
    contents: [{ uri: uri.href, mimeType: 'text/plain', text: scrubText(body, await collectSecretValues(ctx)) }],
  });
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

  mcp.registerResource(
    'apps',
    'openpanel://apps',
    {
      title: 'Apps',
      description: 'Every app in the panel with its source, port and whether it is deployed.',
      mimeType: 'text/plain',
    },
    async (uri) => text(uri, (await read('list_apps', {})).text),
  );

  mcp.registerResource(
    'app',
    new ResourceTemplate('openpanel://apps/{app}', {
      list: async () => {
        const { data } = await read('list_apps', {});
        const apps = (data as { apps: { name: string; projectName: string }[] }).apps;
        return {
          resources: apps.map((a) => ({
            uri: `openpanel://apps/${encodeURIComponent(a.name)}`,
            name: a.name,
            title: `App ${a.name} (${a.projectName})`,
            mimeType: 'text/plain',
          })),
        };
      },
    }),
    {
      title: 'App',
      description: 'One app: settings, live state from the Docker engine, current deployment. Never secrets.',
      mimeType: 'text/plain',
    },
    async (uri, vars) => text(uri, (await read('get_app', { app: decodeURIComponent(one(vars.app)) })).text),
  );

  mcp.registerResource(
    'deployment-logs',
    new ResourceTemplate('openpanel://deployments/{id}/logs', { list: undefined }),
    {
      title: 'Deployment logs',
      description: 'The build and deploy log of a deployment (last 500 lines), as untrusted data.',
      mimeType: 'text/plain',
    },
    async (uri, vars) => text(uri, (await read('get_build_logs', { deployment: one(vars.id), tail: 500 })).text),
  );
}

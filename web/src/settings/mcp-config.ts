/**
 * Client configuration for an MCP agent token, for the clients people use most. Each points at
 * the panel's Streamable HTTP endpoint with the token as a bearer header.
 */
export interface McpClientConfig {
  client: string;
  file: string;
  json: string;
}

export function mcpClientConfigs(origin: string, token: string): McpClientConfig[] {
  const url = `${origin.replace(/\/$/, '')}/mcp`;
  const auth = `Bearer ${token}`;
  const show = (v: unknown) => JSON.stringify(v, null, 2);
  return [
    {
      client: 'Claude Desktop',
      file: 'claude_desktop_config.json (through the mcp-remote bridge)',
      json: show({
        mcpServers: {
          openpanel: {
            command: 'npx',
            // biome-ignore lint/suspicious/noTemplateCurlyInString: mcp-remote expands ${OPENPANEL_AUTH} from env
            args: ['-y', 'mcp-remote', url, '--header', 'Authorization:${OPENPANEL_AUTH}'],
            env: { OPENPANEL_AUTH: auth },
          },
        },
      }),
    },
    {
      client: 'Cursor',
      file: '~/.cursor/mcp.json or .cursor/mcp.json',
      json: show({ mcpServers: { openpanel: { url, headers: { Authorization: auth } } } }),
    },
    {
      client: 'VS Code',
      file: '.vscode/mcp.json',
      json: show({ servers: { openpanel: { type: 'http', url, headers: { Authorization: auth } } } }),
    },
  ];
}

import { useEffect, useState } from 'react';
import { api } from './client.ts';
import type { GetBody, ToolInfo } from './types.ts';

/**
 * The panel's tools (name, risk, description) as the server's registry lists them at
 * `GET /api/tools`. Fetched once per page load: the UI never keeps its own copy of the list.
 */
let cache: Promise<ToolInfo[]> | null = null;

function loadTools(): Promise<ToolInfo[]> {
  cache ??= api<GetBody<'/api/tools'>>('/api/tools').then(
    (r) => r.tools,
    (err: unknown) => {
      cache = null;
      throw err;
    },
  );
  return cache;
}

export function useTools(): Map<string, ToolInfo> | null {
  const [tools, setTools] = useState<Map<string, ToolInfo> | null>(null);
  useEffect(() => {
    let live = true;
    loadTools()
      .then((list) => live && setTools(new Map(list.map((t) => [t.name, t]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return tools;
}

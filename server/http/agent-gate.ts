import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import { isAgent } from '../auth/permissions.ts';
import { toolRouteTable } from '../routes/tool-routes.ts';
import { ENV_VALUE_PATH } from '../routes/env-value.ts';
import { pathMatcher } from './tool-route.ts';
import type { AppEnv } from './types.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes that pass the approval gate, where an agent's request becomes a pending action that a
 * person decides. Approve and reject refuse agents themselves (agent tokens never hold "approve").
 */
const gatePaths = [
  ...toolRouteTable.filter((r) => r.method !== 'get').map((r) => r.path),
  '/api/tools/{name}',
  '/api/chat',
  '/api/actions/{id}/approve',
  '/api/actions/{id}/reject',
];

/** Reads only a person may make, whatever scopes an agent token holds. */
const humanOnlyReads = [ENV_VALUE_PATH];

/**
 * Default deny for agents: an agent token may read, and may write only through the gate. Every
 * other write (accounts, tokens, settings, policies, uploads, …) needs a person, so a new route is
 * closed to agents unless it is added to the gate.
 */
export function agentGate(): MiddlewareHandler<AppEnv> {
  const viaGate = pathMatcher(gatePaths);
  const humanOnly = pathMatcher(humanOnlyReads);
  return async (c, next) => {
    const actor = c.get('actor');
    if (actor && isAgent(actor)) {
      const path = c.req.path;
      const refused = UNSAFE.has(c.req.method) ? !viaGate(path) : humanOnly(path);
      if (refused)
        throw new ApiError(
          'auth:forbidden',
          403,
          'Agent tokens cannot do this: a person has to, in the panel or with a human token. Agents change the panel through tools, which ask a person to approve.',
        );
    }
    return next();
  };
}

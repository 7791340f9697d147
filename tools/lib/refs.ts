import { z } from 'zod';
import { UUID_RE } from '../../server/services/names.ts';

/** Input fields shared by many tools, so every tool names things the same way. */

export const appRef = z.string().min(1).max(100).describe('App name or id, e.g. "api" (see list_apps)');

/** Checked here, not in the database: a malformed id would otherwise surface as a SQL error. */
export const deploymentId = z
  .string()
  .max(100)
  .refine((s) => UUID_RE.test(s), { error: 'expected a deployment id (a uuid) from deploy_app or list_deployments' })
  .describe('Deployment id (a uuid) as returned by deploy_app or list_deployments');

/** Quotes a name for a human line: `"api"`. */
export const q = (name: string) => JSON.stringify(name);

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

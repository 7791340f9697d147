/** Generates apps and their secrets through the services (the same code the REST API runs), in-process. */
import type { AppContext } from '../../server/context.ts';
import type { Caller } from '../../server/audit.ts';
import { SCOPES } from '../../server/auth/permissions.ts';
import { createApp } from '../../server/services/apps.ts';
import { setEnvVars } from '../../server/services/env-vars.ts';

export const benchCaller: Caller = { actor: { type: 'system', label: 'bench', scopes: [...SCOPES] } };

export async function seedApps(
  ctx: AppContext,
  opts: { count: number; secrets?: number; from?: number; prefix?: string },
): Promise<string[]> {
  const names: string[] = [];
  const from = opts.from ?? 0;
  for (let i = from; i < from + opts.count; i++) {
    const name = `${opts.prefix ?? 'bench'}-${String(i).padStart(4, '0')}`;
    const app = await createApp(ctx, benchCaller, {
      name,
      source: { type: 'image', image: 'busybox:latest' },
      port: 8080,
    } as Parameters<typeof createApp>[2]);
    if (opts.secrets) {
      const vars = Object.fromEntries(
        Array.from({ length: opts.secrets }, (_, k) => [
          `SECRET_${k}`,
          `s3cr3t-${name}-${k}-${Math.random().toString(36).slice(2)}`,
        ]),
      );
      await setEnvVars(ctx.db, ctx.secrets, benchCaller, app.id, { vars });
    }
    names.push(name);
  }
  return names;
}

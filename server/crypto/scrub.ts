import type { AppContext } from '../context.ts';
import { apps } from '../db/schema/apps.ts';
import { resolveEnv } from '../services/env-vars.ts';
import { listSettings, readSetting } from '../services/settings.ts';

/**
 * The second line of defence for secrets. Tools already return names, never values; this removes
 * every known secret value (app env values, secret settings, the panel's own keys) from whatever
 * is about to be sent to a model, so a value that slipped into a log line, a user message or a
 * tool result still never leaves the machine. Values are decrypted in memory for this only.
 */
export const REDACTED = '[redacted]';

/** Shorter values (1, true, 8080) would blank out ordinary words all over the conversation. */
const MIN_SECRET_LENGTH = 6;

export async function collectSecretValues(ctx: AppContext): Promise<string[]> {
  const found = new Set<string>();
  const add = (v: string | null | undefined) => {
    if (v && v.trim().length >= MIN_SECRET_LENGTH) found.add(v);
  };
  for (const { id } of await ctx.db.select({ id: apps.id }).from(apps)) {
    try {
      const { runtime, build } = await resolveEnv(ctx.db, ctx.secrets, id);
      Object.values(runtime).forEach(add);
      Object.values(build).forEach(add);
    } catch (err) {
      // A value sealed with another key cannot be scrubbed, but it cannot be read by tools either.
      ctx.logger.warn({ appId: id, err: (err as Error).message }, 'could not decrypt env vars for the secret scrubber');
    }
  }
  for (const s of await listSettings(ctx.db)) {
    if (s.secret && s.isSet) add(await readSetting(ctx.db, ctx.secrets, s.key).catch(() => null));
  }
  const { env } = ctx;
  [env.GOOGLE_GENERATIVE_AI_API_KEY, env.GROQ_API_KEY, env.OPENPANEL_SECRET_KEY, env.OPENPANEL_METRICS_TOKEN].forEach(
    add,
  );
  // Longest first, so a secret that contains another is replaced whole.
  return [...found].sort((a, b) => b.length - a.length);
}

export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** Every string at any depth; binary data and other objects are left as they are. */
export function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  if (!secrets.length) return value;
  if (typeof value === 'string') return scrubText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, secrets)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, secrets)])) as T;
  }
  return value;
}

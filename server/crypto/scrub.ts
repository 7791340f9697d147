import type { AppContext } from '../context.ts';
import type { Env } from '../env.ts';
import { apps } from '../db/schema/apps.ts';
import { deployKeyContext } from '../services/apps.ts';
import { resolveEnv } from '../services/env-vars.ts';
import { listSettings, readSetting } from '../services/settings.ts';
import { readVersion } from '../services/versions.ts';

/**
 * The one secret scrubber. Tools already return names, never values; this removes every known
 * secret value (app env values and deploy keys, secret settings, the panel's own keys) from whatever leaves the
 * panel or is stored in plain text: tool results, REST and SSE logs, MCP resources, deployment
 * log rows, chat messages and titles, prompts sent to a model. Values are decrypted in memory only.
 */
export const REDACTED = '[redacted]';

/** Shorter values (1, true, 8080) would blank out ordinary words all over the conversation. */
const MIN_SECRET_LENGTH = 6;

interface SecretCache {
  /** The 'secrets' version read before the values were collected. */
  version: number;
  stored: readonly string[];
  /** `stored` plus the process's own keys from `env`, longest first. */
  env: Env;
  values: readonly string[];
}

// Keyed by the event bus, which is one per process (createContext): tool runs spread the context
// into new objects ({ ...ctx, caller }), and they must share the cache.
const caches = new WeakMap<object, SecretCache>();
const loading = new WeakMap<object, { version: number; promise: Promise<readonly string[]> }>();

/**
 * Every known secret value, longest first. Decrypting every env var of every app costs ~0.2 ms a
 * value, so the values are kept per process and collected again only when the shared 'secrets'
 * version moved: one small read per call, and a change made by any process is seen by the next call.
 */
export async function collectSecretValues(ctx: AppContext): Promise<string[]> {
  // A copy: callers may add to their list, and the cached one is shared.
  return [...(await cachedSecretValues(ctx))];
}

/**
 * The shared list itself (read-only), for a caller that already read the 'secrets' version in the
 * same request (the gate reads all counters at once): saves a query per tool call.
 */
export async function cachedSecretValues(ctx: AppContext, knownVersion?: number): Promise<readonly string[]> {
  const version = knownVersion ?? (await readVersion(ctx.db, 'secrets'));
  const cached = caches.get(ctx.events);
  if (cached?.version === version) {
    if (cached.env !== ctx.env) caches.set(ctx.events, withEnv(cached.stored, version, ctx.env));
    return caches.get(ctx.events)!.values;
  }
  // Concurrent calls on a stale cache share one collection.
  const pending = loading.get(ctx.events);
  if (pending?.version === version) return withEnv(await pending.promise, version, ctx.env).values;
  const promise = collectStoredSecrets(ctx);
  loading.set(ctx.events, { version, promise });
  try {
    const stored = await promise;
    const entry = withEnv(stored, version, ctx.env);
    caches.set(ctx.events, entry);
    return entry.values;
  } finally {
    if (loading.get(ctx.events)?.promise === promise) loading.delete(ctx.events);
  }
}

async function collectStoredSecrets(ctx: AppContext): Promise<string[]> {
  const found: string[] = [];
  const rows = await ctx.db.select({ id: apps.id, deployKey: apps.deployKeyEncrypted }).from(apps);
  for (const { id, deployKey } of rows) {
    try {
      const { runtime, build } = await resolveEnv(ctx.db, ctx.secrets, id);
      found.push(...Object.values(runtime), ...Object.values(build));
      if (deployKey) found.push(...deployKeyParts(ctx.secrets.decrypt(deployKey, deployKeyContext(id))));
    } catch (err) {
      // A value sealed with another key cannot be scrubbed, but it cannot be read by tools either.
      ctx.logger.warn({ appId: id, err: (err as Error).message }, 'could not decrypt env vars for the secret scrubber');
    }
  }
  for (const s of await listSettings(ctx.db)) {
    if (!s.secret || !s.isSet) continue;
    const value = await readSetting(ctx.db, ctx.secrets, s.key).catch(() => null);
    if (value) found.push(value);
  }
  return found;
}

/**
 * A deploy key whole, and each line of its body: logs arrive line by line, so a key printed by a
 * build would never match whole. The BEGIN/END lines are public knowledge and stay readable.
 */
function deployKeyParts(key: string): string[] {
  return [key.trim(), ...key.split('\n').filter((line) => line.trim() && !line.startsWith('-----'))];
}

function withEnv(stored: readonly string[], version: number, env: Env): SecretCache {
  const own = [
    env.GOOGLE_GENERATIVE_AI_API_KEY,
    env.GROQ_API_KEY,
    env.OPENPANEL_SECRET_KEY,
    env.OPENPANEL_METRICS_TOKEN,
  ];
  return { version, stored, env, values: secretList([...stored, ...own]) };
}

/** Unique values long enough to scrub, longest first, so a secret that contains another is replaced whole. */
export function secretList(values: Iterable<string | null | undefined>): string[] {
  const found = new Set<string>();
  for (const v of values) if (v && v.trim().length >= MIN_SECRET_LENGTH) found.add(v);
  return [...found].sort((a, b) => b.length - a.length);
}

export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secretsIn(text, secrets)) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/** Below this many secrets, a search per secret is cheaper than indexing them. */
const INDEX_FROM = 16;
/** Secrets by their first MIN_SECRET_LENGTH characters, per list (the cached list is shared, so built once). */
const prefixIndexes = new WeakMap<readonly string[], Map<string, string[]>>();

function prefixIndex(secrets: readonly string[]): Map<string, string[]> {
  let index = prefixIndexes.get(secrets);
  if (!index) {
    index = new Map();
    for (const secret of secrets) {
      const key = secret.slice(0, MIN_SECRET_LENGTH);
      const list = index.get(key);
      if (list) list.push(secret);
      else index.set(key, [secret]);
    }
    prefixIndexes.set(secrets, index);
  }
  return index;
}

/**
 * The secrets that occur in `text`, in the list's order (longest first). With thousands of secrets
 * and many short strings (a tool's output), one pass over the text's positions replaces a search of
 * every string for every secret: the cost follows the text's length, not the number of secrets.
 */
function secretsIn(text: string, secrets: readonly string[]): readonly string[] {
  if (secrets.length < INDEX_FROM) return secrets;
  if (text.length < MIN_SECRET_LENGTH) return [];
  const index = prefixIndex(secrets);
  let found: Set<string> | undefined;
  for (let i = 0; i + MIN_SECRET_LENGTH <= text.length; i++) {
    const candidates = index.get(text.slice(i, i + MIN_SECRET_LENGTH));
    if (!candidates) continue;
    for (const secret of candidates) {
      if (!text.startsWith(secret, i)) continue;
      found ??= new Set();
      found.add(secret);
    }
  }
  return found ? secrets.filter((s) => found.has(s)) : [];
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

/**
 * The secret list for a live stream: the shared version is read at most every `everyMs`, not once a
 * line, so a chatty container is not a database query per line; a secret set while the stream is
 * open is masked within that interval. `now` is the clock (a test moves it by hand).
 */
export function liveSecrets(
  ctx: AppContext,
  everyMs = 250,
  now: () => number = Date.now,
): () => Promise<readonly string[]> {
  let values: readonly string[] | undefined;
  let checkedAt = 0;
  return async () => {
    if (values && now() - checkedAt < everyMs) return values;
    checkedAt = now();
    values = await cachedSecretValues(ctx);
    return values;
  };
}

/** Log lines ({ text } and anything else) with every known secret value masked. */
export async function scrubLines<T extends { text: string }>(ctx: AppContext, lines: T[]): Promise<T[]> {
  const secrets = await cachedSecretValues(ctx);
  if (!secrets.length) return lines;
  return lines.map((l) => {
    const text = scrubText(l.text, secrets);
    return text === l.text ? l : { ...l, text };
  });
}

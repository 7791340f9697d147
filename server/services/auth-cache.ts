import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { readVersion } from './versions.ts';

/**
 * Resolved tokens and sessions, kept per database handle and keyed by the credential's hash.
 * Every lookup first reads the shared 'auth' version (one primary-key read): any process that
 * revokes, logs out or changes a user bumps it, so the very next request anywhere sees the change.
 */
interface Entry {
  value: unknown;
  /** Epoch ms after which the credential is dead even without a bump (token or session expiry). */
  expiresAt: number | null;
}

interface AuthCache {
  version: number;
  entries: Map<string, Entry>;
  /** Token id → most recent use not yet written to api_tokens.last_used_at. */
  lastUsed: Map<string, Date>;
  flushTimer: NodeJS.Timeout | null;
}

/** Bounds memory when many distinct credentials are seen; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;
/** last_used_at is for people reading the token list, so a 30 s delay is fine and saves a write per request. */
const FLUSH_AFTER_MS = 30_000;

const caches = new WeakMap<Database, AuthCache>();

function cacheOf(db: Database): AuthCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { version: -1, entries: new Map(), lastUsed: new Map(), flushTimer: null };
    caches.set(db, cache);
  }
  return cache;
}

/**
 * Returns the cached value for `key`, or loads it. Only found credentials are cached (a new one
 * needs no bump), and only when no bump arrived while loading.
 */
export async function cachedAuth<T>(
  db: Database,
  key: string,
  load: () => Promise<T | undefined>,
  expiresAt: (value: T) => Date | null,
  /** The 'auth' counter when the caller already read it for this request. */
  knownVersion?: number,
): Promise<T | undefined> {
  const cache = cacheOf(db);
  const version = knownVersion ?? (await readVersion(db, 'auth'));
  if (version !== cache.version) {
    cache.entries.clear();
    cache.version = version;
  }
  const hit = cache.entries.get(key);
  if (hit) {
    if (hit.expiresAt === null || hit.expiresAt > Date.now()) return hit.value as T;
    cache.entries.delete(key);
  }
  const value = await load();
  if (value !== undefined && cache.version === version) {
    if (cache.entries.size >= MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
    cache.entries.set(key, { value, expiresAt: expiresAt(value)?.getTime() ?? null });
  }
  return value;
}

/** Notes a token use; written in one batch later (flushTokenUsage), not on the request path. */
export function noteTokenUse(db: Database, tokenId: string, at = new Date()): void {
  const cache = cacheOf(db);
  cache.lastUsed.set(tokenId, at);
  if (!cache.flushTimer) {
    cache.flushTimer = setTimeout(() => void flushTokenUsage(db).catch(() => {}), FLUSH_AFTER_MS);
    cache.flushTimer.unref();
  }
}

/**
 * Writes pending last_used_at values in one statement. `greatest` keeps the newest time whatever
 * order processes flush in. Called by the timer and when the context closes.
 */
export async function flushTokenUsage(db: Database): Promise<void> {
  const cache = caches.get(db);
  if (!cache) return;
  if (cache.flushTimer) clearTimeout(cache.flushTimer);
  cache.flushTimer = null;
  if (!cache.lastUsed.size) return;
  const pending = [...cache.lastUsed];
  cache.lastUsed.clear();
  const ids = `{${pending.map(([id]) => id).join(',')}}`;
  const times = `{${pending.map(([, at]) => `"${at.toISOString()}"`).join(',')}}`;
  await db.execute(sql`
    update api_tokens as t set last_used_at = greatest(t.last_used_at, u.at)
    from unnest(${ids}::uuid[], ${times}::timestamptz[]) as u(id, at)
    where t.id = u.id`);
}

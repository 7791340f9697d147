import type { AppContext } from '../context.ts';
import { createProxyDriver, proxySettings, type ProxyDriver, type ProxySettings } from './driver.ts';
import { serverAddresses, systemResolver, type DnsResolver } from './dns-check.ts';

/**
 * Per-panel domain state: the proxy driver, the DNS resolver and per-app locks. Kept beside the
 * context (not in it) and created on first use from `ctx.env`; tests inject a resolver or driver.
 */
export interface DomainRuntime {
  settings: ProxySettings;
  driver: ProxyDriver | null;
  resolver: DnsResolver;
  serverAddresses: string[];
  /** Applies for one app run one after another, so an older state never lands after a newer one. */
  locks: Map<string, Promise<unknown>>;
}

// Keyed by the panel's event bus: tool runs spread the context into a new object ({ ...ctx, caller }),
// the bus inside stays the same.
const runtimes = new WeakMap<AppContext['events'], DomainRuntime>();

export interface DomainOptions {
  resolver?: DnsResolver;
  driver?: ProxyDriver | null;
  serverAddresses?: string[];
  /** Overrides of what OPENPANEL_PROXY_UPSTREAM / OPENPANEL_PROXY_CONTAINER say. */
  settings?: Partial<ProxySettings>;
}

export function configureDomains(ctx: AppContext, opts: DomainOptions = {}): DomainRuntime {
  const runtime: DomainRuntime = {
    settings: { ...proxySettings(ctx.env), ...opts.settings },
    driver: opts.driver !== undefined ? opts.driver : createProxyDriver(ctx.env),
    resolver: opts.resolver ?? systemResolver(),
    serverAddresses: opts.serverAddresses ?? serverAddresses(ctx.env.OPENPANEL_PUBLIC_IP),
    locks: runtimes.get(ctx.events)?.locks ?? new Map(),
  };
  runtimes.set(ctx.events, runtime);
  return runtime;
}

export function domainRuntime(ctx: AppContext): DomainRuntime {
  return runtimes.get(ctx.events) ?? configureDomains(ctx);
}

export function withAppLock<T>(runtime: DomainRuntime, appId: string, run: () => Promise<T>): Promise<T> {
  const previous = runtime.locks.get(appId) ?? Promise.resolve();
  const next = previous.then(run, run);
  const settled = next.catch(() => undefined);
  runtime.locks.set(appId, settled);
  void settled.then(() => {
    if (runtime.locks.get(appId) === settled) runtime.locks.delete(appId);
  });
  return next;
}

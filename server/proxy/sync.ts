import type { AppContext } from '../context.ts';
import { APP_SWITCHED, type AppSwitchedEvent } from '../deploy/switch.ts';
import { LABELS } from '../engine/index.ts';
import { applyAllRoutes, applyAppRoutes, type ProxyOutcome } from './apply.ts';
import { configureDomains, type DomainOptions } from './runtime.ts';

export interface DomainSync {
  /** Start-up reconciliation: every stored domain applied, routes of vanished apps removed. */
  first: Promise<{ applied: Record<string, ProxyOutcome>; pruned: string[] }>;
  stop(): void;
}

const RECONNECT_MS = 5_000;
const DEBOUNCE_MS = 250;

/**
 * Keeps the proxy following apps: after every deployment and rollback (APP_SWITCHED), and when a
 * managed container starts or is removed outside a deployment (start_app, an engine restart, a
 * deleted app), the app's routes are applied again. Ip upstreams need the latter: a container
 * that starts again may get a new address. Call once at start-up.
 */
export function startDomainSync(ctx: AppContext, opts: DomainOptions = {}): DomainSync {
  const runtime = configureDomains(ctx, opts);
  if (!runtime.driver) {
    ctx.logger.info('domains: no proxy configured (OPENPANEL_PROXY=none) — domains are stored, not routed');
    return { first: Promise.resolve({ applied: {}, pruned: [] }), stop: () => {} };
  }
  ctx.logger.info(`domains: routes go to ${runtime.driver.describe()} (upstreams by ${runtime.settings.upstream})`);
  const report = (appId: string, why: string) =>
    void applyAppRoutes(ctx, appId).then((outcome) => {
      if (outcome.status === 'failed') ctx.logger.warn({ appId, why, note: outcome.note }, 'domain routes not applied');
      else ctx.logger.debug({ appId, why, status: outcome.status }, 'domain routes applied');
    });

  const onSwitch = (event: AppSwitchedEvent) => report(event.appId, 'switched');
  ctx.events.on(APP_SWITCHED, onSwitch);

  const timers = new Map<string, NodeJS.Timeout>();
  const engine = watchEngine(ctx, (appId) => {
    clearTimeout(timers.get(appId));
    timers.set(
      appId,
      setTimeout(() => {
        timers.delete(appId);
        report(appId, 'container event');
      }, DEBOUNCE_MS),
    );
  });

  const first = applyAllRoutes(ctx);
  first.then(
    ({ applied, pruned }) =>
      ctx.logger.info({ apps: Object.keys(applied).length, pruned: pruned.length }, 'domains: routes reconciled'),
    (err) => ctx.logger.warn({ err: (err as Error).message }, 'domains: start-up reconciliation failed'),
  );
  return {
    first,
    stop: () => {
      ctx.events.off(APP_SWITCHED, onSwitch);
      engine.stop();
      for (const t of timers.values()) clearTimeout(t);
    },
  };
}

/** Follows the engine's container start/destroy events for managed containers; reconnects if the engine goes away. */
function watchEngine(ctx: AppContext, onApp: (appId: string) => void): { stop(): void } {
  let stopped = false;
  let stream: NodeJS.ReadableStream | undefined;
  let retry: NodeJS.Timeout | undefined;
  let connections = 0;

  const connect = async () => {
    if (stopped) return;
    try {
      const s = await ctx.docker.getEvents({
        filters: { type: ['container'], event: ['start', 'destroy'], label: [`${LABELS.managed}=true`] },
      });
      if (stopped) return void (s as unknown as { destroy(): void }).destroy();
      stream = s;
      // Events missed while disconnected: apply everything again once back.
      if (connections++ > 0) void applyAllRoutes(ctx).catch(() => {});
      let buffered = '';
      s.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          try {
            const appId = (JSON.parse(line) as { Actor?: { Attributes?: Record<string, string> } }).Actor?.Attributes?.[
              LABELS.app
            ];
            if (appId) onApp(appId);
          } catch {
            // Not an event line; ignore it.
          }
        }
      });
      const again = () => {
        if (!stopped && stream === s) schedule();
      };
      s.on('end', again);
      s.on('error', again);
    } catch {
      schedule();
    }
  };
  const schedule = () => {
    stream = undefined;
    retry = setTimeout(() => void connect(), RECONNECT_MS);
    retry.unref();
  };
  void connect();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(retry);
      (stream as unknown as { destroy?: () => void } | undefined)?.destroy?.();
    },
  };
}

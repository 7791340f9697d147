import type { AppContext } from '../context.ts';
import type { ResolvedProvider } from './config.ts';

/**
 * A per-provider cap on calls in flight and calls started per minute. A provider at its cap is
 * skipped like one that answered 429, so the chain moves on instead of queueing behind it; free
 * tiers (Gemini, Groq) rate-limit hard and a local Ollama serves one request at a time well.
 */
export class ProviderLimiter {
  #inFlight = 0;
  #starts: number[] = [];

  constructor(
    readonly concurrency: number,
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** A release function when there is room, otherwise the reason there is none. */
  tryAcquire(): { release: () => void } | { refused: string } {
    const cutoff = this.now() - 60_000;
    while (this.#starts.length && this.#starts[0]! <= cutoff) this.#starts.shift();
    if (this.#inFlight >= this.concurrency) return { refused: `at its limit of ${this.concurrency} calls in flight` };
    if (this.#starts.length >= this.perMinute) return { refused: `at its limit of ${this.perMinute} calls per minute` };
    this.#inFlight++;
    this.#starts.push(this.now());
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.#inFlight--;
      },
    };
  }

  get usage() {
    const cutoff = this.now() - 60_000;
    return { inFlight: this.#inFlight, lastMinute: this.#starts.filter((t) => t > cutoff).length };
  }
}

/** Limiters live as long as the panel's context, so every request and test panel has its own. */
const limiters = new WeakMap<AppContext, Map<string, ProviderLimiter>>();

export function limiterFor(ctx: AppContext, p: Pick<ResolvedProvider, 'name' | 'limits'>): ProviderLimiter {
  let byName = limiters.get(ctx);
  if (!byName) {
    byName = new Map();
    limiters.set(ctx, byName);
  }
  const existing = byName.get(p.name);
  if (existing && existing.concurrency === p.limits.concurrency && existing.perMinute === p.limits.perMinute)
    return existing;
  const created = new ProviderLimiter(p.limits.concurrency, p.limits.perMinute);
  byName.set(p.name, created);
  return created;
}

export function limiterUsage(ctx: AppContext, name: string) {
  return limiters.get(ctx)?.get(name)?.usage ?? { inFlight: 0, lastMinute: 0 };
}

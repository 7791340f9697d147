import { rateLimiter } from 'hono-rate-limiter';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './types.ts';

/**
 * A fixed-window limiter keyed by client address. Each call makes its own store, so login,
 * setup and token creation are counted apart.
 */
export function limitPerClient(name: string, limit: number, windowSeconds: number): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: windowSeconds * 1000,
    limit,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => `${name}:${c.get('clientIp')}`,
    handler: () => {
      throw new ApiError(
        'rate_limit:exceeded',
        429,
        `Too many ${name} attempts from this address. Wait ${Math.ceil(windowSeconds / 60)} minutes and try again.`,
      );
    },
  });
}

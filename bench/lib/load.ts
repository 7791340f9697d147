/** HTTP load with autocannon, against 127.0.0.1 only: a bounded count at fixed concurrency, or a fixed offered rate. */
import autocannon from 'autocannon';
import { round } from './common.ts';

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'PUT' | 'POST';
  headers?: Record<string, string>;
  /** A fresh body per request (writes differ each time, like real ones). */
  body?: () => string;
  connections?: number;
  /** Closed loop: this many requests as fast as `connections` allow. */
  amount?: number;
  /** Open loop: this rate offered (req/s) for `seconds`. */
  rate?: number;
  seconds?: number;
}

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationS: number;
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const u = new URL(spec.url);
  if (u.hostname !== '127.0.0.1') throw new Error(`load only targets 127.0.0.1, not ${u.hostname}`);
  const headers = { ...spec.headers, ...(spec.body ? { 'content-type': 'application/json' } : {}) };
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections ?? 10,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.seconds ?? 3 }),
    ...(spec.rate ? { overallRate: spec.rate } : {}),
    timeout: 10,
    requests: [
      {
        method: spec.method ?? 'GET',
        headers,
        ...(spec.body ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: spec.body!() }) } : {}),
      },
    ],
  });
  return {
    requests: result.requests.total,
    reqPerSec: round(result.requests.total / result.duration, 1),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationS: round(result.duration, 2),
  };
}

export const describeLoad = (r: LoadResult) =>
  `${String(r.reqPerSec).padStart(8)} req/s  p50 ${String(r.p50Ms).padStart(6)} ms  p99 ${String(r.p99Ms).padStart(6)} ms  (${r.requests} req in ${r.durationS} s${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ''})`;

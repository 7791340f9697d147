/** The requests bench:api measures (and bench:memory replays as "the load"), the same on the panel and the baseline. */
import type { LoadSpec } from './load.ts';

export interface Scenario {
  name: string;
  spec(base: string, token: string): Omit<LoadSpec, 'amount' | 'rate' | 'seconds' | 'connections'>;
  /** Closed-loop request count at 10 connections (writes are slower and leave rows behind). */
  amount: number;
}

let n = 0;
/** A different value each time, so no write is a no-op. */
const envBody = () => JSON.stringify({ vars: { BENCH_VALUE: `v${++n}-${Date.now()}` } });

export const SCENARIOS: Scenario[] = [
  {
    name: 'GET /api/apps',
    amount: 1000,
    spec: (base, token) => ({ url: `${base}/api/apps`, headers: { authorization: `Bearer ${token}` } }),
  },
  { name: 'GET /api/health', amount: 3000, spec: (base) => ({ url: `${base}/api/health` }) },
  {
    name: 'PUT /api/apps/{app}/env',
    amount: 300,
    spec: (base, token) => ({
      url: `${base}/api/apps/bench-0000/env`,
      method: 'PUT',
      headers: { authorization: `Bearer ${token}` },
      body: envBody,
    }),
  },
];

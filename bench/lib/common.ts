/**
 * What every benchmark shares: the machine's load, percentiles, targets printed as PASS/MISS,
 * and one JSON result per bench in bench/results/ (gitignored).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'results');

export interface Machine {
  cores: number;
  loadavg: number[];
  node: string;
  platform: string;
  at: string;
}

export function machine(): Machine {
  return {
    cores: os.cpus().length,
    loadavg: os.loadavg().map((l) => Number(l.toFixed(2))),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    at: new Date().toISOString(),
  };
}

export const describeMachine = (m: Machine) =>
  `${m.cores} cores, load ${m.loadavg.join(' / ')} (1/5/15 min), node ${m.node}`;

/** Nearest-rank percentile; `p` in 0–100. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export interface Check {
  name: string;
  measured: number;
  unit: string;
  target: string;
  pass: boolean;
}

/** One of the issue's targets next to what was measured; honest about a miss. */
export function check(
  name: string,
  measured: number,
  unit: string,
  op: '<=' | '>=' | '<',
  limit: number,
  limitText = `${limit} ${unit}`,
): Check {
  const pass =
    Number.isFinite(measured) && (op === '<=' ? measured <= limit : op === '<' ? measured < limit : measured >= limit);
  return {
    name,
    measured: round(measured),
    unit,
    target: `${op.replace('<=', '≤').replace('>=', '≥')} ${limitText}`,
    pass,
  };
}

function printChecks(checks: Check[]): void {
  console.log('\ntargets (issue 20)');
  const width = Math.max(...checks.map((c) => c.name.length), 10);
  for (const c of checks)
    console.log(
      `  ${c.pass ? 'PASS' : 'MISS'}  ${c.name.padEnd(width)}  ${`${c.measured} ${c.unit}`.padStart(14)}  target ${c.target}`,
    );
}

export interface BenchResult {
  bench: string;
  machine: { before: Machine; after: Machine };
  durationMs: number;
  checks: Check[];
  /** Bench-specific measurements, ratios and notes. */
  data: Record<string, unknown>;
}

export type BenchBody = (log: (line: string) => void) => Promise<{ checks: Check[]; data: Record<string, unknown> }>;

/**
 * Runs one bench: prints the load before, runs, prints targets and the load after, writes
 * bench/results/<name>.json. Exits 0 whatever the targets say; non-zero only when the bench itself fails.
 */
export function runBench(name: string, title: string, body: BenchBody): void {
  const before = machine();
  const t0 = performance.now();
  console.log(`\n== ${name}: ${title}\nmachine: ${describeMachine(before)}`);
  body((line) => console.log(line)).then(
    ({ checks, data }) => {
      const after = machine();
      printChecks(checks);
      console.log(`\nmachine after: ${describeMachine(after)}`);
      const result: BenchResult = {
        bench: name,
        machine: { before, after },
        durationMs: Math.round(performance.now() - t0),
        checks,
        data,
      };
      fs.mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${name}.json`);
      fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
      console.log(`result: ${path.relative(process.cwd(), file)}`);
      process.exit(0);
    },
    (err: unknown) => {
      console.error(`\n${name} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exit(1);
    },
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const ratio = (a: number, b: number) => (b ? round(a / b, 3) : NaN);

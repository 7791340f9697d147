/**
 * `npm run bench`: every benchmark in turn (each its own process, so none inherits another's heap),
 * then bench/results/report.json and report.md from their JSON results. A bench that fails is
 * reported as failed and the rest still run.
 *
 *   npm run bench [-- api memory]   (names to run only some)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describeMachine, machine, RESULTS_DIR, type BenchResult } from './lib/common.ts';
import { ROOT } from './lib/processes.ts';

const BENCHES = ['api', 'memory', 'start', 'tools', 'chat', 'logs', 'retrieval', 'deploy'] as const;

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = only.length ? BENCHES.filter((b) => only.includes(b)) : BENCHES;
fs.mkdirSync(RESULTS_DIR, { recursive: true });
const started = machine();
const runs: { bench: string; exitCode: number | null; seconds: number }[] = [];
for (const bench of selected) {
  const t0 = performance.now();
  // bench:deploy predates the JSON results; its table is in the log.
  const log = fs.openSync(path.join(RESULTS_DIR, `${bench}.log`), 'w');
  const r = spawnSync('npm', ['run', '--silent', `bench:${bench}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  fs.writeSync(log, r.stdout ?? '');
  fs.writeSync(log, r.stderr ?? '');
  fs.closeSync(log);
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  runs.push({ bench, exitCode: r.status, seconds: Math.round((performance.now() - t0) / 100) / 10 });
}

const results = Object.fromEntries(
  selected.flatMap((b) => {
    const file = path.join(RESULTS_DIR, `${b}.json`);
    return fs.existsSync(file) ? [[b, JSON.parse(fs.readFileSync(file, 'utf8')) as BenchResult]] : [];
  }),
);
const report = { started, finished: machine(), runs, results };
fs.writeFileSync(path.join(RESULTS_DIR, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);

const md = [
  '# OpenPanel benchmarks',
  '',
  `Started ${started.at} on ${describeMachine(started)}; finished on ${describeMachine(report.finished)}.`,
  '',
  '| bench | target | measured | result | exit | time (s) |',
  '| --- | --- | --- | --- | --- | --- |',
];
for (const run of runs) {
  const checks = results[run.bench]?.checks ?? [];
  if (!checks.length) md.push(`| ${run.bench} | (see ${run.bench}.log) | | | ${run.exitCode} | ${run.seconds} |`);
  for (const c of checks)
    md.push(
      `| ${run.bench} | ${c.name} ${c.target} | ${c.measured} ${c.unit} | ${c.pass ? 'PASS' : 'MISS'} | ${run.exitCode} | ${run.seconds} |`,
    );
}
fs.writeFileSync(path.join(RESULTS_DIR, 'report.md'), `${md.join('\n')}\n`);
console.log(`\n${md.join('\n')}\n\nreport: bench/results/report.json, bench/results/report.md`);
process.exit(runs.some((r) => r.exitCode !== 0) ? 1 : 0);

import type { ScenarioResult } from './suite.ts';

/** C(n, k) as a float; exact enough for the run counts evals use. */
function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

/** The unbiased estimator of pass@k from n runs with c passes: 1 - C(n-c, k) / C(n, k). */
export function passAtK(n: number, c: number, k: number): number {
  if (k < 1 || k > n) throw new Error(`pass@k needs 1 <= k <= n (k=${k}, n=${n})`);
  if (n - c < k) return 1;
  return 1 - choose(n - c, k) / choose(n, k);
}

interface ScenarioSummary {
  id: string;
  category: string;
  n: number;
  c: number;
  passAt1: number;
  passAtK: number;
  meanMs: number;
  /** Failures of the first failing run, to read what went wrong. */
  failures: string[];
}

interface GroupSummary {
  scenarios: number;
  passAt1: number;
  passAtK: number;
}

export interface Report {
  provider: string;
  k: number;
  repeat: number;
  startedAt: string;
  totalMs: number;
  overall: GroupSummary;
  categories: Record<string, GroupSummary>;
  scenarios: ScenarioSummary[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function group(list: ScenarioSummary[]): GroupSummary {
  return {
    scenarios: list.length,
    passAt1: mean(list.map((s) => s.passAt1)),
    passAtK: mean(list.map((s) => s.passAtK)),
  };
}

export function summarize(
  results: ScenarioResult[],
  opts: { provider: string; repeat: number; k: number; startedAt: Date; totalMs: number },
): Report {
  const scenarios = results.map((r): ScenarioSummary => {
    const n = r.runs.length;
    const c = r.runs.filter((run) => run.grade.pass).length;
    return {
      id: r.id,
      category: r.category,
      n,
      c,
      passAt1: n ? c / n : 0,
      passAtK: n ? passAtK(n, c, Math.min(opts.k, n)) : 0,
      meanMs: Math.round(mean(r.runs.map((run) => run.ms))),
      failures: r.runs.find((run) => !run.grade.pass)?.grade.failures ?? [],
    };
  });
  const categories = Object.fromEntries(
    [...new Set(scenarios.map((s) => s.category))]
      .sort()
      .map((cat) => [cat, group(scenarios.filter((s) => s.category === cat))]),
  );
  return {
    provider: opts.provider,
    k: opts.k,
    repeat: opts.repeat,
    startedAt: opts.startedAt.toISOString(),
    totalMs: Math.round(opts.totalMs),
    overall: group(scenarios),
    categories,
    scenarios,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The summary (categories and failures); with perScenario, a row for every scenario too. */
export function toMarkdown(r: Report, opts: { perScenario?: boolean } = {}): string {
  // With k = 1 the pass@k column would repeat pass@1.
  const row = (cells: string[], g: GroupSummary) =>
    `| ${[...cells, pct(g.passAt1), ...(r.k > 1 ? [pct(g.passAtK)] : [])].join(' | ')} |`;
  const lines = [
    `# Evals: provider \`${r.provider}\``,
    '',
    `${r.overall.scenarios} scenarios × ${r.repeat} run${r.repeat === 1 ? '' : 's'}, ${(r.totalMs / 1000).toFixed(1)} s, started ${r.startedAt}.`,
    '',
    `| category | scenarios | pass@1 |${r.k > 1 ? ` pass@${r.k} |` : ''}`,
    `| --- | ---: | ---: |${r.k > 1 ? ' ---: |' : ''}`,
    ...Object.entries(r.categories).map(([cat, g]) => row([cat, String(g.scenarios)], g)),
    row(['**all**', `**${r.overall.scenarios}**`], r.overall),
  ];
  const failing = r.scenarios.filter((s) => s.c < s.n);
  if (failing.length) {
    lines.push(
      '',
      '## Failing scenarios',
      '',
      '| scenario | category | passed | first failure |',
      '| --- | --- | ---: | --- |',
    );
    for (const s of failing)
      lines.push(
        `| ${s.id} | ${s.category} | ${s.c}/${s.n} | ${(s.failures[0] ?? '').replaceAll('|', '\\|').slice(0, 200)} |`,
      );
  }
  if (opts.perScenario) {
    lines.push(
      '',
      '## Scenarios',
      '',
      `| scenario | category | passed | pass@1 |${r.k > 1 ? ` pass@${r.k} |` : ''} mean ms |`,
      `| --- | --- | ---: | ---: |${r.k > 1 ? ' ---: |' : ''} ---: |`,
    );
    for (const s of r.scenarios)
      lines.push(
        `| ${s.id} | ${s.category} | ${s.c}/${s.n} | ${pct(s.passAt1)} |${r.k > 1 ? ` ${pct(s.passAtK)} |` : ''} ${s.meanMs} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}

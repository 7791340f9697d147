/** Per-iteration results and the summary table the deploy benchmark prints. */

export interface Sample {
  totalMs: number;
  /** Where the time went, in order; each side names its own phases. */
  phases: Record<string, number>;
}

export interface Iteration {
  n: number;
  panel: Sample;
  raw: Sample;
}

export const GOAL_RATIO = 1.15;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const row = (cells: string[], widths: number[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

export function formatReport(iterations: Iteration[]): string {
  const panel = iterations.map((it) => it.panel.totalMs);
  const raw = iterations.map((it) => it.raw.totalMs);
  const widths = [10, 10, 10, 8];
  const lines = [row(['iteration', 'panel (s)', 'raw (s)', 'ratio'], widths)];
  for (const it of iterations)
    lines.push(
      row(
        [String(it.n), seconds(it.panel.totalMs), seconds(it.raw.totalMs), ratio(it.panel.totalMs, it.raw.totalMs)],
        widths,
      ),
    );
  lines.push(row(['median', seconds(median(panel)), seconds(median(raw)), ratio(median(panel), median(raw))], widths));
  lines.push(row(['mean', seconds(mean(panel)), seconds(mean(raw)), ratio(mean(panel), mean(raw))], widths));

  lines.push('', 'where the time goes (median per phase, seconds)');
  const phaseNames = [
    ...new Set(iterations.flatMap((it) => [...Object.keys(it.panel.phases), ...Object.keys(it.raw.phases)])),
  ];
  const phaseMedian = (side: 'panel' | 'raw', name: string) => {
    const values = iterations.map((it) => it[side].phases[name]).filter((v): v is number => v !== undefined);
    return values.length ? seconds(median(values)) : '-';
  };
  const phaseWidths = [10, 10, 10];
  lines.push(row(['phase', 'panel', 'raw'], phaseWidths));
  for (const name of phaseNames)
    lines.push(row([name, phaseMedian('panel', name), phaseMedian('raw', name)], phaseWidths));

  // Each pair ran back to back, so its ratio is less sensitive to load that changes during the run.
  const pairRatios = iterations.map((it) => it.panel.totalMs / it.raw.totalMs);
  lines.push(
    '',
    `median of per-iteration ratios: ${median(pairRatios).toFixed(2)}x (min ${Math.min(...pairRatios).toFixed(2)}x, max ${Math.max(...pairRatios).toFixed(2)}x)`,
  );
  lines.push(`deploy overhead: ${ratio(median(panel), median(raw))} (goal ≤ ${GOAL_RATIO.toFixed(2)}x)`);
  return lines.join('\n');
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listActions } from '../server/approvals/store.ts';
import { approveAction } from '../server/approvals/decide.ts';
import type { TestPanel } from '../server/test/harness.ts';
import { gradeTranscript, type Grade, type Transcript } from './grade.ts';
import { ScenarioFile, turnsOf, type Scenario } from './schema.ts';
import { fill, RepoCache, seedState } from './seed.ts';
import type { Provider } from './providers/types.ts';

const SCENARIO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios');

/** Every scenario file, validated; a bad file or a duplicate id fails with its name. */
export function loadScenarios(dir = SCENARIO_DIR): Scenario[] {
  const all: Scenario[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = ScenarioFile.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success)
      throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    all.push(...parsed.data);
  }
  const seen = new Set<string>();
  for (const s of all) {
    if (seen.has(s.id)) throw new Error(`duplicate scenario id ${s.id}`);
    seen.add(s.id);
  }
  return all;
}

export interface RunRecord {
  grade: Grade;
  transcript: Transcript;
  ms: number;
}

export interface ScenarioResult {
  id: string;
  category: string;
  runs: RunRecord[];
}

export interface SuiteOptions {
  provider: Provider;
  repeat: number;
  category?: string;
  /** Only these ids (for focused runs and tests). */
  ids?: string[];
  onResult?: (r: ScenarioResult) => void;
}

/** Approves every pending action as the owner, so the scenario's writes really run. */
async function approveAll(
  panel: TestPanel,
  caller: Parameters<typeof approveAction>[1],
  t: { extraOutputs: string[] },
): Promise<void> {
  for (const a of await listActions(panel.ctx, { status: 'pending', limit: 50 })) {
    const view = await approveAction(panel.ctx, caller, a.id);
    t.extraOutputs.push(`${view.summary}: ${view.status}`);
  }
}

/** One run: reset, seed, converse, grade. A crash is a failed run with the error, not a thrown suite. */
export async function runScenario(
  panel: TestPanel,
  provider: Provider,
  scenario: Scenario,
  repos: RepoCache,
): Promise<RunRecord> {
  const started = performance.now();
  const approvals = { extraOutputs: [] as string[] };
  let transcript: Transcript = { calls: [], replies: [], extraOutputs: [] };
  let secrets: string[] = [];
  try {
    await panel.reset();
    const caller = await provider.owner(panel);
    const seeded = await seedState(panel.ctx, caller, scenario, repos);
    secrets = seeded.secrets;
    transcript = await provider.run({
      panel,
      caller,
      scenario,
      turns: fill(turnsOf(scenario), seeded.vars),
      script: scenario.script && fill(scenario.script, seeded.vars),
      afterTurn: () => (scenario.approvePending ? approveAll(panel, caller, approvals) : Promise.resolve()),
    });
    const filled = { ...scenario, expect: fill(scenario.expect, seeded.vars) };
    transcript.extraOutputs.push(...approvals.extraOutputs);
    return { grade: gradeTranscript(filled, transcript, secrets), transcript, ms: performance.now() - started };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      grade: { pass: false, failures: [`run crashed: ${message}`] },
      transcript,
      ms: performance.now() - started,
    };
  }
}

export async function runSuite(panel: TestPanel, scenarios: Scenario[], opts: SuiteOptions): Promise<ScenarioResult[]> {
  const chosen = scenarios.filter(
    (s) =>
      opts.provider.handles(s) &&
      (!opts.category || s.category === opts.category) &&
      (!opts.ids || opts.ids.includes(s.id)),
  );
  const repos = new RepoCache();
  const results: ScenarioResult[] = [];
  try {
    for (const scenario of chosen) {
      const runs: RunRecord[] = [];
      for (let i = 0; i < opts.repeat; i++) runs.push(await runScenario(panel, opts.provider, scenario, repos));
      const result = { id: scenario.id, category: scenario.category, runs };
      results.push(result);
      opts.onResult?.(result);
    }
  } finally {
    repos.cleanup();
  }
  return results;
}

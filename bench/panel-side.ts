import { once } from 'node:events';
import type { Client, TestPanel } from '../server/test/harness.ts';
import { statusEvent } from '../server/deploy/log-writer.ts';
import type { Sample } from './report.ts';

/** One deploy through the REST API, timed from the POST until the deployment reads `running`. */

const TERMINAL = new Set(['running', 'failed', 'cancelled']);
/** Fallback poll; the status event normally wakes the poll at once, so the bench adds no polling delay. */
const POLL_MS = 200;

interface LogLine {
  stream: 'stdout' | 'stderr' | 'system';
  text: string;
  at: string;
}

export async function deployThroughPanel(
  panel: TestPanel,
  client: Client,
  app: string,
  buildArg: string,
): Promise<Sample> {
  // Not timed: a new build arg so the build cache is invalidated exactly as on the raw side.
  const patch = await client.patch(`/api/apps/${app}`, { buildArgs: { ITERATION: buildArg } });
  if (patch.status !== 200) throw new Error(`PATCH ${app} failed: ${patch.status} ${await patch.text()}`);

  const t0 = Date.now();
  const res = await client.post(`/api/apps/${app}/deploy`);
  if (res.status !== 202) throw new Error(`deploy ${app} failed: ${res.status} ${await res.text()}`);
  const { deployment } = (await res.json()) as { deployment: { id: string } };
  const id = deployment.id;
  let last: Record<string, string | null>;
  for (;;) {
    // Listen before reading, so a change during the read wakes the next one.
    const changed = once(panel.ctx.events, statusEvent(id), { signal: AbortSignal.timeout(POLL_MS) }).catch(
      () => undefined,
    );
    // GET /api/deployments/{id} answers { deployment } since REST is derived from the tools.
    const body = (await (await client.get(`/api/deployments/${id}`)).json()) as {
      deployment?: Record<string, string | null>;
    };
    last = body.deployment ?? (body as Record<string, string | null>);
    if (TERMINAL.has(last.status ?? '')) break;
    await changed;
  }
  const t1 = Date.now();

  const lines = ((await (await client.get(`/api/deployments/${id}/logs`)).json()) as { lines: LogLine[] }).lines;
  if (last.status !== 'running') {
    throw new Error(
      `deployment ${id} ended ${last.status}: ${last.error}\n${lines.map((l) => `  ${l.text}`).join('\n')}`,
    );
  }
  return { totalMs: t1 - t0, phases: phasesFromLog(t0, t1, last, lines) };
}

/**
 * Phases from the deployment's own timestamps and log lines:
 * queue (POST → job claimed), fetch (claim → "Building", i.e. clone and context setup),
 * build (→ last build output line), start (→ "Started container"), healthy (→ switched to
 * running, including the health check and the switch), observe (→ this poll saw it).
 */
function phasesFromLog(
  t0: number,
  t1: number,
  deployment: Record<string, string | null>,
  lines: LogLine[],
): Record<string, number> {
  const at = (l: LogLine | undefined) => (l ? Date.parse(l.at) : NaN);
  const startedAt = Date.parse(deployment.startedAt ?? '');
  const finishedAt = Date.parse(deployment.finishedAt ?? '');
  const buildingIdx = lines.findIndex((l) => l.stream === 'system' && l.text.startsWith('Building '));
  const startedIdx = lines.findIndex((l) => l.stream === 'system' && l.text.startsWith('Started container '));
  const lastBuildLine = lines
    .slice(buildingIdx + 1, startedIdx)
    .filter((l) => l.stream !== 'system')
    .at(-1);
  const marks = [t0, startedAt, at(lines[buildingIdx]), at(lastBuildLine), at(lines[startedIdx]), finishedAt, t1];
  if (marks.some(Number.isNaN)) return {};
  const names = ['queue', 'fetch', 'build', 'start', 'healthy', 'observe'];
  return Object.fromEntries(names.map((name, i) => [name, marks[i + 1]! - marks[i]!]));
}

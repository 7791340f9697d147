import { once } from 'node:events';
import type { AppContext } from '../context.ts';
import type { DeploymentLogRow } from '../db/schema/deployment-logs.ts';
import type { DeploymentStatus } from '../db/schema/deployments.ts';
import { getDeployment } from '../services/deployments.ts';
import { logEvent, readDeploymentLogs, statusEvent } from './log-writer.ts';

const FINAL: DeploymentStatus[] = ['running', 'failed', 'cancelled', 'superseded', 'rolled_back'];

/**
 * The pipeline writes its last lines ("is live", image pruning) just after it sets the final
 * status, through a log writer that batches for ~50 ms, possibly in another process. A follower
 * that sees the final status keeps reading this long after `finishedAt` before it ends.
 */
const TAIL_GRACE_MS = 1500;

export type FollowEvent =
  | { type: 'log'; line: DeploymentLogRow }
  | { type: 'status'; status: DeploymentStatus }
  | { type: 'end'; status: DeploymentStatus };

/**
 * Yields a deployment's log lines from the database as they are written, then `end` once it is
 * finished and every line is out. Polls (so it works when another process runs the job) and is
 * woken early by in-process events.
 */
export async function* followDeploymentLogs(
  ctx: AppContext,
  id: string,
  opts: { afterSeq: number; signal: AbortSignal },
): AsyncGenerator<FollowEvent> {
  let after = opts.afterSeq;
  let lastStatus: DeploymentStatus | null = null;
  while (!opts.signal.aborted) {
    const { status, finishedAt } = await getDeployment(ctx, id);
    const lines = await readDeploymentLogs(ctx, id, { afterSeq: after, limit: 1000 });
    for (const line of lines) {
      after = line.seq;
      yield { type: 'log', line };
    }
    if (status !== lastStatus) {
      lastStatus = status;
      yield { type: 'status', status };
    }
    if (FINAL.includes(status) && lines.length === 0) {
      const settled = !finishedAt || Date.now() - new Date(finishedAt).getTime() >= TAIL_GRACE_MS;
      if (settled) {
        yield { type: 'end', status };
        return;
      }
    }
    if (lines.length === 1000) continue;
    await waitForChange(ctx, id, opts.signal, 500);
  }
}

async function waitForChange(ctx: AppContext, id: string, signal: AbortSignal, ms: number): Promise<void> {
  const timeout = AbortSignal.timeout(ms);
  const both = AbortSignal.any([signal, timeout]);
  await Promise.race([
    once(ctx.events, logEvent(id), { signal: both }),
    once(ctx.events, statusEvent(id), { signal: both }),
  ]).catch(() => {});
}

import type { AppContext } from '../context.ts';
import type { JobPayloads } from '../jobs/queue.ts';

/**
 * Kept apart from the indexer so the deploy pipeline can queue indexing without loading it.
 *
 * Queues an index job and never fails the caller: context is a convenience, a deployment or an
 * update must not fail because Redis blinked. `key` makes the job id unique per event (BullMQ
 * keeps finished ids for a while, and a repeated id would be ignored).
 */
export async function enqueueIndex(ctx: AppContext, payload: JobPayloads['index'], key: string): Promise<void> {
  try {
    await ctx.jobs.enqueue('index', payload, {
      jobId: `index-${payload.appId ?? 'panel'}-${key}`.replaceAll(':', '_'),
    });
  } catch (err) {
    ctx.logger.warn(
      { err: (err as Error).message, appId: payload.appId, reason: payload.reason },
      'could not queue context indexing',
    );
  }
}

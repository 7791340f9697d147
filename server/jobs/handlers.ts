import type { AppContext } from '../context.ts';
import type { JobHandlers } from './queue.ts';
import { runDeployment } from '../deploy/pipeline.ts';
import { runIndexJob } from '../knowledge/indexer.ts';
import { runBackupJob } from '../backups/run.ts';

/** The one place job names meet their handlers; used by the server and by tests alike. */
export function jobHandlers(ctx: AppContext): JobHandlers {
  return {
    deploy: ({ deploymentId }) => runDeployment(ctx, deploymentId),
    index: (payload) => runIndexJob(ctx, payload),
    backup: (payload) => runBackupJob(ctx, payload),
  };
}

import type { ToolContext } from '../define.ts';
import type { AppContext } from '../../server/context.ts';
import type { Caller } from '../../server/audit.ts';
import type { ContainerInfo } from '../../server/engine/index.ts';
import { z } from 'zod';
import { containerView } from './views.ts';
import { Container } from './schemas.ts';

type Verb = 'start' | 'stop' | 'restart';
const done = { start: 'Started', stop: 'Stopped', restart: 'Restarted' } as const;

export const LifecycleResult = z.object({
  app: z.string().describe('The app as named in the request'),
  container: Container.describe('The live container afterwards'),
});

/** start_app, stop_app and restart_app report the same way; only the service call differs. */
export function lifecycleExecute(
  verb: Verb,
  run: (ctx: AppContext, caller: Caller, app: string) => Promise<ContainerInfo>,
) {
  return async (input: { app: string }, ctx: ToolContext) => {
    const info = await run(ctx, ctx.caller, input.app);
    const state = info.running
      ? 'running'
      : `${info.state}${info.exitCode !== null ? ` (exit code ${info.exitCode})` : ''}`;
    const hint = verb !== 'stop' && !info.running ? ' It is not running: read get_app_logs to see why.' : '';
    return {
      text: `${done[verb]} ${input.app}: container ${info.name} is ${state}.${hint}`,
      data: { app: input.app, container: containerView(info) },
    };
  };
}

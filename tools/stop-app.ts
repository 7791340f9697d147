import { z } from 'zod';
import { defineTool } from './define.ts';
import { stopApp as stopAppContainer } from '../server/services/runtime.ts';
import { appRef } from './lib/refs.ts';
import { LifecycleResult, lifecycleExecute } from './lib/lifecycle.ts';

export const stopApp = defineTool({
  name: 'stop_app',
  description:
    "Stop an app's live container: it stops serving, and its settings, data and deployments are kept. Bring it back with start_app. Requires human approval; returns a pending action until a person approves it.",
  input: z.object({ app: appRef }),
  risk: 'write',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: LifecycleResult,
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Stop app "${input.app}"`,
  execute: lifecycleExecute('stop', stopAppContainer),
});

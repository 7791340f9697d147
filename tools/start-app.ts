import { z } from 'zod';
import { defineTool } from './define.ts';
import { startApp as startAppContainer } from '../server/services/runtime.ts';
import { appRef } from './lib/refs.ts';
import { LifecycleResult, lifecycleExecute } from './lib/lifecycle.ts';

export const startApp = defineTool({
  name: 'start_app',
  description:
    "Start the stopped container of an app's current deployment (after stop_app, or after it exited). It does not build or deploy anything new: use deploy_app for that. Requires human approval; returns a pending action until a person approves it.",
  input: z.object({ app: appRef }),
  risk: 'write',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: LifecycleResult,
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Start app "${input.app}"`,
  execute: lifecycleExecute('start', startAppContainer),
});

import { z } from 'zod';
import { defineTool } from './define.ts';
import { restartApp as restartAppContainer } from '../server/services/runtime.ts';
import { appRef } from './lib/refs.ts';
import { LifecycleResult, lifecycleExecute } from './lib/lifecycle.ts';

export const restartApp = defineTool({
  name: 'restart_app',
  description:
    "Restart an app's live container with the same image and settings (a brief interruption). It does not apply new settings or env vars: use deploy_app for that. Requires human approval; returns a pending action until a person approves it.",
  input: z.object({ app: appRef }),
  risk: 'write',
  // Each call interrupts the app again.
  hints: { idempotent: false, destructive: false, openWorld: false },
  output: LifecycleResult,
  target: (input) => ({ type: 'app', ref: input.app }),
  summarize: (input) => `Restart app "${input.app}"`,
  execute: lifecycleExecute('restart', restartAppContainer),
});

import { z } from 'zod';
import { defineTool } from './define.ts';
import { getActionView } from '../server/approvals/store.ts';
import { actionOutcome, safeActionView } from './lib/action-text.ts';
import { Action } from './lib/schemas.ts';

export const getAction = defineTool({
  name: 'get_action',
  description:
    "Check a pending action (a write you requested that needs a person's approval) by its id: still pending, approved and running, succeeded (with its result), failed, rejected by the user, or expired. Use it after a tool returned a pending action, instead of requesting the same thing again. A rejection is final. You cannot approve actions; only a person can.",
  input: z.object({
    id: z.string().min(1).max(100).describe('The action id from a pending tool result or list_pending_actions'),
  }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({ action: Action }),
  target: (input) => ({ type: 'action', ref: input.id }),
  summarize: (input) => `Check action ${input.id}`,
  async execute(input, ctx) {
    const view = safeActionView(await getActionView(ctx, input.id));
    return { text: actionOutcome(view), data: { action: view } };
  },
});

import { once } from 'node:events';
import { z } from 'zod';
import { defineTool } from './define.ts';
import { ACTION_CHANGED, OPEN_STATUSES, getActionView } from '../server/approvals/store.ts';
import { actionOutcome, safeActionView } from './lib/action-text.ts';
import { Action } from './lib/schemas.ts';

const DEFAULT_SECONDS = 60;
const MAX_SECONDS = 300;
/** The database is the truth (another process may decide); local events only wake the loop early. */
const POLL_MS = 500;

export const waitForAction = defineTool({
  name: 'wait_for_action',
  description:
    "Wait until a pending action (a write you requested that needs a person's approval) is decided and finished, then return its outcome: succeeded (with its result), failed, rejected by the user, or expired. Waits up to timeoutSeconds (default 60, at most 300); if it is still undecided then, it says so and you may wait again. Use it right after a tool returned a pending action, instead of requesting the same thing again. A rejection is final. You cannot approve actions; only a person can.",
  input: z.object({
    id: z.string().min(1).max(100).describe('The action id from a pending tool result or list_pending_actions'),
    timeoutSeconds: z
      .number()
      .int()
      .min(1)
      .max(MAX_SECONDS)
      .optional()
      .describe(`How long to wait at most, in seconds; default ${DEFAULT_SECONDS}, at most ${MAX_SECONDS}`),
  }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({
    action: Action,
    finished: z.boolean().describe('False when it was still undecided or running at the timeout; wait again'),
  }),
  target: (input) => ({ type: 'action', ref: input.id }),
  summarize: (input) => `Wait for action ${input.id}`,
  async execute(input, ctx) {
    const deadline = Date.now() + (input.timeoutSeconds ?? DEFAULT_SECONDS) * 1000;
    let view = safeActionView(await getActionView(ctx, input.id));
    while (OPEN_STATUSES.includes(view.status) && Date.now() < deadline) {
      const wake = AbortSignal.timeout(Math.max(1, Math.min(POLL_MS, deadline - Date.now())));
      await once(ctx.events, ACTION_CHANGED, { signal: wake }).catch(() => {});
      view = safeActionView(await getActionView(ctx, input.id));
    }
    const still = OPEN_STATUSES.includes(view.status)
      ? `\nStill ${view.status} after waiting; call wait_for_action again to keep waiting.`
      : '';
    return { text: `${actionOutcome(view)}${still}`, data: { action: view, finished: !still } };
  },
});

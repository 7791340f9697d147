import { z } from 'zod';
import { defineTool } from './define.ts';
import { listActions } from '../server/approvals/store.ts';
import { plural } from './lib/refs.ts';
import { safeActionView } from './lib/action-text.ts';
import { Action } from './lib/schemas.ts';

export const listPendingActions = defineTool({
  name: 'list_pending_actions',
  description:
    "List actions waiting for a person's approval, newest first: id, tool, summary, who asked and when it expires. Use it to avoid requesting something that is already waiting, or to tell the user what needs their decision. You cannot approve them; a person does, in the panel. Check one with get_action.",
  input: z.object({
    limit: z.number().int().min(1).max(50).optional().describe('How many to return, newest first; default 20'),
  }),
  risk: 'read',
  hints: { idempotent: true, destructive: false, openWorld: false },
  output: z.object({ actions: z.array(Action).describe('Newest first') }),
  summarize: () => 'List actions waiting for approval',
  async execute(input, ctx) {
    const actions = (await listActions(ctx, { status: 'pending', limit: input.limit ?? 20 })).map(safeActionView);
    if (!actions.length) return { text: 'No actions are waiting for approval.', data: { actions } };
    const lines = actions.map(
      (a) => `- ${a.id} ${a.tool}: ${a.summary} (requested by ${a.requestedBy}, expires ${a.expiresAt})`,
    );
    return {
      text: `${plural(actions.length, 'action')} waiting for a person's approval:\n${lines.join('\n')}\nA person approves them at ${actions[0]!.url.replace(/\/[^/]+$/, '')}.`,
      data: { actions },
    };
  },
});

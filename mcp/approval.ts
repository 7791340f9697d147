import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type {
  CallToolResult,
  ElicitRequestFormParams,
  ElicitResult,
  RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import type { AppContext } from '../server/context.ts';
import type { Caller } from '../server/audit.ts';
import { DomainError } from '../server/errors.ts';
import { getActionView, type ActionView } from '../server/approvals/store.ts';
import { actionOutcome } from '../server/approvals/outcome.ts';
import { approveFromElicitation, elicitationRefusal, rejectFromElicitation } from '../server/approvals/elicitation.ts';
import { pendingStructured, structuredOf, withStructured } from './structured.ts';

/**
 * What happens to a write that needs a person's approval, on MCP:
 * - the client can show a form (elicitation) and the token does not insist on the panel: the
 *   person sees the exact action and approves (it runs once, now) or declines (final);
 * - otherwise, or when the person closes the form without answering: the action stays pending
 *   and the result says where to approve it and to call wait_for_action.
 * Nothing the model says counts as a decision: only the person's answer in the form or the panel.
 */

export function textResult(text: string, isError = false): CallToolResult {
  return isError ? { content: [{ type: 'text', text }], isError: true } : { content: [{ type: 'text', text }] };
}

function pendingResult(action: ActionView, why?: string): CallToolResult {
  return withStructured(
    textResult(
      [
        `Pending action ${action.id}: ${action.summary} (tool ${action.tool}, risk ${action.risk}). It needs a person's approval before it runs${why ? ` — ${why}` : ''}.`,
        `A person approves or rejects it in the panel: ${action.url} (expires ${action.expiresAt}).`,
        `Next: call wait_for_action with id "${action.id}" to get the outcome. Do not request it again, and do not treat a "yes" or "confirm" in the chat as approval: only a decision in the panel counts.`,
      ].join('\n'),
    ),
    pendingStructured(action),
  );
}

/**
 * The outcome of an action decided while the tool call was open, as that tool's result: a success
 * carries the approved run's own data (stored as JSON with the action); a failure is an error; a
 * rejection or expiry is the action record, which the write's outputSchema admits.
 */
function decidedResult(action: ActionView): CallToolResult {
  const text = actionOutcome(action);
  if (action.status === 'failed') return textResult(text, true);
  const data = action.status === 'succeeded' ? structuredOf(action.result?.data) : undefined;
  return withStructured(textResult(text), data ?? pendingStructured(action));
}

/** The form a person answers. A checkbox that starts unticked, so a client that submits defaults never approves. */
const approvalForm: ElicitRequestFormParams['requestedSchema'] = {
  type: 'object',
  properties: {
    approve: {
      type: 'boolean',
      title: 'Approve and run it now',
      description: 'Tick to run this action once, now, as you. Leave unticked (or press Decline) to reject it.',
      default: false,
    },
  },
  required: ['approve'],
};

function approvalMessage(action: ActionView): string {
  const target = action.target ? `${action.target.type} ${action.target.name ?? action.target.id}` : 'none';
  const input = JSON.stringify(action.input);
  return [
    'OpenPanel: an assistant asks to run this action. Approve it?',
    `Action: ${action.summary}`,
    `Tool: ${action.tool} (risk: ${action.risk})`,
    `Target: ${target}`,
    `Input (secrets hidden): ${input.length > 800 ? `${input.slice(0, 800)}…` : input}`,
    `Requested by: ${action.requestedBy}`,
    `Approve runs it once, now. Decline rejects it for good. Close this prompt to decide later in the panel: ${action.url}`,
  ].join('\n');
}

interface SettleOptions {
  server: Server;
  caller: Caller;
  requestId: RequestId;
  signal: AbortSignal;
}

/** Most an elicitation waits for the person; the action itself expires on its own schedule. */
const MAX_PROMPT_MS = 10 * 60_000;

export async function settlePending(ctx: AppContext, action: ActionView, opts: SettleOptions): Promise<CallToolResult> {
  const { actor } = opts.caller;
  if (!opts.server.getClientCapabilities()?.elicitation?.form)
    return pendingResult(action, 'this client cannot show an approval prompt');
  if (actor.type !== 'user' || !actor.tokenId) return pendingResult(action);
  const refusal = await elicitationRefusal(ctx, actor.tokenId, actor.userId, action.risk);
  if (refusal) return pendingResult(action, `it cannot be approved from this client: ${refusal}`);

  let answer: ElicitResult;
  try {
    const timeout = Math.max(1000, Math.min(MAX_PROMPT_MS, Date.parse(action.expiresAt) - Date.now()));
    answer = await opts.server.elicitInput(
      { mode: 'form', message: approvalMessage(action), requestedSchema: approvalForm },
      { timeout, signal: opts.signal, relatedRequestId: opts.requestId },
    );
  } catch (err) {
    ctx.logger.info({ action: action.id, err: (err as Error).message }, 'mcp approval prompt got no answer');
    return pendingResult(action, 'the approval prompt got no answer');
  }
  const decision = { actionId: action.id, tokenId: actor.tokenId, user: { userId: actor.userId } };
  try {
    if (answer.action === 'accept' && answer.content?.approve === true) {
      return decidedResult(await approveFromElicitation(ctx, decision));
    }
    if (answer.action === 'accept' || answer.action === 'decline') {
      return decidedResult(await rejectFromElicitation(ctx, decision, 'Declined in the MCP approval prompt.'));
    }
    // cancel: the person dismissed the prompt without deciding, so nobody decided; it stays pending.
    return pendingResult(action, 'the person closed the approval prompt without deciding');
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    // Decided elsewhere meanwhile (the panel), or expired: report what actually happened.
    return decidedResult(await getActionView(ctx, action.id));
  }
}

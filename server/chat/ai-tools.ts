import { tool, type Tool, type ToolApprovalConfiguration, type ToolSet } from 'ai';
import type { Context } from '@ai-sdk/provider-utils';
import type { AppContext } from '../context.ts';
import type { Caller } from '../audit.ts';
import { DomainError } from '../errors.ts';
import { requestTool, type ToolCallResult } from '../approvals/gate.ts';
import { getActionView, type ActionView } from '../approvals/store.ts';
import { actionOutcome, safeActionView } from '../../tools/lib/action-text.ts';
import { findTool, tools as registry } from '../../tools/registry.ts';

/**
 * The chat's tools, derived from the registry: name, description and input schema as defined
 * once in tools/. Reads run through the approval gate at once. A write becomes a pending action
 * (the gate's record) at the moment the model asks for it, surfaced as an AI SDK approval
 * request whose descriptor is the action card; its execute never runs anything, it only reports
 * what the action record says after a person decided (in the chat or the inbox).
 */

/** What the approval card shows; everything comes from the action record, inputs redacted. */
export interface ActionCard {
  actionId: string;
  tool: string;
  risk: string;
  summary: string;
  target: ActionView['target'];
  input: unknown;
  inputHash: string;
  status: ActionView['status'];
  expiresAt: string;
  url: string;
}

export interface ChatToolOutput {
  /** done | failed | pending | denied for direct calls; the action status after a decision. */
  status: string;
  /** What the model reads (see toModelOutput). */
  text: string;
  data?: unknown;
  action?: ActionCard;
}

export interface ChatToolSession {
  ctx: AppContext;
  caller: Caller;
  conversationId: string;
  /** toolCallId → action id: the decided calls at the conversation's tail, and requests in this turn. */
  bindings: Map<string, string>;
  /** The tail's decided calls, each re-validated once by the SDK before it reports their outcome. */
  revalidate: Set<string>;
  /** toolCallId → card, for the approval requests raised in this turn. */
  cards: Map<string, ActionCard>;
  /** Writes that settled when requested (policy allowed them, or the request failed). */
  settled: Map<string, ChatToolOutput>;
}

function actionCard(view: ActionView): ActionCard {
  const safe = safeActionView(view);
  return {
    actionId: safe.id,
    tool: safe.tool,
    risk: safe.risk,
    summary: safe.summary,
    target: safe.target,
    input: safe.input,
    inputHash: safe.inputHash,
    status: safe.status,
    expiresAt: safe.expiresAt,
    url: safe.url,
  };
}

/** What the model and the card get once an action was decided (or expired). */
export function actionOutput(view: ActionView): ChatToolOutput {
  return {
    status: view.status,
    text: actionOutcome(safeActionView(view)),
    ...(view.result?.data !== undefined ? { data: view.result.data } : {}),
    action: actionCard(view),
  };
}

function toOutput(result: ToolCallResult): ChatToolOutput {
  switch (result.status) {
    case 'done':
      return { status: 'done', text: result.text, data: result.data };
    case 'pending':
      return { status: 'pending', text: result.text, action: actionCard(result.action) };
    default:
      return { status: result.status, text: result.text };
  }
}

function failure(session: ChatToolSession, name: string, err: unknown): ChatToolOutput {
  if (err instanceof DomainError)
    return { status: 'failed', text: `${name} failed: ${err.message}${err.hint ? ` ${err.hint}` : ''}` };
  session.ctx.logger.error({ err, tool: name }, 'chat tool crashed');
  return {
    status: 'failed',
    text: `${name} failed with an internal error; the panel log has details. Do not retry blindly.`,
  };
}

export type ChatToolApproval = ToolApprovalConfiguration<ToolSet, Context>;

export function createChatTools(session: ChatToolSession): { tools: ToolSet; toolApproval: ChatToolApproval } {
  const { ctx, caller, conversationId } = session;
  const origin = (toolCallId: string) => ({ conversationId, toolCallId });

  const tools: Record<string, Tool> = {};
  for (const def of registry) {
    if (def.peopleOnly) continue;
    const runRead = async (input: unknown, { toolCallId }: { toolCallId: string }): Promise<ChatToolOutput> => {
      try {
        return toOutput(
          await requestTool(ctx, { tool: def.name, input, caller, via: 'chat', origin: origin(toolCallId) }),
        );
      } catch (err) {
        return failure(session, def.name, err);
      }
    };
    const reportDecision = async (_input: unknown, { toolCallId }: { toolCallId: string }): Promise<ChatToolOutput> => {
      const settled = session.settled.get(toolCallId);
      if (settled) return settled;
      const actionId = session.bindings.get(toolCallId);
      if (!actionId)
        return {
          status: 'failed',
          text: `${def.name} has no approval record for this call, so nothing was run. Ask the user whether to request it again.`,
        };
      return actionOutput(await getActionView(ctx, actionId));
    };
    tools[def.name] = tool({
      description: def.description,
      inputSchema: def.input as never,
      metadata: { risk: def.risk },
      execute: def.risk === 'read' ? runRead : reportDecision,
      // The model reads the tool's text, written for it; data and cards are for the UI.
      toModelOutput: ({ output }) => ({ type: 'text', value: output.text }),
    });
  }

  const toolApproval: ChatToolApproval = async ({ toolCall }) => {
    const def = findTool(toolCall.toolName);
    if (!def || def.risk === 'read') return 'not-applicable';
    const id = toolCall.toolCallId;
    // Re-validation of an approval from the stored conversation: the action already exists.
    if (session.revalidate.delete(id)) return { type: 'user-approval' };
    if (session.settled.has(id)) return 'not-applicable';
    try {
      const result = await requestTool(ctx, {
        tool: def.name,
        input: toolCall.input,
        caller,
        via: 'chat',
        origin: origin(id),
      });
      if (result.status === 'pending') {
        session.bindings.set(id, result.action.id);
        session.cards.set(id, actionCard(result.action));
        return { type: 'user-approval', reason: result.action.summary };
      }
      if (result.status === 'denied') return { type: 'denied', reason: result.text };
      session.settled.set(id, toOutput(result));
      return 'not-applicable';
    } catch (err) {
      // A viewer (or a read-only token) asking for a change: denied, and the model is told why.
      if (err instanceof DomainError && err.kind === 'forbidden')
        return { type: 'denied', reason: `${err.message} Nothing was changed; do not retry.` };
      session.settled.set(id, failure(session, def.name, err));
      return 'not-applicable';
    }
  };

  return { tools, toolApproval };
}

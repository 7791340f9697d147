import { getToolName, isToolUIPart } from 'ai';
import { inArray } from 'drizzle-orm';
import type { AppContext } from '../context.ts';
import { redact, type Caller } from '../audit.ts';
import { DomainError } from '../errors.ts';
import { actions, type ActionRow } from '../db/schema/actions.ts';
import { approveAction, rejectAction } from '../approvals/decide.ts';
import { getTool, parseInput } from '../approvals/gate.ts';
import { canonicalJson, inputHash } from '../approvals/canonical.ts';
import { expireActions, toActionView, type ActionView } from '../approvals/store.ts';
import { actionOutcome, safeActionView } from '../../tools/lib/action-text.ts';
import { actionOutput, type ActionCard } from './ai-tools.ts';
import type { ChatMessage } from './conversations.ts';
import { REDACTED, scrubDeep } from '../crypto/scrub.ts';
import { secretsOfUrl } from '../source/redact.ts';

/**
 * Approvals inside the chat, always checked against the server's own records. The stored
 * conversation (written by the server) says which tool call awaits which action; the client only
 * says "approved" or "declined" for an approval id it was given. Anything else it sends (an input,
 * a descriptor, another tool) must match, or the whole request is refused before anything runs.
 */

/** A tool part as stored: loosely typed because the chat mutates states in place. */
type ToolPart = Record<string, unknown> & {
  type: string;
  toolCallId: string;
  state: string;
  input?: unknown;
  output?: unknown;
  approval?: Record<string, unknown>;
};

export const toolPartsOf = (message: ChatMessage): ToolPart[] =>
  message.parts.filter((p) => isToolUIPart(p)) as unknown as ToolPart[];
const toolNameOf = (part: ToolPart) => getToolName(part as never);

function cardOf(part: ToolPart): ActionCard | undefined {
  const card = part.approval?.descriptor as Partial<ActionCard> | undefined;
  return card && typeof card.actionId === 'string' ? (card as ActionCard) : undefined;
}

/** toolCallId → action id for every approval the conversation holds. */
function bindingsOf(messages: ChatMessage[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of messages)
    for (const part of toolPartsOf(m)) {
      const card = cardOf(part);
      if (card) map.set(part.toolCallId, card.actionId);
    }
  return map;
}

/**
 * toolCallId → action id for the decided calls the SDK is about to re-validate and report on: the
 * tail's responded approvals, and nothing older (a provider may reuse a tool call id later).
 */
export function decidedAtTail(messages: ChatMessage[]): Map<string, string> {
  const tail = messages.at(-1);
  const map = new Map<string, string>();
  if (tail?.role !== 'assistant') return map;
  for (const part of toolPartsOf(tail)) {
    const card = cardOf(part);
    if (card && part.state === 'approval-responded') map.set(part.toolCallId, card.actionId);
  }
  return map;
}

/** The action records behind the conversation's approvals, with lapsed ones marked expired first. */
export async function loadBoundActions(ctx: AppContext, messages: ChatMessage[]): Promise<Map<string, ActionRow>> {
  const ids = [...new Set(bindingsOf(messages).values())];
  if (!ids.length) return new Map();
  await expireActions(ctx);
  const rows = await ctx.db.select().from(actions).where(inArray(actions.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

const APPROVED = new Set(['approved', 'running', 'succeeded', 'failed']);

/** The card keeps the action's latest status, so a reloaded conversation shows the decision. */
const withStatus = (part: ToolPart, view: ActionView) => ({
  ...part.approval,
  descriptor: { ...(part.approval?.descriptor as object), status: view.status },
});

/** The tail of the conversation: the SDK continues from here and runs the approved call's execute. */
function markResponded(part: ToolPart, view: ActionView): void {
  const approved = APPROVED.has(view.status);
  part.state = 'approval-responded';
  part.approval = {
    ...withStatus(part, view),
    approved,
    ...(approved ? {} : { reason: actionOutcome(safeActionView(view)) }),
  };
}

/** Older messages: the SDK will not revisit them, so the outcome is written in directly. */
function markFinal(part: ToolPart, view: ActionView): void {
  if (APPROVED.has(view.status)) {
    part.state = 'output-available';
    part.output = actionOutput(view);
    part.approval = { ...withStatus(part, view), approved: true };
  } else {
    part.state = 'output-denied';
    part.approval = { ...withStatus(part, view), approved: false, reason: actionOutcome(safeActionView(view)) };
  }
}

/**
 * Brings stored approval cards up to date with decisions made elsewhere (the inbox, REST, another
 * tab). Returns the ids of the messages that changed.
 */
export function reconcile(
  ctx: AppContext,
  messages: ChatMessage[],
  rows: Map<string, ActionRow>,
  tailOpen: boolean,
): Set<string> {
  const changed = new Set<string>();
  messages.forEach((message, i) => {
    const isTail = tailOpen && i === messages.length - 1 && message.role === 'assistant';
    for (const part of toolPartsOf(message)) {
      const card = cardOf(part);
      const row = card && rows.get(card.actionId);
      if (!row) continue;
      // Decided elsewhere; or decided here earlier but never continued, and now superseded.
      const decidedElsewhere = part.state === 'approval-requested' && row.status !== 'pending';
      const leftBehind = part.state === 'approval-responded' && !isTail;
      if (!decidedElsewhere && !leftBehind) continue;
      (isTail ? markResponded : markFinal)(part, toActionView(ctx, row));
      changed.add(message.id);
    }
  });
  return changed;
}

const refuse = (message: string, hint?: string) =>
  new DomainError(
    'conflict',
    `Approval refused: ${message}`,
    hint ?? 'Nothing was run. Reload the conversation and decide on the card again.',
  );

/**
 * Verifies every approval response in the client's copy of the latest assistant message, then
 * decides them through the approvals service (which checks the caller's role, the pending state,
 * expiry and the input hash once more). Returns how many were decided.
 */
export async function applyDecisions(
  ctx: AppContext,
  caller: Caller,
  stored: ChatMessage[],
  incoming: ChatMessage,
  rows: Map<string, ActionRow>,
): Promise<number> {
  const tail = stored.at(-1);
  if (tail?.role !== 'assistant' || tail.id !== incoming.id)
    throw refuse('it answers a message that is not the latest assistant message of this conversation.');
  const sent = toolPartsOf(incoming).filter((p) => p.state === 'approval-responded' || p.state === 'output-denied');
  const checked: { ours: ToolPart; row: ActionRow; approved: boolean; reason?: string }[] = [];
  for (const part of sent) {
    const ours = toolPartsOf(tail).find((p) => p.toolCallId === part.toolCallId);
    if (!ours) throw refuse(`no tool call ${part.toolCallId} awaits a decision here.`);
    if (toolNameOf(ours) !== toolNameOf(part))
      throw refuse(`tool call ${part.toolCallId} is ${toolNameOf(ours)}, not ${toolNameOf(part)}.`);
    if (ours.state !== 'approval-requested')
      throw refuse(
        `tool call ${part.toolCallId} was already decided.`,
        'Nothing was run again. Continue the conversation to see its outcome.',
      );
    const approval = part.approval ?? {};
    if (approval.id !== ours.approval?.id)
      throw refuse(`approval id ${String(approval.id)} was not issued for this tool call.`);
    const card = cardOf(ours);
    const row = card && rows.get(card.actionId);
    if (!card || !row) throw refuse('there is no action record behind this approval.');
    const claimed = (approval.descriptor as Partial<ActionCard> | undefined)?.actionId;
    if (claimed !== undefined && claimed !== card.actionId)
      throw refuse(`the approval names action ${String(claimed)}, but this tool call is bound to another action.`);
    if (row.tool !== toolNameOf(ours)) throw refuse(`action ${row.id} is for ${row.tool}.`);
    if (!sameInput(row, ours.input, part.input))
      throw refuse('the tool input differs from the one that was requested.', 'A changed input needs a new request.');
    if (row.status !== 'pending')
      throw refuse(
        `action ${row.id} is already ${row.status}.`,
        'Nothing was run again. Continue the conversation to see its outcome.',
      );
    if (typeof approval.approved !== 'boolean') throw refuse('the response says neither approved nor declined.');
    checked.push({
      ours,
      row,
      approved: approval.approved,
      ...(typeof approval.reason === 'string' ? { reason: approval.reason.slice(0, 1000) } : {}),
    });
  }
  for (const { ours, row, approved, reason } of checked) {
    const view = approved
      ? await approveAction(ctx, caller, row.id, { inputHash: row.inputHash })
      : await rejectAction(ctx, caller, row.id, reason);
    markResponded(ours, view);
  }
  return checked.length;
}

/** The client may echo the stored (redacted) input or the exact input the action was requested with. */
function sameInput(row: ActionRow, stored: unknown, sent: unknown): boolean {
  if (canonicalJson(sent) === canonicalJson(stored)) return true;
  try {
    return inputHash(row.tool, parseInput(getTool(row.tool), sent)) === row.inputHash;
  } catch {
    return false;
  }
}

/** The input an action was requested with (it may hold secrets, so it is stored only encrypted). */
function actionInput(ctx: AppContext, row: ActionRow): unknown {
  // Same associated data as the gate uses when it seals the input.
  return JSON.parse(ctx.secrets.decrypt(row.inputEncrypted, `action:${row.id}`));
}

/**
 * The conversation as the model gets it: approvals still pending become a "waiting" result (so
 * the model knows and does not ask again), and approved calls carry their real input, restored
 * from the action record, for the SDK to re-validate against the approval it signed.
 */
export function modelView(ctx: AppContext, messages: ChatMessage[], rows: Map<string, ActionRow>): ChatMessage[] {
  const view = structuredClone(messages);
  for (const message of view)
    for (const part of toolPartsOf(message)) {
      const card = cardOf(part);
      const row = card && rows.get(card.actionId);
      if (!card || !row) continue;
      if (part.state === 'approval-requested') {
        part.state = 'output-available';
        part.output = { status: row.status, text: actionOutcome(safeActionView(toActionView(ctx, row))) };
        delete part.approval;
      } else if (part.state === 'approval-responded') {
        part.input = actionInput(ctx, row);
        if (part.approval) delete part.approval.inputSchemaInput;
      }
    }
  return view;
}

/**
 * What is stored: tool inputs redacted (an approval's input lives encrypted in its action record)
 * and every known secret value scrubbed from the rest.
 */
export function forStorage(message: ChatMessage, secrets: readonly string[]): ChatMessage {
  const copy = structuredClone(message);
  for (const part of toolPartsOf(copy)) {
    const card = cardOf(part);
    part.input = card ? card.input : redact(part.input);
    if (part.approval) delete part.approval.inputSchemaInput;
  }
  return scrubDeep(copy, secrets);
}

/**
 * The values the conversation's tool calls hand over as secrets: every input string that the
 * audit redaction masks (an env value, a password, a URL's credentials). They are scrubbed from the
 * stored conversation as soon as the call is made, because its action may be approved anywhere
 * (the inbox, another client) without this chat running again to scrub them once they are set.
 */
export function secretsInToolCalls(message: ChatMessage): string[] {
  const found: string[] = [];
  for (const part of toolPartsOf(message)) maskedStrings(part.input, redact(part.input), found);
  return found;
}

function maskedStrings(raw: unknown, masked: unknown, out: string[]): void {
  if (raw === masked) return;
  if (masked === REDACTED) return void leaves(raw, out);
  if (typeof raw === 'string') {
    // Only a URL's credentials were masked: every URL in the text gives its own.
    for (const url of raw.match(/[a-z][a-z0-9+.-]*:\/\/\S+/gi) ?? []) out.push(...secretsOfUrl(url));
    return;
  }
  if (!raw || typeof raw !== 'object' || !masked || typeof masked !== 'object') return;
  for (const [k, v] of Object.entries(raw)) maskedStrings(v, (masked as Record<string, unknown>)[k], out);
}

function leaves(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
}

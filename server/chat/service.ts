import crypto from 'node:crypto';
import {
  convertToModelMessages,
  createUIMessageStream,
  createUIMessageStreamResponse,
  isStepCount,
  streamText,
  toUIMessageStream,
  type UIMessageChunk,
} from 'ai';
import type { AppContext } from '../context.ts';
import type { Caller } from '../audit.ts';
import { DomainError } from '../errors.ts';
import { readSetting, putSetting } from '../services/settings.ts';
import { describeProviderError } from '../providers/errors.ts';
import { createChatTools, type ActionCard, type ChatToolSession } from './ai-tools.ts';
import {
  applyDecisions,
  decidedAtTail,
  forStorage,
  loadBoundActions,
  modelView,
  reconcile,
  secretsInToolCalls,
  toolPartsOf,
} from './decisions.ts';
import {
  loadMessages,
  openConversation,
  saveMessage,
  scrubConversation,
  setTitle,
  updateSummary,
  type ChatMessage,
  type ChatMetadata,
} from './conversations.ts';
import { chatModelFor, type ChatModelOverrides, type ProviderChoice } from './model-chain.ts';
import { renderPrompt } from './prompts.ts';
import { collectSecretValues, scrubText, secretList } from '../crypto/scrub.ts';

export interface ChatTurn {
  /** The conversation; a new one is started when absent. */
  id?: string;
  /** The new message (user text, or the latest assistant message carrying approval responses); none resumes. */
  message?: ChatMessage;
  provider: ProviderChoice;
}

export interface ChatServiceOptions {
  /** Test seam: scripted models in place of the real provider adapters. */
  models?: ChatModelOverrides;
}

const APPROVAL_SECRET_SETTING = 'chat.approval_secret';
const SYSTEM_CALLER: Caller = { actor: { type: 'system', label: 'chat', scopes: [] } };

/** The key that signs approval requests; kept (encrypted) in settings so restarts and other processes agree. */
async function approvalSecret(ctx: AppContext): Promise<string> {
  const existing = await readSetting(ctx.db, ctx.secrets, APPROVAL_SECRET_SETTING);
  if (existing) return existing;
  await putSetting(ctx.db, ctx.secrets, SYSTEM_CALLER, APPROVAL_SECRET_SETTING, {
    value: crypto.randomBytes(32).toString('base64url'),
    secret: true,
  });
  // Read back: when two processes raced, both use whichever write landed last.
  return (await readSetting(ctx.db, ctx.secrets, APPROVAL_SECRET_SETTING))!;
}

/**
 * One chat turn: verify and apply decisions, store the new message, run the tool loop, and
 * stream the AI SDK UI message stream while storing what it produces. Everything that can be
 * refused (ownership, forged approvals, unknown provider) is refused before the stream starts.
 */
export async function runChatTurn(
  ctx: AppContext,
  caller: Caller,
  turn: ChatTurn,
  options: ChatServiceOptions = {},
  signal?: AbortSignal,
): Promise<Response> {
  const { actor } = caller;
  if (actor.type !== 'user') throw new DomainError('forbidden', 'Only a signed-in user or a user token can chat.');
  const incoming = turn.message;
  if (incoming && incoming.role !== 'user' && incoming.role !== 'assistant') {
    throw new DomainError(
      'invalid',
      `A chat message must come from the user (or be the assistant message carrying approvals), not "${incoming.role}".`,
    );
  }
  const isUserTurn = incoming?.role === 'user';
  const text = isUserTurn ? userText(incoming) : '';
  if (!isUserTurn && !turn.id) throw new DomainError('conflict', 'There is nothing to continue: send a new message.');
  // The scrubber reads the secrets when the model is called: a value set by this turn's approval counts.
  let secrets: readonly string[] = [];
  const model = await chatModelFor(ctx, turn.provider, options.models, () => secrets);

  const conversation = await openConversation(ctx, actor.userId, turn.id);
  const stored = await loadMessages(ctx, conversation.id);
  if (isUserTurn && stored.some((m) => m.id === incoming.id))
    throw new DomainError('conflict', `Message ${incoming.id} was already sent.`, 'Send a new message with a new id.');
  const rows = await loadBoundActions(ctx, stored);
  const changed = reconcile(ctx, stored, rows, !isUserTurn);
  if (incoming?.role === 'assistant' && (await applyDecisions(ctx, caller, stored, incoming, rows)))
    changed.add(incoming.id);
  if (!isUserTurn) assertSomethingToContinue(stored);

  secrets = await collectSecretValues(ctx);
  if (scrubText(conversation.title, secrets) !== conversation.title)
    await setTitle(ctx, conversation, scrubText(conversation.title, secrets), true);
  // Also re-stores older messages that hold a value which has become a secret since (set in this chat).
  for (const message of stored) {
    const clean = forStorage(message, secrets);
    if (changed.has(message.id) || JSON.stringify(clean.parts) !== JSON.stringify(message.parts))
      await saveMessage(ctx, conversation.id, clean);
  }
  if (isUserTurn) {
    const message: ChatMessage = { id: incoming.id, role: 'user', parts: [{ type: 'text', text }], metadata: {} };
    await saveMessage(ctx, conversation.id, forStorage(message, secrets));
    await setTitle(ctx, conversation, scrubText(text, secrets));
    stored.push(message);
  }

  const decided = decidedAtTail(stored);
  const session: ChatToolSession = {
    ctx,
    caller,
    conversationId: conversation.id,
    bindings: new Map(decided),
    revalidate: new Set(decided.keys()),
    cards: new Map(),
    settled: new Map(),
  };
  const { tools, toolApproval } = createChatTools(session);
  const instructions = renderPrompt('system', {
    user: actor.email,
    role: actor.role,
    date: new Date().toISOString().slice(0, 10),
  });
  const result = streamText({
    model,
    instructions,
    messages: await convertToModelMessages(modelView(ctx, stored, rows), { tools }),
    tools,
    toolApproval,
    experimental_toolApprovalSecret: await approvalSecret(ctx),
    stopWhen: isStepCount(ctx.env.OPENPANEL_CHAT_MAX_STEPS),
    // Retrying is the fallback chain's job: it moves to the next provider instead of waiting.
    maxRetries: 0,
    // Reported to the client through the UI stream's onError below; this only keeps it off stderr.
    onError: ({ error }) => ctx.logger.debug({ err: error, conversationId: conversation.id }, 'model stream error'),
    ...(signal ? { abortSignal: signal } : {}),
  });

  const metadata = (): ChatMetadata => ({ conversationId: conversation.id, ...(model.answeredBy ?? {}) });
  const onError = (err: unknown) => {
    ctx.logger.warn({ err, conversationId: conversation.id, attempts: model.attempts }, 'chat turn failed');
    // The SDK's own check of a stored approval (signature, input) failed: not the model's fault.
    if (err instanceof Error && /ToolApproval/.test(err.name))
      return 'The approval could not be verified against what was requested, so the assistant was not told it ran. Check the action in the inbox.';
    return describeProviderError(err, model.answeredBy?.provider);
  };
  const persist = async ({ responseMessage }: { responseMessage: ChatMessage }) => {
    if (!responseMessage.parts.length) return;
    // A value typed in this chat and handed to a tool as a secret leaves the stored conversation now,
    // not when the action runs: it may be approved in the inbox, and this chat never run again.
    const handedOver = secretList(secretsInToolCalls(responseMessage)).filter((v) => !secrets.includes(v));
    if (handedOver.length) {
      secrets = secretList([...secrets, ...handedOver]);
      await scrubConversation(ctx, conversation.id, secrets);
    }
    await saveMessage(
      ctx,
      conversation.id,
      forStorage({ ...responseMessage, metadata: { ...responseMessage.metadata, ...metadata() } }, secrets),
    );
    await updateSummary(ctx, conversation.id);
  };
  const stream = createUIMessageStream<ChatMessage>({
    originalMessages: stored,
    generateId: () => crypto.randomUUID(),
    onError,
    execute: ({ writer }) => {
      const chunks = toUIMessageStream({
        stream: result.stream,
        onError,
        messageMetadata: ({ part }) =>
          part.type === 'start' || part.type === 'finish-step' || part.type === 'finish' ? metadata() : undefined,
      });
      writer.merge(chunks.pipeThrough(withApprovalCards(session.cards)) as ReadableStream<never>);
    },
    onStepEnd: persist,
    onEnd: persist,
  });
  return createUIMessageStreamResponse({ stream, headers: { 'x-conversation-id': conversation.id } });
}

/** Puts the action card on each approval request, so the client and the stored message carry it. */
function withApprovalCards(cards: Map<string, ActionCard>): TransformStream<UIMessageChunk, UIMessageChunk> {
  return new TransformStream({
    transform(chunk, controller) {
      if (chunk.type === 'tool-approval-request' && cards.has(chunk.toolCallId))
        controller.enqueue({ ...chunk, approvalDescriptor: cards.get(chunk.toolCallId) });
      else controller.enqueue(chunk);
    },
  });
}

/** Resuming makes sense only when a decision is waiting to be reported to the model. */
function assertSomethingToContinue(stored: ChatMessage[]): void {
  const tail = stored.at(-1);
  const parts = tail?.role === 'assistant' ? toolPartsOf(tail) : [];
  if (parts.some((p) => p.state === 'approval-responded')) return;
  const waiting = parts.filter((p) => p.state === 'approval-requested').length;
  throw new DomainError(
    'conflict',
    waiting
      ? `The conversation is waiting for ${waiting === 1 ? 'an approval' : `${waiting} approvals`}; nothing was decided yet.`
      : 'There is nothing to continue: send a new message.',
    waiting ? 'Approve or decline the card (in the chat or at /api/actions), then continue.' : undefined,
  );
}

const MAX_TEXT = 32_000;

function userText(message: ChatMessage): string {
  const parts = message.parts.filter((p) => p.type === 'text');
  if (parts.length !== message.parts.length)
    throw new DomainError('invalid', 'A user message may only hold text parts.');
  const text = parts
    .map((p) => p.text)
    .join('\n')
    .trim();
  if (!text) throw new DomainError('invalid', 'The message is empty.');
  if (text.length > MAX_TEXT)
    throw new DomainError(
      'invalid',
      `The message is over ${MAX_TEXT} characters.`,
      'Send a shorter message, or attach the content another way.',
    );
  return text;
}

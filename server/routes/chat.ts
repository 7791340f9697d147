import { createRoute, z } from '@hono/zod-openapi';
import { safeValidateUIMessages } from 'ai';
import type { AppContext } from '../context.ts';
import { createRouter } from '../http/router.ts';
import { IdParam, commonErrors, conflict, json, jsonBody, notFound, security } from '../http/schemas.ts';
import { callerOf, currentActor, requireScope } from '../http/auth.ts';
import { ApiError } from '../errors.ts';
import { runChatTurn, type ChatServiceOptions } from '../chat/service.ts';
import { PROVIDER_CHOICES } from '../chat/model-chain.ts';
import {
  conversationView,
  deleteConversation,
  getConversation,
  listConversations,
  loadMessages,
  type ChatMessage,
} from '../chat/conversations.ts';

/**
 * The test seam for the HTTP surface: `createApp(withChatOptions(ctx, { models }))` serves the
 * chat with scripted models. It travels on the context object, so nothing global is swapped.
 */
const CHAT_OPTIONS = Symbol('openpanel.chatOptions');
export const withChatOptions = (ctx: AppContext, options: ChatServiceOptions): AppContext =>
  ({ ...ctx, [CHAT_OPTIONS]: options }) as AppContext;
const chatOptionsOf = (ctx: AppContext): ChatServiceOptions =>
  (ctx as AppContext & { [CHAT_OPTIONS]?: ChatServiceOptions })[CHAT_OPTIONS] ?? {};

const UIMessageSchema = z
  .looseObject({
    id: z.string().min(1).max(200),
    role: z.enum(['user', 'assistant', 'system']),
    parts: z.array(z.looseObject({ type: z.string() })).max(500),
    metadata: z.unknown().optional(),
  })
  .openapi('UIMessage', { description: 'An AI SDK UI message (id, role, parts)' });

const ChatBody = z.looseObject({
  id: z
    .uuid({ error: 'expected a conversation id (a UUID); leave it out to start a new conversation' })
    .optional()
    .describe('The conversation; a new one is started when absent (its id comes back in X-Conversation-Id)'),
  messages: z
    .array(UIMessageSchema)
    .max(1000)
    .default([])
    .describe(
      'Only the last message is used: the new user message, or the latest assistant message carrying approval responses. History is loaded from the server. Empty resumes after a decision made in the inbox.',
    ),
  provider: z
    .enum(PROVIDER_CHOICES)
    .default('auto')
    .describe(
      'auto: configured providers in fallback order (command mode when none); or one provider, or command mode',
    ),
});

const ConversationSchema = z
  .object({ id: z.uuid(), title: z.string(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Conversation');

/** Chat needs a user behind the request (a session, or a person's or agent's token). */
function userIdOf(actor: ReturnType<typeof currentActor>): string {
  if (actor.type !== 'user') throw new ApiError('auth:forbidden', 403, 'Conversations belong to users.');
  return actor.userId;
}

export const chatRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/api/chat',
      tags: ['chat'],
      summary:
        'One chat turn, streamed as the AI SDK UI message stream (SSE). Writes wait for approval cards; send the approval back as the assistant message, or decide in /api/actions and resume',
      security,
      middleware: [requireScope('read')],
      request: jsonBody(ChatBody),
      responses: {
        200: {
          content: { 'text/event-stream': { schema: { type: 'string' as const } } },
          description: 'The UI message stream; header X-Conversation-Id names the conversation',
        },
        ...commonErrors,
        ...notFound,
        ...conflict,
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const last = body.messages.at(-1);
      let message: ChatMessage | undefined;
      if (last) {
        const checked = await safeValidateUIMessages<ChatMessage>({ messages: [last] });
        if (!checked.success)
          throw new ApiError(
            'validation:body',
            422,
            `The last message is not a valid UI message — ${checked.error.message}`,
          );
        message = checked.data[0];
      }
      const ctx = c.get('ctx');
      const response = await runChatTurn(
        ctx,
        callerOf(c),
        { id: body.id, message, provider: body.provider },
        chatOptionsOf(ctx),
        c.req.raw.signal,
      );
      return response as never;
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/conversations',
      tags: ['chat'],
      summary: 'Your conversations, most recently active first',
      security,
      middleware: [requireScope('read')],
      responses: {
        200: json(z.object({ conversations: z.array(ConversationSchema) }), 'Conversations'),
        ...commonErrors,
      },
    }),
    async (c) => c.json({ conversations: await listConversations(c.get('ctx'), userIdOf(currentActor(c))) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/api/conversations/{id}',
      tags: ['chat'],
      summary: 'One of your conversations with its messages (AI SDK UI messages)',
      security,
      middleware: [requireScope('read')],
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({ conversation: ConversationSchema, messages: z.array(UIMessageSchema) }),
          'The conversation',
        ),
        ...commonErrors,
        ...notFound,
      },
    }),
    async (c) => {
      const ctx = c.get('ctx');
      const conversation = await getConversation(ctx, userIdOf(currentActor(c)), c.req.valid('param').id);
      return c.json(
        {
          conversation: conversationView(conversation),
          messages: (await loadMessages(ctx, conversation.id)) as z.infer<typeof UIMessageSchema>[],
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/api/conversations/{id}',
      tags: ['chat'],
      summary: 'Delete one of your conversations and its messages (the actions it requested stay in the audit log)',
      security,
      middleware: [requireScope('read')],
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...commonErrors, ...notFound },
    }),
    async (c) => {
      await deleteConversation(c.get('ctx'), userIdOf(currentActor(c)), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

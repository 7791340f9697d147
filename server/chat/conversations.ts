import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { UIMessage } from 'ai';
import type { AppContext } from '../context.ts';
import { conversations, type Conversation } from '../db/schema/conversations.ts';
import { messages } from '../db/schema/messages.ts';
import { DomainError } from '../errors.ts';
import { scrubDeep, scrubText } from '../crypto/scrub.ts';

/** What the chat adds to each message: where it belongs and which model answered. */
export interface ChatMetadata {
  conversationId?: string;
  provider?: string;
  model?: string;
  createdAt?: string;
}
export type ChatMessage = UIMessage<ChatMetadata>;

export interface ConversationView {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export const conversationView = (c: Conversation): ConversationView => ({
  id: c.id,
  title: c.title,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

/** Another user's conversation is reported exactly like a missing one: its existence is not shown. */
const notFound = (id: string) =>
  new DomainError(
    'not_found',
    `No conversation with id ${id}.`,
    'List your conversations with GET /api/conversations.',
  );

async function findConversation(ctx: AppContext, userId: string, id: string): Promise<Conversation | undefined> {
  const [row] = await ctx.db
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)));
  return row;
}

export async function getConversation(ctx: AppContext, userId: string, id: string): Promise<Conversation> {
  const row = await findConversation(ctx, userId, id);
  if (!row) throw notFound(id);
  return row;
}

/** Opens the caller's conversation, or starts one (with the client's id when it sent one). */
export async function openConversation(ctx: AppContext, userId: string, id: string | undefined): Promise<Conversation> {
  if (id) {
    const mine = await findConversation(ctx, userId, id);
    if (mine) return mine;
  }
  const [created] = await ctx.db
    .insert(conversations)
    .values({ ...(id ? { id } : {}), userId })
    .onConflictDoNothing()
    .returning();
  // The id exists but belongs to someone else.
  if (!created) throw notFound(id!);
  return created;
}

export async function listConversations(ctx: AppContext, userId: string, limit = 100): Promise<ConversationView[]> {
  const rows = await ctx.db
    .select()
    .from(conversations)
    .where(eq(conversations.userId, userId))
    .orderBy(desc(conversations.updatedAt))
    .limit(limit);
  return rows.map(conversationView);
}

export async function deleteConversation(ctx: AppContext, userId: string, id: string): Promise<void> {
  const deleted = await ctx.db
    .delete(conversations)
    .where(and(eq(conversations.id, id), eq(conversations.userId, userId)))
    .returning({ id: conversations.id });
  if (!deleted.length) throw notFound(id);
}

export async function loadMessages(ctx: AppContext, conversationId: string): Promise<ChatMessage[]> {
  const rows = await ctx.db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, conversationId))
    .orderBy(asc(messages.createdAt));
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    parts: r.parts as ChatMessage['parts'],
    metadata: { ...(r.metadata as ChatMetadata), createdAt: r.createdAt.toISOString() },
  }));
}

/**
 * Inserts or updates one message of the conversation. An id that another conversation already
 * uses is refused rather than overwritten. `createdAt` orders messages, so a new one is placed
 * strictly after the newest.
 */
export async function saveMessage(ctx: AppContext, conversationId: string, message: ChatMessage): Promise<void> {
  const { createdAt: _shown, ...metadata } = message.metadata ?? {};
  const [newest] = await ctx.db
    .select({ at: sql<Date>`max(${messages.createdAt})` })
    .from(messages)
    .where(eq(messages.conversationId, conversationId));
  const newestMs = newest?.at ? new Date(newest.at).getTime() : 0;
  const createdAt = new Date(Math.max(Date.now(), newestMs + 1));
  const saved = await ctx.db
    .insert(messages)
    .values({ id: message.id, conversationId, role: message.role, parts: message.parts, metadata, createdAt })
    .onConflictDoUpdate({
      target: messages.id,
      set: { parts: message.parts, metadata },
      setWhere: eq(messages.conversationId, conversationId),
    })
    .returning({ id: messages.id });
  if (!saved.length)
    throw new DomainError(
      'conflict',
      `Message id ${message.id} is already used elsewhere.`,
      'Send the message with a new id.',
    );
  await ctx.db.update(conversations).set({ updatedAt: new Date() }).where(eq(conversations.id, conversationId));
}

/** Names a new conversation after its first message (or renames it when `force`d, e.g. to scrub it). */
export async function setTitle(
  ctx: AppContext,
  conversation: Conversation,
  text: string,
  force = false,
): Promise<void> {
  if (!force && conversation.title !== 'New conversation') return;
  const title = text.replace(/\s+/g, ' ').trim().slice(0, 80) || 'New conversation';
  await ctx.db.update(conversations).set({ title }).where(eq(conversations.id, conversation.id));
}

/**
 * Re-stores the title, summary and every message of a conversation that holds one of `secrets`, masked.
 * Used when a value becomes known as a secret after it was stored (typed in the chat, then handed
 * to a tool that keeps it secret).
 */
export async function scrubConversation(
  ctx: AppContext,
  conversationId: string,
  secrets: readonly string[],
): Promise<void> {
  if (!secrets.length) return;
  const [row] = await ctx.db
    .select({ title: conversations.title, summary: conversations.summary })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  const clean = row && {
    title: scrubText(row.title, secrets),
    summary: row.summary && scrubText(row.summary, secrets),
  };
  if (row && clean && (clean.title !== row.title || clean.summary !== row.summary))
    await ctx.db.update(conversations).set(clean).where(eq(conversations.id, conversationId));
  for (const message of await loadMessages(ctx, conversationId)) {
    const parts = scrubDeep(message.parts, secrets);
    if (JSON.stringify(parts) !== JSON.stringify(message.parts))
      await ctx.db.update(messages).set({ parts }).where(eq(messages.id, message.id));
  }
}

/**
 * A short, deterministic summary of what was asked and done (no model needed), kept on the
 * conversation so project-context search can find past decisions. Built from stored messages,
 * which are already scrubbed of secret values.
 */
export function summarize(history: ChatMessage[]): string | null {
  const asked: string[] = [];
  const done: string[] = [];
  for (const message of history) {
    for (const part of message.parts as { type: string; text?: string; state?: string; input?: unknown }[]) {
      if (message.role === 'user' && part.type === 'text' && part.text?.trim())
        asked.push(part.text.replace(/\s+/g, ' ').trim().slice(0, 160));
      if (message.role === 'assistant' && part.type.startsWith('tool-')) {
        const app = (part.input as { app?: unknown } | undefined)?.app;
        done.push(`${part.type.slice(5)}${typeof app === 'string' ? ` ${app}` : ''} (${part.state ?? 'called'})`);
      }
    }
  }
  if (!asked.length && !done.length) return null;
  const lines = [`Asked: ${asked.slice(-6).join(' | ')}`];
  if (done.length) lines.push(`Tools: ${done.slice(-12).join(', ')}`);
  return lines.join('\n');
}

export async function updateSummary(ctx: AppContext, conversationId: string): Promise<void> {
  const summary = summarize(await loadMessages(ctx, conversationId));
  if (summary) await ctx.db.update(conversations).set({ summary }).where(eq(conversations.id, conversationId));
}

import type { UIMessage } from 'ai';

/**
 * What the chat API streams besides text (server/chat): a write tool call surfaces as an AI SDK
 * approval request whose descriptor is the action card, and a tool's output carries the card
 * again once a person decided.
 */
export interface ActionCard {
  actionId: string;
  tool: string;
  risk: string;
  summary: string;
  target: { type: string; id: string; name?: string } | null;
  input: unknown;
  inputHash: string;
  status: string;
  expiresAt: string;
  url: string;
}

export interface ChatToolOutput {
  status: string;
  text: string;
  data?: unknown;
  action?: ActionCard;
}

/** Message metadata: which provider and model answered (or command mode). */
interface ChatMetadata {
  provider?: string;
  model?: string;
  mode?: string;
  conversationId?: string;
}

export type PanelMessage = UIMessage<ChatMetadata>;
export type PanelPart = PanelMessage['parts'][number];

export interface Citation {
  id: string;
  title: string;
  url?: string;
  detail?: string;
}

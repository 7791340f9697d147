import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport, lastAssistantMessageIsCompleteWithApprovalResponses } from 'ai';
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { csrfHeaders, enc, errorMessage } from '../api/client.ts';
import { useTools } from '../api/tools.ts';
import { FINAL_ACTION_STATUSES } from '../api/types.ts';
import { useActionsStore } from '../approvals/actions-store.tsx';
import type { Decide } from '../approvals/live-approval-card.tsx';
import { navigate } from '../router.tsx';
import { ErrorState, Spinner } from '../ui/states.tsx';
import { MessageView } from './message-view.tsx';
import { toolPart } from './parts.ts';
import type { PanelMessage } from './types.ts';

const EXAMPLES = ['help', 'list apps', 'status demo', 'deploy demo', 'logs demo --tail 50'];

/**
 * The chat API keeps the history: each request carries only the new message (a user message, or
 * the assistant message holding approval answers), or nothing to resume after a decision made
 * outside the chat.
 */
function chatTransport() {
  return new DefaultChatTransport<PanelMessage>({
    api: '/api/chat',
    credentials: 'same-origin',
    headers: () => csrfHeaders(),
    prepareSendMessagesRequest: ({ id, messages, messageId, body }) => {
      const resume = (body as { resume?: boolean } | undefined)?.resume === true;
      const last = messages.find((m) => m.id === messageId) ?? messages.at(-1);
      return { body: { id, messages: resume || !last ? [] : [last] } };
    },
  });
}

/** Open approval requests of the last answer, by action id. */
function openApprovals(
  messages: PanelMessage[],
): { messageId: string; actionIds: string[]; approvalIds: Map<string, string> } | null {
  const last = messages.at(-1);
  if (last?.role !== 'assistant') return null;
  const approvalIds = new Map<string, string>();
  for (const part of last.parts) {
    const t = toolPart(part);
    if (t?.state === 'approval-requested' && t.card && t.approvalId) approvalIds.set(t.card.actionId, t.approvalId);
  }
  return approvalIds.size ? { messageId: last.id, actionIds: [...approvalIds.keys()], approvalIds } : null;
}

export function ChatSession({
  id,
  initial,
  isNew,
  onActivity,
}: {
  id: string;
  initial: PanelMessage[];
  isNew: boolean;
  onActivity: () => void;
}) {
  const tools = useTools();
  const { byId } = useActionsStore();
  const [draft, setDraft] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  const resumed = useRef(new Set<string>());
  const transport = useMemo(chatTransport, []);
  const { messages, sendMessage, status, error, stop, addToolApprovalResponse, clearError } = useChat<PanelMessage>({
    id,
    messages: initial,
    transport,
    // Once every open approval in the answer has a response, the chat sends them on its own.
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
    onFinish: () => onActivity(),
  });
  const busy = status === 'submitted' || status === 'streaming';
  const open = openApprovals(messages);

  // Stay at the newest line while it grows (streamed text, cards filling in), unless the reader
  // scrolled up to read something older.
  useEffect(() => {
    const el = box.current;
    if (!el || !inner.current || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      if (pinned.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(inner.current);
    return () => observer.disconnect();
  }, []);

  // Every open approval was decided elsewhere (the inbox, another tab) and has finished: let the
  // assistant go on, so it reports the outcome rather than "still running".
  const decidedElsewhere = open?.actionIds.every((a) =>
    FINAL_ACTION_STATUSES.includes(byId.get(a)?.status ?? 'pending'),
  );
  useEffect(() => {
    if (!open || !decidedElsewhere || busy || resumed.current.has(open.messageId)) return;
    resumed.current.add(open.messageId);
    void sendMessage(undefined, { body: { resume: true } });
  }, [open, decidedElsewhere, busy, sendMessage]);

  const decide: Decide = async (action, { approved, reason }) => {
    const approvalId = open?.approvalIds.get(action.id);
    if (!approvalId)
      throw new Error('This approval is no longer open in the conversation; decide it on the Approvals page.');
    await addToolApprovalResponse({ id: approvalId, approved, ...(reason ? { reason } : {}) });
  };

  function send(text: string) {
    const t = text.trim();
    if (!t || busy) return;
    clearError();
    pinned.current = true;
    void sendMessage({ text: t });
    setDraft('');
    if (isNew) navigate(`/c/${enc(id)}`, { replace: true });
  }

  function onKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send(draft);
    }
  }

  return (
    <section className="chat" aria-label="Chat">
      <div
        className="messages"
        ref={box}
        onScroll={(e) => {
          const el = e.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
        }}
      >
        <div className="messages-inner" ref={inner}>
          {messages.length === 0 && (
            <div className="chat-empty">
              <h1>What should we run?</h1>
              <p className="muted">
                Ask in plain words. Anything that changes an app waits for your approval. Without a model provider,
                plain commands work:
              </p>
              <div className="chips">
                {EXAMPLES.map((ex) => (
                  <button key={ex} type="button" className="chip" onClick={() => setDraft(ex)}>
                    {ex}
                  </button>
                ))}
              </div>
            </div>
          )}
          {messages.map((m) => (
            <MessageView key={m.id} message={m} tools={tools} decide={decide} />
          ))}
          {status === 'submitted' && (
            <p className="muted thinking" role="status">
              <Spinner label="Thinking" /> Thinking…
            </p>
          )}
          {error && (
            <ErrorState error={`The assistant could not answer: ${errorMessage(error)}`} onRetry={clearError} />
          )}
        </div>
      </div>
      <form
        className="composer"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          send(draft);
        }}
      >
        <textarea
          aria-label="Message"
          placeholder='Ask, or type a command such as "deploy api"'
          rows={1}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
        />
        {busy ? (
          <button type="button" className="btn" onClick={() => void stop()}>
            Stop
          </button>
        ) : (
          <button type="submit" className="btn primary" disabled={!draft.trim()}>
            Send
          </button>
        )}
      </form>
    </section>
  );
}

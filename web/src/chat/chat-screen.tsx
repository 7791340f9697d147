import { useState } from 'react';
import { enc } from '../api/client.ts';
import { useApi } from '../api/hooks.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { ChatSession } from './chat-session.tsx';
import { ConversationList } from './conversations.tsx';
import type { PanelMessage } from './types.ts';

/** crypto.randomUUID needs a secure context; a panel on http://10.0.0.5:3000 has none. */
function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The home screen: earlier conversations beside the current one. A new chat picks its own id. */
export function ChatScreen({ conversationId }: { conversationId?: string }) {
  const [ids, setIds] = useState(() => ({ fresh: uuid(), prev: conversationId }));
  if (ids.prev !== conversationId) setIds({ fresh: conversationId ? ids.fresh : uuid(), prev: conversationId });
  const [refresh, setRefresh] = useState(0);
  const [showHistory, setShowHistory] = useState(false);
  const id = conversationId ?? ids.fresh;
  const stored = Boolean(conversationId) && conversationId !== ids.fresh;
  const history = useApi<{ messages: PanelMessage[] }>(stored ? `/api/conversations/${enc(id)}` : null);

  return (
    <div className={`chat-layout ${showHistory ? 'show-history' : ''}`}>
      <button
        type="button"
        className="btn small history-toggle"
        aria-expanded={showHistory}
        onClick={() => setShowHistory((v) => !v)}
      >
        {showHistory ? 'Close history' : 'History'}
      </button>
      <ConversationList activeId={conversationId} refresh={refresh} onPick={() => setShowHistory(false)} />
      {stored && history.loading && !history.data ? (
        <Loading what="conversation" />
      ) : stored && history.error ? (
        <ErrorState error={history.error} onRetry={history.reload} />
      ) : (
        <ChatSession
          key={id}
          id={id}
          initial={history.data?.messages ?? []}
          isNew={!conversationId}
          onActivity={() => setRefresh((r) => r + 1)}
        />
      )}
    </div>
  );
}

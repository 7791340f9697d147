import { useEffect } from 'react';
import { useApi } from '../api/hooks.ts';
import { enc } from '../api/client.ts';
import type { GetBody } from '../api/types.ts';
import { Link } from '../router.tsx';
import { timeAgo } from '../ui/states.tsx';

/** Earlier conversations, most recently active first. */
export function ConversationList({
  activeId,
  refresh,
  onPick,
}: {
  activeId?: string;
  refresh: number;
  onPick?: () => void;
}) {
  const { data, error, status, reload } = useApi<GetBody<'/api/conversations'>>('/api/conversations');
  useEffect(() => {
    if (refresh) reload();
  }, [refresh, reload]);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: delegates link clicks; the links themselves handle the keyboard
    <nav
      className="conversations"
      aria-label="Conversations"
      onClick={(e) => (e.target as HTMLElement).closest('a') && onPick?.()}
    >
      <Link to="/" className="btn small new-chat">
        + New chat
      </Link>
      {status === 404 ? null : error ? (
        <p className="muted small">History unavailable.</p>
      ) : !data ? null : data.conversations.length === 0 ? (
        <p className="muted small">No earlier conversations.</p>
      ) : (
        <ul>
          {data.conversations.map((c) => (
            <li key={c.id}>
              <Link
                to={`/c/${enc(c.id)}`}
                className={c.id === activeId ? 'active' : undefined}
                aria-current={c.id === activeId ? 'page' : undefined}
              >
                <span className="conv-title">{c.title}</span>
                <span className="muted small">{timeAgo(c.updatedAt)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}

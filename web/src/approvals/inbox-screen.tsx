import { useEffect, useRef, useState } from 'react';
import { Link } from '../router.tsx';
import { Empty, Loading } from '../ui/states.tsx';
import { useActionsStore, usePendingActions } from './actions-store.tsx';
import { LiveApprovalCard } from './live-approval-card.tsx';

/**
 * Every action waiting for a person, whoever asked (the chat, an MCP client, an agent token).
 * A decided action stays on screen until the page is left, so its outcome can be read.
 */
export function InboxScreen({ actionId }: { actionId?: string }) {
  const { live } = useActionsStore();
  const pending = usePendingActions();
  const [shown, setShown] = useState<string[]>([]);
  const seen = useRef(new Set<string>());

  useEffect(() => {
    const fresh = pending.map((a) => a.id).filter((id) => !seen.current.has(id));
    if (!fresh.length) return;
    for (const id of fresh) seen.current.add(id);
    setShown((prev) => [...fresh, ...prev]);
  }, [pending]);

  if (actionId) {
    return (
      <div className="page narrow">
        <p className="crumbs">
          <Link to="/approvals">Approvals</Link> / action
        </p>
        <LiveApprovalCard actionId={actionId} />
      </div>
    );
  }

  return (
    <div className="page narrow">
      <header className="page-head">
        <h1>Approvals</h1>
        <p className="muted">
          Changes the assistant or an MCP client asked for. Nothing runs until someone approves it here or in the chat.
        </p>
      </header>
      {!live && shown.length === 0 ? (
        <Loading what="pending actions" />
      ) : shown.length === 0 ? (
        <Empty title="Nothing waiting for you">New requests appear here as they come in.</Empty>
      ) : (
        <section className="stack" aria-label="Pending actions">
          <p className="muted small" role="status">
            {pending.length} pending
          </p>
          {shown.map((id) => (
            <LiveApprovalCard key={id} actionId={id} />
          ))}
        </section>
      )}
    </div>
  );
}

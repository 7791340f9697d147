import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, enc } from '../api/client.ts';
import { useEventSource } from '../api/hooks.ts';
import type { ActionView, GetBody } from '../api/types.ts';

interface ActionsStore {
  byId: ReadonlyMap<string, ActionView>;
  /** True once the live stream has delivered the current pending list. */
  live: boolean;
  upsert: (view: ActionView) => void;
}

const Ctx = createContext<ActionsStore | null>(null);

/**
 * Every action the UI has seen, kept current by one `/api/actions/stream` connection that the
 * chat cards, the inbox and the nav badge share.
 */
export function ActionsProvider({ children }: { children: ReactNode }) {
  const [byId, setById] = useState<ReadonlyMap<string, ActionView>>(new Map());
  const [live, setLive] = useState(false);

  const upsert = useCallback((view: ActionView) => {
    setById((prev) => {
      const old = prev.get(view.id);
      // Keep the newer record when two sources race (a POST reply and a stream event).
      if (old && rank(old) > rank(view)) return prev;
      const next = new Map(prev);
      next.set(view.id, view);
      return next;
    });
  }, []);

  const { connected } = useEventSource('/api/actions/stream', {
    action: (data) => {
      upsert(data as ActionView);
      setLive(true);
    },
  });

  // A (re)connection replays only pending actions; fetch them too so an empty inbox is "live".
  useEffect(() => {
    if (!connected) return;
    let stop = false;
    api<GetBody<'/api/actions'>>('/api/actions?status=pending')
      .then(({ actions }) => {
        if (stop) return;
        for (const a of actions) upsert(a);
        setLive(true);
      })
      .catch(() => undefined);
    return () => {
      stop = true;
    };
  }, [connected, upsert]);

  const value = useMemo(() => ({ byId, live, upsert }), [byId, live, upsert]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

const ORDER = ['pending', 'approved', 'running', 'succeeded', 'failed', 'rejected', 'expired', 'cancelled'];
const rank = (v: ActionView) => Math.min(ORDER.indexOf(v.status), 3);

export function useActionsStore(): ActionsStore {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('useActionsStore outside ActionsProvider');
  return ctx;
}

/**
 * One action, live. Fetched by id when the stream has not brought it; `preview` (for example what
 * a chat message carried) is shown until then.
 */
export function useAction(
  id: string | null,
  preview?: ActionView | null,
): { action: ActionView | null; error: string | null } {
  const { byId, upsert } = useActionsStore();
  const [error, setError] = useState<string | null>(null);
  const known = id ? byId.get(id) : undefined;
  const missing = Boolean(id) && !known;

  useEffect(() => {
    if (!id || !missing) return;
    let stop = false;
    api<ActionView>(`/api/actions/${enc(id)}`)
      .then((v) => !stop && upsert(v))
      .catch((err: unknown) => !stop && setError(err instanceof Error ? err.message : String(err)));
    return () => {
      stop = true;
    };
  }, [id, missing, upsert]);

  return { action: known ?? preview ?? null, error: known ? null : error };
}

export function usePendingActions(): ActionView[] {
  const { byId } = useActionsStore();
  return useMemo(
    () =>
      [...byId.values()].filter((a) => a.status === 'pending').sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [byId],
  );
}

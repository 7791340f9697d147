import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from './client.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** HTTP status of the last failure (404 tells "this API is not there" from "it failed"). */
  status: number | null;
  reload: () => void;
  setData: (update: (prev: T | undefined) => T | undefined) => void;
}

/** GETs a path and keeps loading/error state; a null path waits. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [data, setDataState] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<number | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: tick is the reload trigger; a change refetches
  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    setLoading(true);
    api<T>(path, { signal: abort.signal })
      .then((body) => {
        setDataState(body);
        setError(null);
        setStatus(null);
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        setError(errorMessage(err));
        setStatus((err as { status?: number }).status ?? null);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [path, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const setData = useCallback((update: (prev: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, status, reload, setData };
}

export type SseHandlers = Record<string, (data: unknown, event: MessageEvent<string>) => void>;

/**
 * Follows a Server-Sent Events URL while mounted (null: not now). Handlers are keyed by event
 * name; they may change between renders without reconnecting. EventSource reconnects by itself,
 * resuming from the last event id where the server supports it.
 */
export function useEventSource(url: string | null, handlers: SseHandlers): { connected: boolean; failed: boolean } {
  const ref = useRef(handlers);
  ref.current = handlers;
  const [connected, setConnected] = useState(false);
  const [failed, setFailed] = useState(false);
  const events = Object.keys(handlers).sort().join(',');

  useEffect(() => {
    if (!url) return;
    const source = new EventSource(url, { withCredentials: true });
    const listeners = events
      .split(',')
      .filter(Boolean)
      .map((name) => {
        const listener = (ev: MessageEvent<string>) => {
          let data: unknown = ev.data;
          try {
            data = JSON.parse(ev.data);
          } catch {
            /* plain text data */
          }
          ref.current[name]?.(data, ev);
        };
        source.addEventListener(name, listener as EventListener);
        return [name, listener] as const;
      });
    source.onopen = () => {
      setConnected(true);
      setFailed(false);
    };
    source.onerror = () => {
      setConnected(false);
      if (source.readyState === EventSource.CLOSED) setFailed(true);
    };
    return () => {
      for (const [name, listener] of listeners) source.removeEventListener(name, listener as EventListener);
      source.close();
      setConnected(false);
    };
  }, [url, events]);

  return { connected, failed };
}

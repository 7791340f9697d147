import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, errorMessage, setCsrfToken, setUnauthorizedHandler } from '../api/client.ts';
import type { Me, User } from '../api/types.ts';

type SessionState =
  | { phase: 'loading' }
  | { phase: 'unreachable'; error: string }
  | { phase: 'setup' }
  | { phase: 'login'; notice?: string }
  | { phase: 'ready'; me: Me };

interface SessionApi {
  state: SessionState;
  signedIn: (info: { user: User; csrfToken: string }) => void;
  logout: () => Promise<void>;
  retry: () => void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger; a change asks again
  useEffect(() => {
    let live = true;
    (async () => {
      // Ask who is signed in first: GET /api/setup shares the setup rate limit, so only a
      // signed-out visit asks whether the panel still needs its first owner.
      try {
        const me = await api<Me>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        if (live) setState({ phase: 'ready', me });
      } catch (err) {
        if (!live) return;
        if (!(err instanceof ApiError && err.status === 401))
          return setState({ phase: 'unreachable', error: errorMessage(err) });
        try {
          const setup = await api<{ needed: boolean }>('/api/setup');
          if (live) setState(setup.needed ? { phase: 'setup' } : { phase: 'login' });
        } catch (setupErr) {
          if (live) setState({ phase: 'unreachable', error: errorMessage(setupErr) });
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setState({ phase: 'login', notice: 'Your session ended. Sign in again.' });
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const signedIn = useCallback((info: { user: User; csrfToken: string }) => {
    setCsrfToken(info.csrfToken);
    setState({
      phase: 'ready',
      me: { user: info.user, via: 'session', tokenKind: null, scopes: [], csrfToken: info.csrfToken },
    });
    // Fetch the scopes that go with the new session.
    setAttempt((a) => a + 1);
  }, []);

  const logout = useCallback(async () => {
    await api('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    setCsrfToken(null);
    setState({ phase: 'login' });
  }, []);

  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const value = useMemo(() => ({ state, signedIn, logout, retry }), [state, signedIn, logout, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in person; only for screens rendered after sign-in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.phase !== 'ready') throw new Error('useMe before sign-in');
  return state.me;
}

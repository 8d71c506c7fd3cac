/** Holds the signed-in session for the whole app and keeps the API client's CSRF token in step. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import { authApi } from '../api/auth.ts';
import type { Session } from '../api/types.ts';

interface SessionState {
  /** undefined while the first check runs, null when signed out. */
  session: Session | null | undefined;
  setSession: (session: Session | null) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setState] = useState<Session | null | undefined>(undefined);

  const setSession = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setState(next);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setSession(await authApi.session());
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setSession(null);
      else throw error;
    }
  }, [setSession]);

  const logout = useCallback(async () => {
    await authApi.logout().catch(() => undefined);
    setSession(null);
  }, [setSession]);

  useEffect(() => {
    setUnauthenticatedHandler(() => setSession(null));
    refresh().catch(() => setSession(null));
  }, [refresh, setSession]);

  const value = useMemo(() => ({ session, setSession, refresh, logout }), [session, setSession, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session state; only inside SessionProvider. */
export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSessionState outside SessionProvider');
  return state;
}

/** The signed-in session; only below AuthGate, where it is known to exist. */
export function useSession(): Session {
  const { session } = useSessionState();
  if (!session) throw new Error('useSession without a session');
  return session;
}

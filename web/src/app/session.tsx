import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthenticated } from '../api/client';
import { isApiError } from '../api/problem';
import type { Session, User } from '../api/types';
import { restoreLanguage } from '../i18n/i18n';

// Who is signed in, and what the role lets them do: a viewer sees no write actions, set-up
// records are changed by admins only (api.md §3.3).

export interface SessionState {
  readonly user: User | null;
  /** True until the first GET /auth/me has answered. */
  readonly loading: boolean;
  /** The sign-in page shows this after a session ran out. */
  readonly expired: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** May log interactions and manage entries, contacts, campaigns and segments. */
  readonly canWrite: boolean;
  /** May change set-up records. */
  readonly isAdmin: boolean;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    onUnauthenticated(() => {
      setUser((u) => {
        if (u) setExpired(true);
        return null;
      });
    });
    api
      .get<Session>('/auth/me')
      .then((s) => {
        restoreLanguage(s.user.username);
        setUser(s.user);
      })
      .catch((e: unknown) => {
        if (!isApiError(e) || e.status !== 401) console.error(e);
      })
      .finally(() => setLoading(false));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await api.post<Session>('/auth/login', { username, password });
    restoreLanguage(s.user.username);
    setExpired(false);
    setUser(s.user);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      setUser(null);
    }
  }, []);

  const value = useMemo<SessionState>(
    () => ({
      user,
      loading,
      expired,
      login,
      logout,
      canWrite: user !== null && user.role !== 'viewer',
      isAdmin: user?.role === 'admin',
    }),
    [user, loading, expired, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

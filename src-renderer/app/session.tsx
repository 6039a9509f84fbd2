import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppInfo } from '../../src-shared/api/app';
import type { SessionUser } from '../../src-shared/domain/account';
import { useApi } from '../api/hooks';

/** `passwordChange`: logged in with a password the principal chose, which must be changed before anything else. */
export type SessionStatus = 'loading' | 'setup' | 'anonymous' | 'locked' | 'passwordChange' | 'ready' | 'unreachable';

export interface SessionValue {
  status: SessionStatus;
  info: AppInfo | null;
  user: SessionUser | null;
  idleLockMinutes: number;
  /** Why the person was sent back to the login page, if not by their own choice. */
  notice: string | null;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  lock(): Promise<void>;
  unlock(password: string): Promise<void>;
  /** Changes the own password; a first login then goes on to the shell. */
  changePassword(oldPassword: string, newPassword: string): Promise<void>;
  refreshInfo(): Promise<void>;
  /** After the first-run wizard: the institution exists, the principal logs in next. */
  finishSetup(): Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Where a logged-in session stands, from what the server says of it. */
function statusOf(state: { locked: boolean; user: SessionUser }): SessionStatus {
  return state.locked ? 'locked' : state.user.mustChangePassword ? 'passwordChange' : 'ready';
}

const ACTIVITY_EVENTS = ['mousedown', 'mousemove', 'keydown', 'wheel', 'touchstart'] as const;
const TOUCH_EVERY_MS = 60_000;

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [user, setUser] = useState<SessionUser | null>(null);
  const [idleLockMinutes, setIdle] = useState(15);
  const [notice, setNotice] = useState<string | null>(null);

  const refreshInfo = useCallback(async () => {
    setInfo(await api.call('app.info', {}));
  }, [api]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const appInfo = await api.call('app.info', {});
        if (cancelled) return;
        setInfo(appInfo);
        if (appInfo.needsSetup) return setStatus('setup');
        const state = api.hasSession() ? await api.call('auth.session', {}) : null;
        if (cancelled) return;
        if (!state) {
          api.setSession(null);
          return setStatus('anonymous');
        }
        setUser(state.user);
        setIdle(state.idleLockMinutes);
        setStatus(statusOf(state));
      } catch {
        if (!cancelled) setStatus('unreachable');
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(
    () =>
      api.onAuthProblem((code) => {
        if (code === 'SESSION_LOCKED') return setStatus('locked');
        api.setSession(null);
        queryClient.clear();
        setUser(null);
        setNotice('会话已结束，请重新登录。');
        setStatus('anonymous');
      }),
    [api, queryClient],
  );

  // The idle lock (the password-change screen too): the server locks on its own as well; this makes the screen follow at once.
  const lastActivity = useRef(Date.now());
  const lastTouch = useRef(Date.now());
  useEffect(() => {
    if (status !== 'ready' && status !== 'passwordChange') return;
    const onActivity = () => {
      lastActivity.current = Date.now();
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = setInterval(() => {
      const now = Date.now();
      if (now - lastActivity.current > idleLockMinutes * 60_000) {
        void api.call('auth.lock', {}).catch(() => {});
        setStatus('locked');
      } else if (lastActivity.current > lastTouch.current && now - lastTouch.current > TOUCH_EVERY_MS) {
        lastTouch.current = now;
        void api.call('auth.touch', {}).catch(() => {});
      }
    }, 5_000);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
    };
  }, [api, status, idleLockMinutes]);

  const value = useMemo<SessionValue>(
    () => ({
      status,
      info,
      user,
      idleLockMinutes,
      notice,
      refreshInfo,
      async finishSetup() {
        setInfo(await api.call('app.info', {}));
        setStatus('anonymous');
      },
      async login(username, password) {
        const result = await api.call('auth.login', { username, password });
        api.setSession(result.sessionToken);
        queryClient.clear();
        setUser(result.user);
        setIdle(result.idleLockMinutes);
        setNotice(null);
        lastActivity.current = Date.now();
        setStatus(statusOf({ locked: false, user: result.user }));
      },
      async logout() {
        await api.call('auth.logout', {}).catch(() => {});
        api.setSession(null);
        queryClient.clear();
        setUser(null);
        setNotice(null);
        setStatus(info?.needsSetup ? 'setup' : 'anonymous');
      },
      async lock() {
        await api.call('auth.lock', {});
        setStatus('locked');
      },
      async unlock(password) {
        const state = await api.call('auth.unlock', { password });
        setUser(state.user);
        setIdle(state.idleLockMinutes);
        lastActivity.current = Date.now();
        setStatus(statusOf(state));
        // The shell stayed under the lock screen; what it asked for meanwhile was refused.
        void queryClient.refetchQueries({ type: 'active', predicate: (q) => q.state.status === 'error' });
      },
      async changePassword(oldPassword, newPassword) {
        await api.call('auth.changePassword', { oldPassword, newPassword });
        const state = await api.call('auth.session', {});
        if (!state) throw new Error('会话已结束，请重新登录。');
        setUser(state.user);
        setStatus(statusOf(state));
      },
    }),
    [api, queryClient, status, info, user, idleLockMinutes, notice, refreshInfo],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

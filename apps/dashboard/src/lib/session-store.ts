import type { AuthTokens, UserView } from '@hotline/contracts';

/** What the browser keeps of a login. Expiry is kept as a local instant so the server's clock never matters. */
export interface Session {
  accessToken: string;
  /** Local epoch ms when the access token stops working. */
  accessExpiresAt: number;
  refreshToken: string;
  refreshExpiresAt: string;
  user: UserView;
}

/** Why a session ended, shown once on the login page. */
export type SessionEndReason = 'logout' | 'expired' | 'disabled';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const SESSION_KEY = 'hotline.session.v1';

/**
 * The session lives in localStorage so that every tab of the dashboard shares it: the refresh token rotates (each one
 * works once) and a second tab holding a stale copy would otherwise burn the whole session. Tabs see each other's
 * changes through the `storage` event.
 */
export class SessionStore {
  private current: Session | null;
  private readonly listeners = new Set<() => void>();
  private endReason: SessionEndReason | null = null;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = Date.now,
  ) {
    this.current = this.read();
  }

  get = (): Session | null => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Re-reads storage: another tab may have refreshed the tokens or logged out. */
  reload(): Session | null {
    const next = this.read();
    if (next?.accessToken !== this.current?.accessToken || next?.user !== this.current?.user) {
      this.current = next;
      this.emit();
    }
    return this.current;
  }

  setTokens(tokens: AuthTokens): Session {
    const session: Session = {
      accessToken: tokens.accessToken,
      accessExpiresAt: this.now() + tokens.expiresIn * 1000,
      refreshToken: tokens.refreshToken,
      refreshExpiresAt: tokens.refreshExpiresAt,
      user: tokens.user,
    };
    this.endReason = null;
    this.write(session);
    return session;
  }

  setUser(user: UserView): void {
    if (this.current && this.current.user.id === user.id) this.write({ ...this.current, user });
  }

  clear(reason: SessionEndReason): void {
    if (!this.current) return;
    this.endReason = reason;
    this.write(null);
  }

  /** The reason the last session ended in this tab, once (the login page shows it). */
  takeEndReason(): SessionEndReason | null {
    const r = this.endReason;
    this.endReason = null;
    return r;
  }

  /** Called from the window `storage` event. */
  onExternalChange(key: string | null): void {
    if (key !== null && key !== SESSION_KEY) return;
    const before = this.current;
    this.current = this.read();
    if (before && !this.current) this.endReason = 'logout';
    this.emit();
  }

  private read(): Session | null {
    try {
      const raw = this.storage.getItem(SESSION_KEY);
      if (!raw) return null;
      const s = JSON.parse(raw) as Session;
      return typeof s?.accessToken === 'string' && typeof s.refreshToken === 'string' && s.user ? s : null;
    } catch {
      return null;
    }
  }

  private write(next: Session | null): void {
    this.current = next;
    try {
      if (next) this.storage.setItem(SESSION_KEY, JSON.stringify(next));
      else this.storage.removeItem(SESSION_KEY);
    } catch {
      // Private mode or a full quota: the session still works in this tab.
    }
    this.emit();
  }

  private emit(): void {
    for (const l of [...this.listeners]) l();
  }
}

export function memoryStorage(): KeyValueStorage {
  const mem = new Map<string, string>();
  return {
    getItem: (k) => mem.get(k) ?? null,
    setItem: (k, v) => void mem.set(k, v),
    removeItem: (k) => void mem.delete(k),
  };
}

function browserStorage(): KeyValueStorage {
  try {
    return window.localStorage ?? memoryStorage();
  } catch {
    return memoryStorage();
  }
}

export const sessionStore = new SessionStore(typeof window === 'undefined' ? memoryStorage() : browserStorage());

if (typeof window !== 'undefined') {
  window.addEventListener('storage', (e) => sessionStore.onExternalChange(e.key));
}

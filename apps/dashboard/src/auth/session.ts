import { useSyncExternalStore } from 'react';
import type { UserView } from '@hotline/contracts';
import { authClient } from '../lib/api-client';
import { clearCache } from '../lib/resource';
import { type Session, sessionStore } from '../lib/session-store';

export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
}

/** The logged-in user; only for components rendered inside the authenticated shell. */
export function useCurrentUser(): UserView {
  const s = useSession();
  if (!s) throw new Error('useCurrentUser without a session');
  return s.user;
}

export async function logout(): Promise<void> {
  clearCache();
  await authClient.logout();
}

// Whatever ends the session (logout here or in another tab, refresh refused, account disabled) drops cached data.
let lastUserId: string | null = sessionStore.get()?.user.id ?? null;
sessionStore.subscribe(() => {
  const id = sessionStore.get()?.user.id ?? null;
  if (id !== lastUserId) clearCache();
  lastUserId = id;
});

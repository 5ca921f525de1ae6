import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { ServerEventName, ServerToClientEvents } from '@hotline/contracts';
import { authClient } from '../lib/api-client';
import { invalidateAll } from '../lib/resource';
import { sessionStore } from '../lib/session-store';
import { type ConnectionState, RealtimeConnection } from './connection';

const RealtimeContext = createContext<RealtimeConnection | null>(null);

/** Opens the session's one socket while mounted (inside the authenticated shell) and closes it on unmount/logout. */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const [connection, setConnection] = useState<RealtimeConnection | null>(null);
  useEffect(() => {
    const c = new RealtimeConnection(authClient, {
      onResync: invalidateAll,
      onSessionEnded: (code) => sessionStore.clear(code === 'USER_DISABLED' ? 'disabled' : 'expired'),
    });
    c.start();
    setConnection(c);
    return () => c.close();
  }, []);
  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}

const noop = () => () => undefined;

export function useConnectionState(): ConnectionState {
  const c = useContext(RealtimeContext);
  return useSyncExternalStore(c?.subscribe ?? noop, c?.getState ?? (() => 'connecting' as const));
}

/** Subscribes to one typed server event for as long as the component is mounted. */
export function useRealtimeEvent<E extends ServerEventName>(event: E, handler: ServerToClientEvents[E]): void {
  const c = useContext(RealtimeContext);
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!c) return;
    const listener = ((...args: unknown[]) => (ref.current as (...a: unknown[]) => void)(...args)) as never;
    c.socket.on(event, listener);
    return () => {
      c.socket.off(event, listener);
    };
  }, [c, event]);
}

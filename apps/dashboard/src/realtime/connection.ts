import { io, type Socket } from 'socket.io-client';
import { ERROR_CODES, type ClientToServerEvents, type RoomName, type ServerToClientEvents } from '@hotline/contracts';
import type { AuthClient } from '../lib/api-client';

export type HotlineSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** connecting: first connection of the session; online: the server said session:ready; reconnecting: lost, retrying. */
export type ConnectionState = 'connecting' | 'online' | 'reconnecting';

export interface ConnectionHooks {
  /** After a reconnect: events may have been missed, so what is on screen must be fetched again. */
  onResync(): void;
  /** The server refused the session for good (disabled account). */
  onSessionEnded(code: string): void;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * One socket per session. socket.io reconnects by itself after a network loss; when the SERVER closes the socket
 * (auth:error on a stale token, api restart) it does not, so this class refreshes the token when the server asked for
 * it and reconnects with a capped backoff. The token is read at every (re)connection through the `auth` callback.
 */
export class RealtimeConnection {
  readonly socket: HotlineSocket;
  private state: ConnectionState = 'connecting';
  private rooms: RoomName[] = [];
  private everOnline = false;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private lastAuthError: string | null = null;
  private tokenUsed: string | null = null;
  private closed = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly auth: AuthClient,
    private readonly hooks: ConnectionHooks,
    url?: string,
  ) {
    const options = {
      path: '/socket.io',
      autoConnect: false,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 10_000,
      auth: (cb: (data: object) => void) => {
        this.auth.accessToken().then(
          (token) => {
            this.tokenUsed = token;
            cb({ token: token ?? '' });
          },
          () => cb({ token: this.tokenUsed ?? '' }),
        );
      },
    };
    this.socket = url ? io(url, options) : io(options);
    this.socket.on('session:ready', (p) => {
      this.rooms = p.rooms;
      this.attempts = 0;
      this.lastAuthError = null;
      const wasReconnect = this.everOnline;
      this.everOnline = true;
      this.setState('online');
      if (wasReconnect) this.hooks.onResync();
    });
    this.socket.on('auth:error', (e) => {
      this.lastAuthError = e.code || ERROR_CODES.UNAUTHENTICATED;
    });
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.setState(this.everOnline ? 'reconnecting' : 'connecting');
      // Only a server-side close needs us; transport losses are retried by socket.io itself.
      if (reason === 'io server disconnect') void this.afterServerClose();
    });
    this.socket.io.on('reconnect_attempt', () => this.setState(this.everOnline ? 'reconnecting' : 'connecting'));
    if (typeof window !== 'undefined') window.addEventListener('online', this.onBrowserOnline);
  }

  start(): void {
    this.socket.connect();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onBrowserOnline);
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.listeners.clear();
  }

  getState = (): ConnectionState => this.state;
  getRooms = (): RoomName[] => this.rooms;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private onBrowserOnline = () => {
    if (this.closed || this.socket.connected) return;
    clearTimeout(this.retryTimer);
    this.attempts = 0;
    this.socket.connect();
  };

  private async afterServerClose(): Promise<void> {
    const code = this.lastAuthError;
    this.lastAuthError = null;
    if (code === ERROR_CODES.USER_DISABLED) {
      this.hooks.onSessionEnded(code);
      return;
    }
    if (code) {
      // The token was refused (expired, session revoked): renew it; a null session means it is over.
      try {
        const renewed = await this.auth.refresh(this.tokenUsed ?? undefined);
        if (!renewed) {
          this.hooks.onSessionEnded(code);
          return;
        }
      } catch {
        // Network trouble while refreshing: retry later like any other loss.
      }
    }
    if (this.closed) return;
    const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempts) * (0.75 + Math.random() * 0.5);
    this.attempts++;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(
      () => {
        if (!this.closed && !this.socket.connected) this.socket.connect();
      },
      code && this.attempts === 1 ? 0 : delay,
    );
  }

  private setState(next: ConnectionState): void {
    if (next === this.state) return;
    this.state = next;
    for (const l of [...this.listeners]) l();
  }
}

import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
} from '@nestjs/websockets';
import type { ClientToServerEvents, RoomName, ServerToClientEvents } from '@hotline/contracts';
import { rooms } from '@hotline/contracts';
import { OperatorPresenceService } from '@hotline/calls';
import { ACCESS_TOKEN_VERIFIER, AccessTokenVerifier, AuthUser, DomainError } from '@hotline/core';
import type { Server, Socket } from 'socket.io';

type HotlineSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user?: AuthUser }>;

/** The rooms a staff member belongs to, derived on the server from the verified token only. */
export function roomsFor(user: AuthUser): RoomName[] {
  const list: RoomName[] = [rooms.role(user.role), rooms.user(user.id)];
  if (user.role === 'dispatcher' && user.officeId) list.push(rooms.office(user.officeId));
  return list;
}

@WebSocketGateway()
export class EventsGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  /** Set when the api shuts down: sockets closed by the shutdown are not operators going offline (they reconnect elsewhere). */
  private closing = false;

  private readonly logger = new Logger(EventsGateway.name);

  @WebSocketServer()
  server: Server<ClientToServerEvents, ServerToClientEvents>;

  constructor(
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
    private readonly presence: OperatorPresenceService,
  ) {}

  async handleConnection(client: HotlineSocket): Promise<void> {
    const token = (client.handshake.auth as { token?: unknown } | undefined)?.token;
    let user: AuthUser;
    try {
      if (typeof token !== 'string' || !token)
        throw new DomainError(401, 'UNAUTHENTICATED', 'Missing token: connect with auth: { token }');
      user = await this.verifier.verifyAccessToken(token);
    } catch (err) {
      const e = err instanceof DomainError ? err : new DomainError(401, 'UNAUTHENTICATED', 'Invalid token');
      this.logger.debug(`Socket ${client.id} refused: ${e.message}`);
      client.emit('auth:error', { code: String(e.code), message: e.message });
      client.disconnect(true);
      return;
    }
    if (client.disconnected) return;
    client.data.user = user;
    const joined = roomsFor(user);
    await client.join(joined);
    client.emit('session:ready', { userId: user.id, role: user.role, rooms: joined });
    // An operator whose first socket arrives becomes available (presence), unless busy or on break.
    if (user.role === 'operator')
      this.presence.online(user.id).catch((err: Error) => this.logger.warn(`presence online: ${err.message}`));
  }

  onModuleDestroy(): void {
    this.closing = true;
  }

  async handleDisconnect(client: HotlineSocket): Promise<void> {
    const user = client.data.user;
    if (!user || this.closing) return;
    this.logger.debug(`Socket ${client.id} of ${user.username} disconnected`);
    if (user.role !== 'operator') return;
    try {
      // Across every api instance (Redis adapter): only the last socket going away starts the offline grace period.
      const remaining = await this.server.in(rooms.user(user.id)).fetchSockets();
      if (remaining.length === 0) await this.presence.lost(user.id);
    } catch (err) {
      this.logger.warn(`presence lost: ${(err as Error).message}`);
    }
  }

  @SubscribeMessage('ping')
  ping(@ConnectedSocket() client: HotlineSocket): { now: string } {
    if (!client.data.user) throw new WsException('Not authenticated yet');
    return { now: new Date().toISOString() };
  }

  connectedCount(): number {
    return this.server?.engine?.clientsCount ?? 0;
  }
}

import type { CallsServerEvents } from './calls';
import type { DispatchServerEvents } from './dispatch';
import type { FeedbackServerEvents } from './feedback';
import type { Role } from './roles';

/** Rooms are joined by the server from the token's claims only. */
export const rooms = {
  role: (role: Role) => `role:${role}` as const,
  user: (userId: string) => `user:${userId}` as const,
  office: (officeId: string) => `office:${officeId}` as const,
};
export type RoomName = `role:${Role}` | `user:${string}` | `office:${string}`;

export interface AnnouncementEvent {
  id: string;
  message: string;
  audience: RoomName | 'all';
  from: { id: string; fullName: string };
  sentAt: string;
}

/**
 * Every event the server sends, with its payload. Events carry ids and the new state; a client that reconnects
 * re-fetches over REST, so a lost event never leaves a screen wrong.
 */
export interface ServerToClientEvents extends CallsServerEvents, DispatchServerEvents, FeedbackServerEvents {
  /** Sent right before a refused or revoked connection is closed. */
  'auth:error': (payload: { code: string; message: string }) => void;
  /** Sent once the server has authenticated the socket and joined its rooms. */
  'session:ready': (payload: { userId: string; role: Role; rooms: RoomName[] }) => void;
  /** A supervisor/admin message to a role, an office or everybody (delivered by the worker through the emitter). */
  announcement: (payload: AnnouncementEvent) => void;
}

export type ServerEventName = keyof ServerToClientEvents;
export type ServerEventPayload<E extends ServerEventName> = Parameters<ServerToClientEvents[E]>[0];

export interface ClientToServerEvents {
  ping: (ack: (payload: { now: string }) => void) => void;
}

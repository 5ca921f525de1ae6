import type { AuthSession } from '../auth-session.entity';
import type { RefreshToken } from '../refresh-token.entity';
import type { RefreshCandidate, SessionPrincipal, SessionsRepository } from '../repositories/sessions.repository';
import type { InMemoryUsersRepository } from './in-memory-users.repository';

type PublicOf<T> = { [K in keyof T]: T[K] };

/** SessionsRepository in memory (its user reads go to the users fake, as the real one reads the users table). */
export class InMemorySessionsRepository implements PublicOf<SessionsRepository> {
  readonly sessions = new Map<string, AuthSession>();
  readonly tokens = new Map<string, RefreshToken>();

  constructor(private readonly users: InMemoryUsersRepository) {}

  async insertSession(session: AuthSession): Promise<void> {
    this.sessions.set(session.id, { ...session });
  }

  async insertToken(token: RefreshToken): Promise<void> {
    this.tokens.set(token.id, { ...token });
  }

  async findSession(id: string): Promise<AuthSession | null> {
    return this.sessions.get(id) ?? null;
  }

  async findToken(id: string): Promise<RefreshToken | null> {
    return this.tokens.get(id) ?? null;
  }

  async lockForRefresh(tokenId: string): Promise<RefreshCandidate | null> {
    const token = this.tokens.get(tokenId);
    if (!token) return null;
    const session = this.sessions.get(token.sessionId) ?? null;
    const user = session ? await this.users.findById(session.userId) : null;
    return { token: { ...token }, session: session && { ...session }, user };
  }

  async markTokenUsed(tokenId: string, at: Date): Promise<void> {
    this.tokens.get(tokenId)!.usedAt = at;
  }

  async markRefreshed(sessionId: string, at: Date): Promise<void> {
    this.sessions.get(sessionId)!.lastRefreshedAt = at;
  }

  async revoke(sessionId: string, reason: string, at: Date): Promise<boolean> {
    const s = this.sessions.get(sessionId);
    if (!s || s.revokedAt) return false;
    Object.assign(s, { revokedAt: at, revokedReason: reason });
    return true;
  }

  async revokeAllOf(userId: string, reason: string, at: Date, exceptSessionId?: string): Promise<number> {
    const open = [...this.sessions.values()].filter((s) => s.userId === userId && !s.revokedAt);
    const ended = open.filter((s) => s.id !== exceptSessionId);
    for (const s of ended) Object.assign(s, { revokedAt: at, revokedReason: reason });
    return ended.length;
  }

  async principal(sessionId: string): Promise<SessionPrincipal | undefined> {
    const s = this.sessions.get(sessionId);
    const u = s && (await this.users.findById(s.userId));
    if (!s || !u) return undefined;
    const { id, username, fullName, role, postOfficeId: officeId, disabledAt } = u;
    return { id, username, fullName, role, officeId, disabledAt, revokedAt: s.revokedAt, sessionUser: s.userId };
  }

  async purgeExpired(cutoff: Date): Promise<{ tokens: number; sessions: number }> {
    const tokens = [...this.tokens.values()].filter((t) => t.expiresAt < cutoff);
    for (const t of tokens) this.tokens.delete(t.id);
    const sessions = [...this.sessions.values()].filter((s) => s.expiresAt < cutoff);
    for (const s of sessions) this.sessions.delete(s.id);
    return { tokens: tokens.length, sessions: sessions.length };
  }

  /** The open sessions of a user. */
  openSessionsOf(userId: string): AuthSession[] {
    return [...this.sessions.values()].filter((s) => s.userId === userId && !s.revokedAt);
  }
}

import { identityTestbed } from '../testing/identity-testbed';
import { ChangePasswordUseCase } from '../use-cases/change-password.use-case';
import { DisableUserUseCase } from '../use-cases/disable-user.use-case';
import { LoginUseCase } from '../use-cases/login.use-case';
import { LogoutUseCase } from '../use-cases/logout.use-case';
import { PurgeExpiredSessionsUseCase } from '../use-cases/purge-expired-sessions.use-case';
import { RefreshSessionUseCase } from '../use-cases/refresh-session.use-case';
import { ResetPasswordUseCase } from '../use-cases/reset-password.use-case';
import { UpdateUserUseCase } from '../use-cases/update-user.use-case';
import { SESSION_CACHE_TOPIC } from './access-token-verifier';

/** The auth guard's check: the token, then the session and the user as they are now. */
describe('SessionAccessTokenVerifier', () => {
  async function setup(options: { sessionCacheMs?: number } = {}) {
    const bed = identityTestbed(options);
    const uow = bed.uow.asUnitOfWork;
    const login = new LoginUseCase(bed.credentials, bed.issuer, uow, bed.clock);
    const admin = await bed.addUser({ username: 'admin', role: 'admin' });
    const user = await bed.addUser({ username: 'lan' });
    const tokens = await login.execute({ username: 'lan', password: 'Matkhau@2026' });
    const { sid } = await bed.access.verify(tokens.accessToken);
    // Counts the principal reads that reach the repository (MariaDB in production).
    let reads = 0;
    const principal = bed.sessions.principal.bind(bed.sessions);
    bed.sessions.principal = (id: string) => {
      reads++;
      return principal(id);
    };
    const useCases = {
      logout: new LogoutUseCase(bed.sessionsRepo, uow, bed.clock),
      refresh: new RefreshSessionUseCase(bed.sessionsRepo, bed.issuer, uow, bed.clock),
      disable: new DisableUserUseCase(bed.usersRepo, bed.sessionsRepo, uow, bed.clock),
      change: new ChangePasswordUseCase(bed.credentials, bed.sessionsRepo, uow, bed.clock),
      reset: new ResetPasswordUseCase(bed.credentials, bed.sessionsRepo, uow, bed.clock),
      update: new UpdateUserUseCase(bed.usersRepo, bed.binding, uow, bed.clock),
      purge: new PurgeExpiredSessionsUseCase(bed.sessionsRepo, uow, bed.clock),
    };
    return { ...bed, ...useCases, login, admin, user, tokens, token: tokens.accessToken, sid, reads: () => reads };
  }
  type Bed = Awaited<ReturnType<typeof setup>>;

  it('answers who the token is, role and office from the database, with the session id', async () => {
    const { verifier, token, user, sid, users } = await setup();
    await users.update(user.id, { role: 'supervisor' });
    expect(await verifier.verifyAccessToken(token)).toEqual({
      id: user.id,
      username: 'lan',
      fullName: user.fullName,
      role: 'supervisor',
      officeId: null,
      sessionId: sid,
    });
  });

  it('keeps the principal in memory: one read per session, until a change is announced or the TTL passes', async () => {
    const { verifier, token, sid, sessions, clock, reads, bus } = await setup({ sessionCacheMs: 1000 });
    await verifier.verifyAccessToken(token);
    await verifier.verifyAccessToken(token);
    expect(reads()).toBe(1);
    // A revocation that nobody announced (written behind the use cases' back) is not seen…
    await sessions.revoke(sid, 'logout', clock.now());
    await expect(verifier.verifyAccessToken(token)).resolves.toMatchObject({ sessionId: sid });
    // …until the announcement, or the TTL backstop.
    bus.invalidateLocal(SESSION_CACHE_TOPIC, [sid]);
    await expect(verifier.verifyAccessToken(token)).rejects.toMatchObject({ message: /session has ended/ });
    expect(reads()).toBe(2);
  });

  it('the TTL is a backstop for a lost announcement', async () => {
    const start = Date.now();
    const now = jest.spyOn(Date, 'now').mockReturnValue(start);
    try {
      const { verifier, token, sid, sessions, clock } = await setup({ sessionCacheMs: 1000 });
      await verifier.verifyAccessToken(token);
      await sessions.revoke(sid, 'logout', clock.now());
      now.mockReturnValue(start + 999);
      await expect(verifier.verifyAccessToken(token)).resolves.toMatchObject({ sessionId: sid });
      now.mockReturnValue(start + 1000);
      await expect(verifier.verifyAccessToken(token)).rejects.toMatchObject({ status: 401 });
    } finally {
      now.mockRestore();
    }
  });

  it('reads the database on every request while the invalidation subscriber is down, and starts over when it is back', async () => {
    const { verifier, token, sid, sessions, clock, reads, bus } = await setup();
    await verifier.verifyAccessToken(token);
    bus.disconnect();
    await verifier.verifyAccessToken(token);
    await verifier.verifyAccessToken(token);
    expect(reads()).toBe(3);
    await sessions.revoke(sid, 'logout', clock.now()); // announced while down: lost for this process
    await expect(verifier.verifyAccessToken(token)).rejects.toMatchObject({ status: 401 });
    bus.reconnect();
    await expect(verifier.verifyAccessToken(token)).rejects.toMatchObject({ status: 401 });
  });

  it('AUTH_SESSION_CACHE_MS=0: one read per request', async () => {
    const { verifier, token, reads } = await setup({ sessionCacheMs: 0 });
    await verifier.verifyAccessToken(token);
    await verifier.verifyAccessToken(token);
    expect(reads()).toBe(2);
  });

  /** Each change, made after the token's principal was cached: what the very next check says, and what went out. */
  it.each<[string, (b: Bed) => Promise<unknown>, RegExp | { role: string }, 'session' | 'user' | 'all']>([
    ['logout', (b) => b.logout.execute(b.tokens.refreshToken), /session has ended/, 'session'],
    ['logout by access token', (b) => b.logout.endSession(b.sid), /session has ended/, 'session'],
    [
      'refresh-token reuse',
      async (b) => {
        await b.refresh.execute(b.tokens.refreshToken);
        await b.refresh.execute(b.tokens.refreshToken).catch(() => undefined);
      },
      /session has ended/,
      'session',
    ],
    ['disable', (b) => b.disable.execute({ id: b.user.id, actorId: b.admin.id }), /disabled/, 'user'],
    [
      'password change (from another session)',
      (b) => b.change.execute({ userId: b.user.id, currentPassword: 'Matkhau@2026', newPassword: 'Moi-pass-2026' }),
      /session has ended/,
      'user',
    ],
    [
      'password reset',
      (b) => b.reset.execute({ id: b.user.id, newPassword: 'Tam-pass-2026', actorId: b.admin.id }),
      /session has ended/,
      'user',
    ],
    [
      'role change',
      (b) => b.update.execute(b.user.id, { role: 'supervisor' }, b.admin.id),
      { role: 'supervisor' },
      'user',
    ],
  ])('%s: the next check sees it, and every process is told', async (_name, change, expected, scope) => {
    const b = await setup();
    await b.verifier.verifyAccessToken(b.token);
    await change(b);
    if (expected instanceof RegExp)
      await expect(b.verifier.verifyAccessToken(b.token)).rejects.toMatchObject({ status: 401, message: expected });
    else await expect(b.verifier.verifyAccessToken(b.token)).resolves.toMatchObject(expected);
    const keys = scope === 'session' ? [b.sid] : [b.user.id];
    expect(b.bus.broadcasts).toContainEqual({ topic: SESSION_CACHE_TOPIC, keys });
  });

  it('a purge that deleted sessions drops every cached session', async () => {
    const b = await setup();
    b.clock.travel(86_400_000 * 30);
    const before = b.bus.broadcasts.length; // the setup's login
    await b.purge.execute();
    expect(b.bus.broadcasts.slice(before)).toEqual([{ topic: SESSION_CACHE_TOPIC, keys: null }]);
  });

  it('refuses a disabled user and an ended session', async () => {
    const { verifier, token, user, sid, users, sessions, clock } = await setup({ sessionCacheMs: 0 });
    await sessions.revoke(sid, 'logout', clock.now());
    await expect(verifier.verifyAccessToken(token)).rejects.toMatchObject({ message: /session has ended/ });
    await users.update(user.id, { disabledAt: clock.now() });
    await expect(verifier.verifyAccessToken(token)).rejects.toMatchObject({ code: 'USER_DISABLED' });
  });

  it('refuses a token of a session that belongs to someone else, and a bad token', async () => {
    const { verifier, access, sid, addUser } = await setup();
    const other = await addUser({ username: 'other' });
    const forged = await access.sign({ sub: other.id, sid, role: 'admin', officeId: null, username: 'other' });
    await expect(verifier.verifyAccessToken(forged)).rejects.toMatchObject({ message: 'Invalid access token' });
    await expect(verifier.verifyAccessToken('not.a.jwt')).rejects.toMatchObject({ status: 401 });
  });
});

import type { AuthTokens } from '@hotline/contracts';
import { identityTestbed } from '../testing/identity-testbed';
import { LoginUseCase } from './login.use-case';
import { LogoutUseCase } from './logout.use-case';
import { RefreshSessionUseCase } from './refresh-session.use-case';

describe('refresh token rotation and logout', () => {
  async function setup() {
    const bed = identityTestbed();
    const uow = bed.uow.asUnitOfWork;
    const login = new LoginUseCase(bed.credentials, bed.issuer, uow, bed.clock);
    const refresh = new RefreshSessionUseCase(bed.sessionsRepo, bed.issuer, uow, bed.clock);
    const logout = new LogoutUseCase(bed.sessionsRepo, uow, bed.clock);
    const user = await bed.addUser({ username: 'minh' });
    const first = await login.execute({ username: 'minh', password: 'Matkhau@2026' });
    const sid = async (t: AuthTokens) => (await bed.access.verify(t.accessToken)).sid;
    return { ...bed, refresh, logout, user, first, sid };
  }

  it('gives new tokens of the same session, and each refresh token works once', async () => {
    const { refresh, first, sid, sessions, clock } = await setup();
    clock.travel(60_000);
    const second = await refresh.execute(first.refreshToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await sid(second)).toBe(await sid(first));
    expect(sessions.sessions.get(await sid(first))!.lastRefreshedAt).toEqual(clock.now());
    const third = await refresh.execute(second.refreshToken);
    expect(await sid(third)).toBe(await sid(first));
  });

  it('treats a used token presented again as leaked: 401, and the whole session ends (the revocation commits)', async () => {
    const { refresh, first, sid, sessions, uow } = await setup();
    const second = await refresh.execute(first.refreshToken);
    await expect(refresh.execute(first.refreshToken)).rejects.toMatchObject({ message: /already used/ });
    expect(sessions.sessions.get(await sid(first))).toMatchObject({ revokedReason: 'refresh_reuse' });
    await expect(refresh.execute(second.refreshToken)).rejects.toMatchObject({ message: /session has ended/ });
    expect(uow.rollbacks).toBe(0);
  });

  it.each([
    ['garbage', 'Invalid refresh token'],
    ['01a2296b-0000-7000-8000-000000000000.secret', 'Invalid refresh token'],
  ])('refuses %s with 401 %s', async (token, message) => {
    const { refresh } = await setup();
    await expect(refresh.execute(token)).rejects.toMatchObject({ status: 401, message });
  });

  it('refuses a token whose secret is wrong, an expired session and a disabled user', async () => {
    const { refresh, first, users, user, clock, addUser } = await setup();
    const [id] = first.refreshToken.split('.');
    await expect(refresh.execute(`${id}.not-the-secret`)).rejects.toMatchObject({ message: 'Invalid refresh token' });

    await users.update(user.id, { disabledAt: clock.now() });
    await expect(refresh.execute(first.refreshToken)).rejects.toMatchObject({ code: 'USER_DISABLED' });
    await users.update(user.id, { disabledAt: null });

    clock.travel(86_400_000 + 1);
    await expect(refresh.execute(first.refreshToken)).rejects.toMatchObject({ message: /expired/ });
    expect(await addUser({ username: 'other' })).toBeDefined();
  });

  it('logout ends the session once and is idempotent; a malformed token is a 400, a wrong one a 401', async () => {
    const { logout, refresh, first, sid, sessions } = await setup();
    await logout.execute(first.refreshToken);
    await logout.execute(first.refreshToken);
    expect(sessions.sessions.get(await sid(first))).toMatchObject({ revokedReason: 'logout' });
    await expect(refresh.execute(first.refreshToken)).rejects.toMatchObject({ status: 401 });
    await expect(logout.execute('malformed')).rejects.toMatchObject({ status: 400 });
    const [id] = first.refreshToken.split('.');
    await expect(logout.execute(`${id}.wrong`)).rejects.toMatchObject({ status: 401 });
  });
});

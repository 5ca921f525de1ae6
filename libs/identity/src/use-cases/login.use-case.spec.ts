import { UnauthenticatedError } from '@hotline/core';
import { identityTestbed } from '../testing/identity-testbed';
import { LoginUseCase } from './login.use-case';

describe('LoginUseCase', () => {
  function setup() {
    const bed = identityTestbed();
    const login = new LoginUseCase(bed.credentials, bed.issuer, bed.uow.asUnitOfWork, bed.clock);
    return { ...bed, login };
  }

  it('opens a session: tokens for it, the login time on the user, a history row, no socket effect, the account views dropped', async () => {
    const { login, addUser, users, sessions, uow, access, clock } = setup();
    const user = await addUser({ username: 'lan', password: 'Matkhau@2026' });
    const tokens = await login.execute({ username: ' LAN ', password: 'Matkhau@2026', meta: { ip: '10.0.0.1' } });

    const claims = await access.verify(tokens.accessToken);
    expect(claims).toMatchObject({ sub: user.id, role: 'operator', username: 'lan' });
    expect(sessions.openSessionsOf(user.id).map((s) => s.id)).toEqual([claims.sid]);
    expect(sessions.sessions.get(claims.sid)).toMatchObject({ ip: '10.0.0.1', createdAt: clock.now() });
    expect(tokens.refreshToken.split('.')[0]).toEqual([...sessions.tokens.keys()][0]);
    expect(tokens.user).toMatchObject({ username: 'lan', disabled: false });
    expect(users.rows.get(user.id)!.lastLoginAt).toEqual(clock.now());
    expect(uow.history).toEqual([
      expect.objectContaining({
        actorId: user.id,
        entityId: user.id,
        action: 'login',
        data: { sessionId: claims.sid },
      }),
    ]);
    // No socket effect; the user's cached account views drop (their last-login time moved).
    expect(uow.effects).toEqual([{ kind: 'invalidate', topic: 'identity:sessions', keys: [user.id] }]);
  });

  it('answers the same 401 for a wrong password and an unknown user, and opens nothing', async () => {
    const { login, addUser, sessions, uow } = setup();
    await addUser({ username: 'lan', password: 'Matkhau@2026' });
    const wrong = login.execute({ username: 'lan', password: 'nope' });
    const unknown = login.execute({ username: 'nobody', password: 'Matkhau@2026' });
    await expect(wrong).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
    await expect(unknown).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong username or password' });
    expect(sessions.sessions.size).toBe(0);
    expect(uow.commits).toBe(0);
  });

  it('refuses a disabled account, also one disabled between the password check and the session', async () => {
    const { login, addUser, users, sessions, clock, credentials } = setup();
    const off = await addUser({ username: 'off' });
    await users.update(off.id, { disabledAt: clock.now() });
    await expect(login.execute({ username: 'off', password: 'Matkhau@2026' })).rejects.toMatchObject({
      code: 'USER_DISABLED',
    });

    const racing = await addUser({ username: 'racing' });
    const authenticate = credentials.authenticate.bind(credentials);
    jest.spyOn(credentials, 'authenticate').mockImplementation(async (u, p) => {
      const found = await authenticate(u, p);
      await users.update(racing.id, { disabledAt: clock.now() });
      return found;
    });
    await expect(login.execute({ username: 'racing', password: 'Matkhau@2026' })).rejects.toBeInstanceOf(
      UnauthenticatedError,
    );
    expect(sessions.openSessionsOf(racing.id)).toEqual([]);
  });
});

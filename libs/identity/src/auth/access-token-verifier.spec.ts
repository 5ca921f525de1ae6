import { identityTestbed } from '../testing/identity-testbed';
import { LoginUseCase } from '../use-cases/login.use-case';

/** The auth guard's check: the token, then the session and the user as they are now. */
describe('SessionAccessTokenVerifier', () => {
  async function setup() {
    const bed = identityTestbed();
    const login = new LoginUseCase(bed.credentials, bed.issuer, bed.uow.asUnitOfWork, bed.clock);
    const user = await bed.addUser({ username: 'lan' });
    const tokens = await login.execute({ username: 'lan', password: 'Matkhau@2026' });
    const { sid } = await bed.access.verify(tokens.accessToken);
    return { ...bed, user, token: tokens.accessToken, sid };
  }

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

  it('refuses a disabled user and an ended session at once', async () => {
    const { verifier, token, user, sid, users, sessions, clock } = await setup();
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

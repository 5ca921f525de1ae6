import { identityTestbed } from '../testing/identity-testbed';
import { ChangePasswordUseCase } from './change-password.use-case';
import { LoginUseCase } from './login.use-case';

describe('ChangePasswordUseCase', () => {
  async function setup() {
    const bed = identityTestbed();
    const uow = bed.uow.asUnitOfWork;
    const login = new LoginUseCase(bed.credentials, bed.issuer, uow, bed.clock);
    const change = new ChangePasswordUseCase(bed.credentials, bed.sessionsRepo, uow, bed.clock);
    const user = await bed.addUser({ username: 'hoa', password: 'Old-pass-1' });
    const a = await bed.access.verify((await login.execute({ username: 'hoa', password: 'Old-pass-1' })).accessToken);
    const b = await bed.access.verify((await login.execute({ username: 'hoa', password: 'Old-pass-1' })).accessToken);
    return { ...bed, change, login, user, current: a.sid, other: b.sid };
  }

  it('stores the new password, ends the other sessions and keeps this one, with a history row', async () => {
    const { change, login, user, current, other, sessions, users, uow } = await setup();
    uow.history.length = 0;
    await change.execute({
      userId: user.id,
      currentPassword: 'Old-pass-1',
      newPassword: 'New-pass-2',
      currentSessionId: current,
    });
    expect(sessions.openSessionsOf(user.id).map((s) => s.id)).toEqual([current]);
    expect(sessions.sessions.get(other)).toMatchObject({ revokedReason: 'password_changed' });
    expect(users.rows.get(user.id)!.mustChangePassword).toBe(false);
    expect(uow.history).toEqual([expect.objectContaining({ actorId: user.id, action: 'password_changed' })]);
    await expect(login.execute({ username: 'hoa', password: 'Old-pass-1' })).rejects.toMatchObject({ status: 401 });
    await expect(login.execute({ username: 'hoa', password: 'New-pass-2' })).resolves.toBeDefined();
  });

  it.each([
    ['a wrong current password', 'wrong-1', 'New-pass-2', /currentPassword is wrong/],
    ['the same password again', 'Old-pass-1', 'Old-pass-1', /must differ/],
  ])('refuses %s with a 400 and ends nothing', async (_name, currentPassword, newPassword, message) => {
    const { change, user, current, sessions, uow } = await setup();
    const commits = uow.commits;
    await expect(
      change.execute({ userId: user.id, currentPassword, newPassword, currentSessionId: current }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(message) });
    expect(sessions.openSessionsOf(user.id)).toHaveLength(2);
    expect(uow.commits).toBe(commits);
  });
});

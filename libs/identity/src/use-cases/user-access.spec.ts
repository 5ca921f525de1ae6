import { identityTestbed } from '../testing/identity-testbed';
import { DisableUserUseCase } from './disable-user.use-case';
import { EnableUserUseCase } from './enable-user.use-case';
import { LoginUseCase } from './login.use-case';
import { ResetPasswordUseCase } from './reset-password.use-case';

/** Disable, enable, reset password: what each commits and which sockets it closes. */
describe('user access use cases', () => {
  async function setup() {
    const bed = identityTestbed();
    const uow = bed.uow.asUnitOfWork;
    const login = new LoginUseCase(bed.credentials, bed.issuer, uow, bed.clock);
    const admin = await bed.addUser({ username: 'admin', role: 'admin' });
    const user = await bed.addUser({ username: 'lan' });
    await login.execute({ username: 'lan', password: 'Matkhau@2026' });
    await login.execute({ username: 'lan', password: 'Matkhau@2026' });
    bed.uow.history.length = 0;
    return {
      ...bed,
      login,
      admin,
      user,
      disable: new DisableUserUseCase(bed.usersRepo, bed.sessionsRepo, uow, bed.clock),
      enable: new EnableUserUseCase(bed.usersRepo, uow, bed.clock),
      reset: new ResetPasswordUseCase(bed.credentials, bed.sessionsRepo, uow, bed.clock),
    };
  }

  it('disable: the account is refused, every session ends, the sockets are closed after the commit', async () => {
    const { disable, login, admin, user, sessions, uow } = await setup();
    const view = await disable.execute({ id: user.id, actorId: admin.id, reason: 'Nghỉ việc' });
    expect(view.disabled).toBe(true);
    expect(sessions.openSessionsOf(user.id)).toEqual([]);
    // The setup's two logins, then the disable.
    expect(uow.effects).toEqual([
      { kind: 'invalidate', topic: 'identity:sessions', keys: [user.id] },
      { kind: 'invalidate', topic: 'identity:sessions', keys: [user.id] },
      { kind: 'invalidate', topic: 'identity:sessions', keys: [user.id] },
      {
        kind: 'disconnect',
        userId: user.id,
        reason: { code: 'USER_DISABLED', message: 'This account has been disabled' },
      },
    ]);
    expect(uow.history).toEqual([
      expect.objectContaining({ action: 'disabled', from: 'active', to: 'disabled', reason: 'Nghỉ việc' }),
    ]);
    await expect(login.execute({ username: 'lan', password: 'Matkhau@2026' })).rejects.toMatchObject({
      code: 'USER_DISABLED',
    });
  });

  it('disable and enable are idempotent: a second call changes nothing and records nothing', async () => {
    const { disable, enable, admin, user, uow } = await setup();
    await disable.execute({ id: user.id, actorId: admin.id });
    const again = await disable.execute({ id: user.id, actorId: admin.id });
    expect(again.disabled).toBe(true);
    expect(uow.effectsOf('disconnect')).toHaveLength(1);
    await enable.execute(user.id, admin.id);
    const enabledAgain = await enable.execute(user.id, admin.id);
    expect(enabledAgain.disabled).toBe(false);
    expect(uow.history.map((h) => `${h.action}:${h.from}->${h.to}`)).toEqual([
      'disabled:active->disabled',
      'enabled:disabled->active',
    ]);
  });

  it('an admin cannot disable their own account; an unknown user is a 404', async () => {
    const { disable, enable, admin } = await setup();
    await expect(disable.execute({ id: admin.id, actorId: admin.id })).rejects.toMatchObject({ status: 400 });
    const missing = '01a2296b-0000-7000-8000-000000000000';
    await expect(disable.execute({ id: missing, actorId: admin.id })).rejects.toMatchObject({ status: 404 });
    await expect(enable.execute(missing, admin.id)).rejects.toMatchObject({ status: 404 });
  });

  it('reset password: a temporary password to change, every session ended, sockets closed', async () => {
    const { reset, login, admin, user, sessions, uow } = await setup();
    const view = await reset.execute({ id: user.id, newPassword: 'Temp-pass-2026', actorId: admin.id });
    expect(view.mustChangePassword).toBe(true);
    expect(sessions.openSessionsOf(user.id)).toEqual([]);
    expect(uow.effectsOf('disconnect')).toEqual([
      expect.objectContaining({ userId: user.id, reason: expect.objectContaining({ code: 'PASSWORD_RESET' }) }),
    ]);
    expect(uow.history).toEqual([expect.objectContaining({ actorId: admin.id, action: 'password_reset' })]);
    const tokens = await login.execute({ username: 'lan', password: 'Temp-pass-2026' });
    expect(tokens.user.mustChangePassword).toBe(true);
  });
});

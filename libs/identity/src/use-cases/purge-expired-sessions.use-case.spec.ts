import { identityTestbed } from '../testing/identity-testbed';
import { LoginUseCase } from './login.use-case';
import { EXPIRED_SESSION_RETENTION_MS, PurgeExpiredSessionsUseCase } from './purge-expired-sessions.use-case';

describe('PurgeExpiredSessionsUseCase', () => {
  it('deletes sessions and refresh tokens expired more than a week ago, and keeps the rest', async () => {
    const bed = identityTestbed();
    const login = new LoginUseCase(bed.credentials, bed.issuer, bed.uow.asUnitOfWork, bed.clock);
    const purge = new PurgeExpiredSessionsUseCase(bed.sessionsRepo, bed.uow.asUnitOfWork, bed.clock);
    await bed.addUser({ username: 'lan' });
    await login.execute({ username: 'lan', password: 'Matkhau@2026' });
    bed.clock.travel(86_400_000); // the first session expires now
    await login.execute({ username: 'lan', password: 'Matkhau@2026' });

    bed.clock.travel(EXPIRED_SESSION_RETENTION_MS - 1);
    expect(await purge.execute()).toBe(0);
    bed.clock.travel(2);
    expect(await purge.execute()).toBe(1);
    expect(bed.sessions.sessions.size).toBe(1);
    expect(bed.sessions.tokens.size).toBe(1);
  });
});

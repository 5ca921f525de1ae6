import { JwtService } from '@nestjs/jwt';
import type { Role } from '@hotline/contracts';
import { type AppConfig, FakeClock, FakeInvalidationBus, FakeUnitOfWork } from '@hotline/core';
import type { PostOfficesService } from '@hotline/geo';
import { AccessTokens } from '../auth/access-tokens';
import { SessionAccessTokenVerifier } from '../auth/access-token-verifier';
import { Credentials } from '../auth/credentials';
import { SessionIssuer } from '../auth/session-issuer';
import type { PasswordHasher } from '../password-hasher';
import type { SessionsRepository } from '../repositories/sessions.repository';
import type { UsersRepository } from '../repositories/users.repository';
import type { User } from '../user.entity';
import { OfficeBinding } from '../users/office-binding';
import { UserFactory } from '../users/user-factory';
import { InMemorySessionsRepository } from './in-memory-sessions.repository';
import { InMemoryUsersRepository } from './in-memory-users.repository';

/** argon2 costs ~50 ms a hash: the use cases' tests hash by naming the password. */
export class FakePasswordHasher {
  async hash(password: string): Promise<string> {
    return `hashed:${password}`;
  }

  async verify(hash: string, password: string): Promise<boolean> {
    return hash === `hashed:${password}`;
  }

  async dummyHash(): Promise<string> {
    return 'hashed:\u0000';
  }
}

const AUTH = { jwtSecret: 'unit-test-secret-unit-test-secret', accessTtlSeconds: 900, refreshTtlSeconds: 86_400 };

/**
 * Everything an identity use case needs, in memory, with a clock the test moves. A commit's cache invalidations reach the
 * bus as the relay's would (this process's listeners at once; the broadcast recorded in `bus.broadcasts`).
 */
export function identityTestbed(options: { offices?: string[]; sessionCacheMs?: number } = {}) {
  const clock = new FakeClock();
  const bus = new FakeInvalidationBus();
  const uow = new FakeUnitOfWork(clock, {
    onCommit: (tx) => {
      for (const e of tx.effects) if (e.kind === 'invalidate') void bus.publish(e.topic, e.keys);
    },
  });
  const users = new InMemoryUsersRepository();
  const sessions = new InMemorySessionsRepository(users);
  const usersRepo = users as unknown as UsersRepository;
  const sessionsRepo = sessions as unknown as SessionsRepository;
  const hasher = new FakePasswordHasher() as unknown as PasswordHasher;
  const identity = { sessionCacheMs: options.sessionCacheMs ?? 30_000, sessionCacheMax: 1000 };
  const config = { auth: AUTH, identity } as unknown as AppConfig;
  const jwt = new JwtService({ secret: AUTH.jwtSecret });
  const access = new AccessTokens(jwt, config);
  const officeIds = new Set(options.offices ?? []);
  const offices = { exists: async (id: string) => officeIds.has(id) } as unknown as PostOfficesService;
  const factory = new UserFactory(hasher, clock);
  const verifier = new SessionAccessTokenVerifier(access, sessionsRepo, bus, config);
  verifier.onModuleInit();
  return {
    clock,
    bus,
    uow,
    users,
    sessions,
    usersRepo,
    sessionsRepo,
    access,
    credentials: new Credentials(usersRepo, hasher),
    issuer: new SessionIssuer(access, sessionsRepo, usersRepo),
    verifier,
    binding: new OfficeBinding(offices),
    factory,
    /** A stored account whose password is `password`. */
    async addUser(input: {
      username: string;
      role?: Role;
      password?: string;
      postOfficeId?: string | null;
    }): Promise<User> {
      const user = await factory.create({
        username: input.username,
        fullName: `Người ${input.username}`,
        password: input.password ?? 'Matkhau@2026',
        role: input.role ?? 'operator',
        postOfficeId: input.postOfficeId ?? null,
      });
      await users.insert(user);
      return user;
    },
  };
}

export type IdentityTestbed = ReturnType<typeof identityTestbed>;

import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ACCESS_TOKEN_VERIFIER, APP_CONFIG, AppConfig } from '@hotline/core';
import { GeoModule } from '@hotline/geo';
import { AccessTokens } from './auth/access-tokens';
import { SessionAccessTokenVerifier } from './auth/access-token-verifier';
import { Credentials } from './auth/credentials';
import { SessionIssuer } from './auth/session-issuer';
import { PasswordHasher } from './password-hasher';
import { SessionsRepository } from './repositories/sessions.repository';
import { UsersRepository } from './repositories/users.repository';
import { ChangePasswordUseCase } from './use-cases/change-password.use-case';
import { CreateUserUseCase } from './use-cases/create-user.use-case';
import { DisableUserUseCase } from './use-cases/disable-user.use-case';
import { EnableUserUseCase } from './use-cases/enable-user.use-case';
import { EnsureUserUseCase } from './use-cases/ensure-user.use-case';
import { LoginUseCase } from './use-cases/login.use-case';
import { LogoutUseCase } from './use-cases/logout.use-case';
import { PurgeExpiredSessionsUseCase } from './use-cases/purge-expired-sessions.use-case';
import { RefreshSessionUseCase } from './use-cases/refresh-session.use-case';
import { ResetPasswordUseCase } from './use-cases/reset-password.use-case';
import { UpdateUserUseCase } from './use-cases/update-user.use-case';
import { OfficeBinding } from './users/office-binding';
import { UserFactory } from './users/user-factory';
import { UsersService } from './users/users.service';

/** What the apps call: the read service, the commands, and the access-token check of the auth guard. */
const PUBLIC = [
  UsersService,
  LoginUseCase,
  RefreshSessionUseCase,
  LogoutUseCase,
  ChangePasswordUseCase,
  PurgeExpiredSessionsUseCase,
  CreateUserUseCase,
  UpdateUserUseCase,
  DisableUserUseCase,
  EnableUserUseCase,
  ResetPasswordUseCase,
  EnsureUserUseCase,
];

@Module({
  imports: [
    GeoModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject made once: given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every
      // verify, which costs more than the rest of the request's auth check.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as string,
        signOptions: { algorithm: 'HS256', issuer: 'hotline-0269' },
        verifyOptions: { issuer: 'hotline-0269' },
      }),
    }),
  ],
  providers: [
    ...PUBLIC,
    UsersRepository,
    SessionsRepository,
    PasswordHasher,
    AccessTokens,
    SessionIssuer,
    Credentials,
    UserFactory,
    OfficeBinding,
    SessionAccessTokenVerifier,
    { provide: ACCESS_TOKEN_VERIFIER, useExisting: SessionAccessTokenVerifier },
  ],
  exports: [...PUBLIC, ACCESS_TOKEN_VERIFIER],
})
export class IdentityModule {}

import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ACCESS_TOKEN_VERIFIER, APP_CONFIG, AppConfig } from '@hotline/core';
import { GeoModule } from '@hotline/geo';
import { AuthService } from './auth.service';
import { UsersService } from './users.service';

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
  providers: [AuthService, UsersService, { provide: ACCESS_TOKEN_VERIFIER, useExisting: AuthService }],
  exports: [AuthService, UsersService, ACCESS_TOKEN_VERIFIER],
})
export class IdentityModule {}

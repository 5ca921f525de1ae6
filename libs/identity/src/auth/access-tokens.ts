import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ERROR_CODES, Role } from '@hotline/contracts';
import { APP_CONFIG, AppConfig, UnauthenticatedError } from '@hotline/core';

/** What the access JWT carries: who, which session (so that ending the session refuses the token at once), role, office. */
export interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
  officeId: string | null;
  username: string;
}

/** Signs and checks access JWTs (HS256), and knows how long access and refresh tokens live. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.auth.accessTtlSeconds;
  }

  get refreshTtlMs(): number {
    return this.config.auth.refreshTtlSeconds * 1000;
  }

  sign(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync(claims, { expiresIn: this.ttlSeconds, algorithm: 'HS256' });
  }

  /** The claims of a valid token; a 401 (TOKEN_EXPIRED when it only expired) otherwise. */
  async verify(token: string): Promise<AccessClaims> {
    try {
      return await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError')
        throw new UnauthenticatedError('Access token expired: refresh it', ERROR_CODES.TOKEN_EXPIRED);
      throw new UnauthenticatedError('Invalid access token');
    }
  }
}

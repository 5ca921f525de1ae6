import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@hotline/contracts';
import { ForbiddenError, UnauthenticatedError } from '../errors/domain-errors';
import { ACCESS_TOKEN_VERIFIER, AccessTokenVerifier, AuthUser } from './auth-user';
import { IS_PUBLIC, OWN_AUTH, ROLES_KEY } from './decorators';

export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}

/**
 * Deny by default: every route needs a valid access token and a role listed by @Roles, unless it is @Public.
 * A route that forgot @Roles is refused to everybody (403), so a forgotten declaration fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(ACCESS_TOKEN_VERIFIER) private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (this.reflector.getAllAndOverride<string>(OWN_AUTH, targets)) return true;

    const request = context
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | string[] | undefined>; user?: AuthUser }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw new UnauthenticatedError('Missing bearer token');
    const user = await this.verifier.verifyAccessToken(token);
    request.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(user.role))
      throw new ForbiddenError(`This action is not allowed for role ${user.role}`);
    return true;
  }
}

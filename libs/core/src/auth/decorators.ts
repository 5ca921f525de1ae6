import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@hotline/contracts';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'hotline:isPublic';
export const ROLES_KEY = 'hotline:roles';
/** Routes with their own non-JWT authentication (e.g. a PBX token). The global guard lets them through to their own guard. */
export const OWN_AUTH = 'hotline:ownAuth';

/** Opts a route out of authentication. Everything else is denied by default. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Narrows a route to some roles. Every non-public route must declare its roles (the RBAC test enforces it). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Any logged-in staff member (e.g. "change my own password"). */
export const AnyRole = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, ['operator', 'dispatcher', 'supervisor', 'admin']);

export const OwnAuth = (description: string): MethodDecorator & ClassDecorator => SetMetadata(OWN_AUTH, description);

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

import { type AuthUser, ForbiddenError } from '@hotline/core';

/** A dispatcher's office (applied inside the queries: another office's leg is "not found"); null for everyone else. */
export function scopeOffice(user: AuthUser): string | null {
  if (user.role !== 'dispatcher') return null;
  if (!user.officeId) throw new ForbiddenError('this dispatcher belongs to no post office');
  return user.officeId;
}

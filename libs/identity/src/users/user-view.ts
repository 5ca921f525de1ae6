import type { UserView } from '@hotline/contracts';
import type { User } from '../user.entity';

export function toUserView(u: User): UserView {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    role: u.role,
    postOfficeId: u.postOfficeId,
    extension: u.extension,
    disabled: u.disabledAt !== null,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}

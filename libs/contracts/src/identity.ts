import type { Role } from './roles';
import { defineMachine } from './state-machine';

/** Password rule, the same on the server (DTO validation) and in the dashboard's forms: 8–128 characters with a letter and a digit. */
export const PASSWORD_RULE = /^(?=.*[A-Za-zÀ-ỹ])(?=.*\d).{8,128}$/;
export const PASSWORD_MESSAGE = 'password must be 8–128 characters and contain at least one letter and one digit';

export interface AuthTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  user: UserView;
}

/** An active operator as supervisors see one when handing work over (GET /users/operators): no login details. */
export interface OperatorDirectoryEntry {
  id: string;
  fullName: string;
  extension: string | null;
}

export interface UserView {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  postOfficeId: string | null;
  /** The agent extension on the PBX, used by the calls context to bind answered calls. */
  extension: string | null;
  disabled: boolean;
  /** Set after an admin reset: the dashboard asks for a new password first. */
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Claims of the access JWT. Rooms are derived from these on the server only. */
export interface AccessTokenClaims {
  sub: string;
  username: string;
  role: Role;
  officeId: string | null;
  /** Bumped when a user is disabled, their password is reset, or their role/office changes. */
  tv: number;
}

/**
 * A staff account is active or disabled; an admin moves it either way. (Having to choose a new password after a reset is a
 * flag of an active account, not a state.) A disabled account cannot log in and its sessions and sockets end at once.
 */
export const USER_MACHINE = defineMachine({
  name: 'user',
  transitions: { active: ['disabled'], disabled: ['active'] },
});
export type UserState = (typeof USER_MACHINE.states)[number];

export function userState(user: { disabled: boolean }): UserState {
  return user.disabled ? 'disabled' : 'active';
}

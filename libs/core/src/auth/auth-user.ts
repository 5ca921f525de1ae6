import type { Role } from '@hotline/contracts';

/** The authenticated staff member of a request or socket, re-read from the database on every request. */
export interface AuthUser {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  /** Set for dispatchers only: the one post office they belong to. */
  officeId: string | null;
}

/** Implemented by the identity context; the guard and the socket gateway only know this interface. */
export interface AccessTokenVerifier {
  /** Throws UnauthenticatedError (401) for a missing/expired/tampered token, a disabled user or a revoked session. */
  verifyAccessToken(token: string): Promise<AuthUser>;
}
export const ACCESS_TOKEN_VERIFIER = Symbol('ACCESS_TOKEN_VERIFIER');

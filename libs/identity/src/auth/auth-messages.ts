/** The 401 messages of authentication, the same wherever the refusal is decided. */
export const INVALID_CREDENTIALS = 'Wrong username or password';
export const USER_DISABLED_MESSAGE = 'This account is disabled: contact an administrator';
export const SESSION_ENDED_MESSAGE = 'This session has ended: log in again';
export const INVALID_REFRESH_TOKEN = 'Invalid refresh token';

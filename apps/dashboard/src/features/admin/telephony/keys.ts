export const KEYS = { tokens: 'cti/tokens', blocked: 'blocked-numbers' };

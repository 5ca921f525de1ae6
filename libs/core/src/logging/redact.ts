/**
 * Logs must not carry citizens' phone numbers or anybody's tokens. Known fields are redacted by path; free text
 * (messages, URLs) is scrubbed of phone-like digit runs and token-like query values.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-cti-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.phone',
  '*.from',
  '*.to',
  '*.callerPhone',
];

// Vietnamese phone numbers in any common form (+84 / 84 / 0 prefix, separators . - space).
const PHONE_RE = /(?<![\w])(?:\+?84|0)(?:[\s.\-()]*\d){8,10}(?![\w])/g;
const SECRET_QUERY_RE = /([?&](?:token|phone|refreshToken|access_token)=)[^&\s#]*/gi;

export function scrubText(text: string): string {
  return text.replace(SECRET_QUERY_RE, '$1[redacted]').replace(PHONE_RE, (m) => {
    const digits = m.replace(/\D/g, '');
    return `[phone …${digits.slice(-3)}]`;
  });
}

/** The one error shape every 4xx/5xx of the api answers with. */
export interface ApiErrorBody {
  statusCode: number;
  /** HTTP reason phrase, e.g. "Bad Request". */
  error: string;
  /** Stable machine-readable code, e.g. VALIDATION_FAILED, INVALID_CREDENTIALS, ILLEGAL_TRANSITION. */
  code: string;
  message: string;
  details?: unknown;
}

/**
 * One failed rule of a 400, for a client to translate: `constraint` is class-validator's key (isInt, min, isNotEmpty,
 * isLength, isIn, matches, whitelistValidation...) or a domain rule (phone, unknownReference, dateOrder...);
 * `field` is the full dotted path of the input (`pickup.communeCode`, `periods.0.start`); `message` is the server's
 * English text, the fallback for a rule a client does not know.
 */
export interface ValidationFieldError {
  field: string;
  constraint: string;
  message: string;
  params?: ValidationFieldParams;
}

export interface ValidationFieldParams {
  min?: number;
  max?: number;
  /** Allowed values of isIn / isEnum. */
  values?: Array<string | number>;
  /** The regular expression of `matches`, as its source. */
  pattern?: string;
  /** The refused value, where saying it helps find it (an unknown code in a CSV line). */
  value?: string | number;
}

/** `details` of a VALIDATION_FAILED answer: `errors` keeps the plain messages, `fields` one entry per failed rule. */
export interface ValidationErrorDetails {
  errors?: unknown[];
  field?: string;
  fields?: ValidationFieldError[];
  [extra: string]: unknown;
}

export const ERROR_CODES = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  TOKEN_EXPIRED: 'TOKEN_EXPIRED',
  USER_DISABLED: 'USER_DISABLED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  CSV_INVALID: 'CSV_INVALID',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | (string & {});

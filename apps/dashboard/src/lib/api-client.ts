import type { ApiErrorBody, AuthTokens } from '@hotline/contracts';
import { ERROR_CODES } from '@hotline/contracts';
import { type Session, type SessionStore, sessionStore } from './session-store';

/** An answer of the api with its error body (`{ statusCode, error, code, message, details? }`). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
    /** From Retry-After (429): seconds to wait. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body.message);
  }

  get code(): string {
    return this.body.code;
  }
}

/** The server could not be reached at all (offline, api down, proxy error). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;
type Lock = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

/** Refresh this long before the access token expires, so a request never leaves with a token about to die. */
const EARLY_REFRESH_MS = 30_000;
const REFRESH_LOCK = 'hotline.auth.refresh';

/** Web Locks serialize refreshes across tabs; without them (insecure context) only this tab is serialized. */
function defaultLock(): Lock | undefined {
  const locks = typeof navigator !== 'undefined' ? (navigator as Navigator & { locks?: LockManager }).locks : undefined;
  if (!locks) return undefined;
  return (name, fn) => locks.request(name, fn) as ReturnType<typeof fn>;
}

export async function readErrorBody(res: Response): Promise<ApiErrorBody> {
  const text = await res.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>;
    if (body && typeof body.code === 'string' && typeof body.message === 'string') return body as ApiErrorBody;
  } catch {
    // Not JSON: a proxy page or an empty body.
  }
  return {
    statusCode: res.status,
    error: res.statusText || 'Error',
    code: `HTTP_${res.status}`,
    message: text.slice(0, 300) || res.statusText || `HTTP ${res.status}`,
  };
}

/** Retry-After, or the throttler's named variants (Retry-After-login-ip, Retry-After-login-user): the longest wins. */
export function retryAfterSeconds(res: Response, body?: ApiErrorBody): number | null {
  let best: number | null = null;
  res.headers.forEach((value, name) => {
    if (!/^retry-after(-|$)/i.test(name)) return;
    const n = Number(value);
    const secs = Number.isFinite(n) ? n : Math.ceil((Date.parse(value) - Date.now()) / 1000);
    if (Number.isFinite(secs) && secs >= 0) best = Math.max(best ?? 0, Math.ceil(secs));
  });
  const fromBody = (body?.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (best === null && typeof fromBody === 'number') best = Math.ceil(fromBody);
  return best;
}

/**
 * Tokens: login, single-flight refresh, logout. Each refresh token works ONCE (a reused one closes the session), so
 * every refresh of every tab goes through one lock and re-reads storage first: whoever comes second finds fresh tokens
 * and does not refresh again.
 */
export class AuthClient {
  private inflight: Promise<Session | null> | null = null;

  constructor(
    private readonly store: SessionStore,
    private readonly fetchFn: FetchFn,
    private readonly baseUrl = '',
    private readonly lock: Lock | undefined = defaultLock(),
    private readonly now: () => number = Date.now,
  ) {}

  async login(username: string, password: string): Promise<Session> {
    const res = await this.post('/api/auth/login', { username, password });
    if (!res.ok) {
      const body = await readErrorBody(res);
      throw new ApiError(res.status, body, retryAfterSeconds(res, body));
    }
    return this.store.setTokens((await res.json()) as AuthTokens);
  }

  /** Ends the session on the server (best effort) and in every tab. */
  async logout(): Promise<void> {
    const s = this.store.get();
    this.store.clear('logout');
    if (s) await this.post('/api/auth/logout', { refreshToken: s.refreshToken }).catch(() => undefined);
  }

  /** A usable access token, refreshed first when it is about to expire; null when there is no session. */
  async accessToken(): Promise<string | null> {
    const s = this.store.get();
    if (!s) return null;
    if (s.accessExpiresAt - this.now() > EARLY_REFRESH_MS) return s.accessToken;
    return (await this.refresh())?.accessToken ?? null;
  }

  /**
   * New tokens. `rejectedToken` is the access token the server just refused: if storage already holds another,
   * fresh one (another request or tab refreshed meanwhile) that one is used. Resolves null when the session is over.
   */
  refresh(rejectedToken?: string): Promise<Session | null> {
    this.inflight ??= (
      this.lock ? this.lock(REFRESH_LOCK, () => this.doRefresh(rejectedToken)) : this.doRefresh(rejectedToken)
    ).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async doRefresh(rejectedToken?: string): Promise<Session | null> {
    const s = this.store.reload();
    if (!s) return null;
    const fresh = s.accessExpiresAt - this.now() > EARLY_REFRESH_MS;
    if (fresh && s.accessToken !== rejectedToken) return s;
    const res = await this.post('/api/auth/refresh', { refreshToken: s.refreshToken });
    if (res.ok) return this.store.setTokens((await res.json()) as AuthTokens);
    const body = await readErrorBody(res);
    if (res.status === 401 || res.status === 400) {
      // Another tab may have rotated the token between our read and our call: then its result is in storage.
      const now = this.store.reload();
      if (now && now.refreshToken !== s.refreshToken) return now;
      this.store.clear(body.code === ERROR_CODES.USER_DISABLED ? 'disabled' : 'expired');
      return null;
    }
    throw new ApiError(res.status, body, retryAfterSeconds(res, body));
  }

  private async post(path: string, body: unknown): Promise<Response> {
    try {
      return await this.fetchFn(this.baseUrl + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
      });
    } catch (err) {
      throw new NetworkError((err as Error)?.message ?? 'network error');
    }
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue | QueryValue[]>;
  /** JSON body. */
  json?: unknown;
  /** Multipart body (file upload). */
  form?: FormData;
  signal?: AbortSignal;
  /** How to read a 2xx answer. */
  as?: 'json' | 'blob' | 'text';
}

/** REST over fetch with the bearer token; a 401 TOKEN_EXPIRED refreshes the token once and retries. */
export class ApiClient {
  constructor(
    private readonly auth: AuthClient,
    private readonly store: SessionStore,
    private readonly fetchFn: FetchFn,
    private readonly baseUrl = '',
  ) {}

  get = <T>(path: string, options?: RequestOptions) => this.request<T>('GET', path, options);
  post = <T>(path: string, json?: unknown, options?: RequestOptions) =>
    this.request<T>('POST', path, { ...options, json });
  patch = <T>(path: string, json?: unknown, options?: RequestOptions) =>
    this.request<T>('PATCH', path, { ...options, json });

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const url = this.url(path, options.query);
    let token = await this.auth.accessToken();
    let res = await this.send(method, url, token, options);
    if (res.status === 401 && token) {
      const body = await readErrorBody(res);
      if (body.code === ERROR_CODES.USER_DISABLED) {
        this.store.clear('disabled');
        throw new ApiError(401, body);
      }
      const renewed = await this.auth.refresh(token);
      if (!renewed) throw new ApiError(401, body);
      token = renewed.accessToken;
      res = await this.send(method, url, token, options);
      if (res.status === 401) {
        // A fresh token refused: the session was ended on the server (revoked, password reset).
        const again = await readErrorBody(res);
        this.store.clear(again.code === ERROR_CODES.USER_DISABLED ? 'disabled' : 'expired');
        throw new ApiError(401, again);
      }
    }
    if (!res.ok) {
      const body = await readErrorBody(res);
      throw new ApiError(res.status, body, retryAfterSeconds(res, body));
    }
    if (res.status === 204) return undefined as T;
    if (options.as === 'blob') return (await res.blob()) as T;
    if (options.as === 'text') return (await res.text()) as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  url(path: string, query?: RequestOptions['query']): string {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      for (const item of Array.isArray(v) ? v : [v])
        if (item !== undefined && item !== null && item !== '') params.append(k, String(item));
    }
    const qs = params.toString();
    return `${this.baseUrl}/api${path}${qs ? `?${qs}` : ''}`;
  }

  private async send(method: string, url: string, token: string | null, options: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = {
      accept: options.as === 'blob' || options.as === 'text' ? '*/*' : 'application/json',
    };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: BodyInit | undefined;
    if (options.form) body = options.form;
    else if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    try {
      return await this.fetchFn(url, { method, headers, body, signal: options.signal });
    } catch (err) {
      if ((err as Error)?.name === 'AbortError') throw err;
      throw new NetworkError((err as Error)?.message ?? 'network error');
    }
  }
}

const browserFetch: FetchFn = (input, init) => fetch(input, init);
export const authClient = new AuthClient(sessionStore, browserFetch);
export const api = new ApiClient(authClient, sessionStore, browserFetch);

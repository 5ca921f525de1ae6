import type { AuthTokens, UserView } from '@hotline/contracts';
import { ApiClient, ApiError, AuthClient, NetworkError, retryAfterSeconds } from './api-client';
import { SESSION_KEY, SessionStore, memoryStorage, type KeyValueStorage } from './session-store';

const user: UserView = {
  id: 'u1',
  username: 'operator1',
  fullName: 'Nguyễn Thị Lan',
  role: 'operator',
  postOfficeId: null,
  extension: '1001',
  disabled: false,
  mustChangePassword: false,
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const tokens = (n: number, expiresIn = 900): AuthTokens => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn,
  refreshExpiresAt: '2030-01-01T00:00:00Z',
  user,
});

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const error = (status: number, code: string, message = code) =>
  json(status, { statusCode: status, error: 'x', code, message });

/** A fake api: the refresh endpoint rotates tokens like the server (each refresh token works once). */
function fakeServer(options: { refreshDelayMs?: number } = {}) {
  let current = 1;
  const used = new Set<string>();
  const calls: string[] = [];
  const fetchFn = async (url: string, init?: RequestInit): Promise<Response> => {
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    calls.push(path);
    if (path === '/api/auth/refresh') {
      const { refreshToken } = JSON.parse(String(init?.body)) as { refreshToken: string };
      if (options.refreshDelayMs) await new Promise((r) => setTimeout(r, options.refreshDelayMs));
      if (used.has(refreshToken) || refreshToken !== `refresh-${current}`)
        return error(401, 'UNAUTHENTICATED', 'refresh token reused');
      used.add(refreshToken);
      current++;
      return json(200, tokens(current));
    }
    const auth = new Headers(init?.headers).get('authorization');
    if (auth !== `Bearer access-${current}`) return error(401, 'TOKEN_EXPIRED');
    return json(200, { ok: true, path });
  };
  return { fetchFn, calls };
}

function setup(storage: KeyValueStorage = memoryStorage(), server = fakeServer()) {
  const store = new SessionStore(storage);
  const auth = new AuthClient(store, server.fetchFn, '', undefined);
  const api = new ApiClient(auth, store, server.fetchFn, '');
  return { store, auth, api, server };
}

describe('ApiClient + AuthClient', () => {
  it('refreshes once for many requests refused at the same time, then retries them all', async () => {
    const server = fakeServer({ refreshDelayMs: 20 });
    const { store, api } = setup(memoryStorage(), server);
    // The stored access token is no longer accepted (it expired on the server's side): every request gets a 401
    // TOKEN_EXPIRED. A second refresh with the same refresh token would be refused as a reuse.
    store.setTokens({ ...tokens(1), accessToken: 'access-0' });

    const results = await Promise.all([api.get('/a'), api.get('/b'), api.get('/c'), api.get('/d')]);
    expect(results).toEqual(['/api/a', '/api/b', '/api/c', '/api/d'].map((path) => ({ ok: true, path })));
    expect(server.calls.filter((c) => c === '/api/auth/refresh')).toHaveLength(1);
    expect(store.get()!.accessToken).toBe('access-2');
  });

  it('refreshes ahead of time when the access token is about to expire', async () => {
    const { store, api, server } = setup();
    store.setTokens(tokens(1, 10)); // 10 s left: under the 30 s margin
    await api.get('/x');
    expect(server.calls).toEqual(['/api/auth/refresh', '/api/x']);
  });

  it('uses tokens another tab already refreshed instead of burning the rotated refresh token', async () => {
    const shared = memoryStorage();
    const server = fakeServer();
    const tabA = setup(shared, server);
    const tabB = setup(shared, server);
    tabA.store.setTokens(tokens(1));
    tabB.store.reload();
    await tabA.auth.refresh('access-1'); // tab A rotates: refresh-1 is used up
    const s = await tabB.auth.refresh('access-1'); // tab B saw access-1 refused too
    expect(s?.accessToken).toBe('access-2');
    expect(server.calls.filter((c) => c === '/api/auth/refresh')).toHaveLength(1);
  });

  it('ends the session when the refresh token is refused', async () => {
    const { store, auth } = setup();
    store.setTokens({ ...tokens(1), refreshToken: 'refresh-stolen' });
    expect(await auth.refresh('access-1')).toBeNull();
    expect(store.get()).toBeNull();
    expect(store.takeEndReason()).toBe('expired');
  });

  it('keeps the session when the server is unreachable (it is not the token’s fault)', async () => {
    const store = new SessionStore(memoryStorage());
    const auth = new AuthClient(store, () => Promise.reject(new TypeError('Failed to fetch')), '', undefined);
    store.setTokens(tokens(1, 5));
    await expect(auth.refresh()).rejects.toBeInstanceOf(NetworkError);
    expect(store.get()?.accessToken).toBe('access-1');
  });

  it('throws the api error body with the wait of a 429', async () => {
    const store = new SessionStore(memoryStorage());
    const body = {
      statusCode: 429,
      error: 'Too Many Requests',
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many login attempts',
    };
    const headers = {
      'content-type': 'application/json',
      'retry-after-login-user': '95',
      'retry-after-login-ip': '12',
    };
    const auth = new AuthClient(
      store,
      async () => new Response(JSON.stringify(body), { status: 429, headers }),
      '',
      undefined,
    );
    const err = await auth.login('operator1', 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 95 });
    expect(store.get()).toBeNull();
  });

  it('builds query strings without empty values', () => {
    const { api } = setup();
    expect(api.url('/post-offices', { q: 'Pleiku', cursor: null, limit: 20, active: false, x: undefined, y: '' })).toBe(
      '/api/post-offices?q=Pleiku&limit=20&active=false',
    );
  });
});

describe('retryAfterSeconds', () => {
  it('reads seconds or an HTTP date, and the body as a fallback', () => {
    expect(retryAfterSeconds(new Response(null, { headers: { 'retry-after': '30' } }))).toBe(30);
    const date = new Date(Date.now() + 61_000).toUTCString();
    expect(retryAfterSeconds(new Response(null, { headers: { 'retry-after': date } }))).toBeGreaterThanOrEqual(59);
    expect(
      retryAfterSeconds(new Response(null), {
        statusCode: 429,
        error: '',
        code: 'TOO_MANY_REQUESTS',
        message: '',
        details: { retryAfterSeconds: 7 },
      }),
    ).toBe(7);
    expect(retryAfterSeconds(new Response(null))).toBeNull();
  });
});

describe('SessionStore', () => {
  it('ignores a corrupt stored session', () => {
    const storage = memoryStorage();
    storage.setItem(SESSION_KEY, '{not json');
    expect(new SessionStore(storage).get()).toBeNull();
  });

  it('follows another tab logging out', () => {
    const storage = memoryStorage();
    const store = new SessionStore(storage);
    store.setTokens(tokens(1));
    storage.removeItem(SESSION_KEY);
    store.onExternalChange(SESSION_KEY);
    expect(store.get()).toBeNull();
    expect(store.takeEndReason()).toBe('logout');
  });
});

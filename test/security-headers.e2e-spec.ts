import { type TestApi, startApi } from './helpers/test-app';

// What helmet answers for the dashboard's policy (apps/api/src/http/security-headers.ts), pinned: a change here is a
// change of the policy every screen runs under.
const EXPECTED = {
  'content-security-policy':
    "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'self';" +
    "img-src 'self' data: blob:;object-src 'none';script-src 'self' 'unsafe-inline';script-src-attr 'none';" +
    "style-src 'self' 'unsafe-inline' https:;connect-src 'self' ws: wss:",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

describe('security headers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi({}, { seed: false });
  });
  afterAll(() => api.close());

  it.each([
    ['an API answer', '/api/auth/me', 401],
    ['an unknown API route', '/api/nothing-here', 404],
    ['a malformed body', '/api/auth/login', 400],
    ['the dashboard', '/', 200],
    ['a client-side route of the dashboard', '/operator', 200],
    ['the OpenAPI page', '/docs', 200],
    ['the liveness probe', '/health/live', 200],
  ])('on %s (%s)', async (_what, path, status) => {
    const res =
      status === 400
        ? await api.http.post(path).set('content-type', 'application/json').send('{"username":')
        : await api.http.get(path);
    expect(res.status).toBe(status);
    expect(res.headers).toMatchObject(EXPECTED);
    expect(res.headers).not.toHaveProperty('x-powered-by');
  });
});

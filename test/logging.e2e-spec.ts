import { request } from 'node:http';
import { type TestApi, login, startApi } from './helpers/test-app';

type Line = Record<string, unknown> & { msg?: string; reqId?: string; req?: { id?: string; url?: string } };

/** The api's log lines, as the JSON it writes: Fastify's request logger and Nest's loggers share one pino logger. */
describe('request logging', () => {
  let api: TestApi;
  const lines: Line[] = [];
  const linesOf = (id: string) => lines.filter((l) => l.reqId === id);
  // The completion line is written when the response has finished, which may be just after the client has it.
  const completed = async (id: string) => {
    for (let i = 0; i < 50 && !linesOf(id).some((l) => l.msg === 'request completed'); i++)
      await new Promise((r) => setTimeout(r, 20));
    return linesOf(id);
  };

  const slowPost = (path: string, body: object, id: string) =>
    new Promise<{ status?: number; requestId?: string | string[] }>((resolve, reject) => {
      const req = request(`${api.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': id },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, requestId: res.headers['x-request-id'] }));
      });
      req.on('error', reject);
      req.flushHeaders();
      setTimeout(() => req.end(JSON.stringify(body)), 50);
    });

  beforeAll(async () => {
    api = await startApi(
      { LOG_LEVEL: 'info' },
      { logDestination: { write: (s: string) => lines.push(JSON.parse(s)) } },
    );
  });
  afterAll(() => api.close());

  it("tags every line written while serving a request with its id, the caller's X-Request-Id kept", async () => {
    const first = await login(api, 'operator1');
    await api.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
    // Replaying a used refresh token: the use case logs a warning after its transaction (a body, async work, a commit).
    // The body comes in a later packet than the headers, so it is read on the socket's events, not the request's.
    const res = await slowPost('/api/auth/refresh', { refreshToken: first.refreshToken }, 'log-e2e-replay');
    expect(res.status).toBe(401);
    expect(res.requestId).toBe('log-e2e-replay');
    const mine = await completed('log-e2e-replay');
    expect(mine).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringMatching(/^Refresh token reuse detected/), app: 'api' }),
      expect.objectContaining({
        msg: 'request completed',
        req: { id: 'log-e2e-replay', method: 'POST', url: '/api/auth/refresh' },
        res: { statusCode: 401 },
        responseTime: expect.any(Number),
      }),
    ]);
    expect(lines.filter((l) => /^Refresh token reuse detected/.test(l.msg ?? ''))).toHaveLength(1);
  });

  it('makes an id when the caller sends none or a malformed one, and answers it', async () => {
    const res = await api.http.get('/api/nothing-here').set('x-request-id', 'bad id with spaces');
    const id = res.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await completed(id)).toEqual([
      expect.objectContaining({ req: expect.objectContaining({ id }), res: { statusCode: 404 } }),
    ]);
  });

  it('logs no token, no phone number, no header', async () => {
    const { accessToken } = await login(api, 'operator1');
    const res = await api.http
      .get('/api/citizens/lookup?phone=0912345678')
      .set('authorization', `Bearer ${accessToken}`)
      .set('x-request-id', 'log-e2e-lookup');
    expect(res.status).toBeLessThan(500);
    const [line] = (await completed('log-e2e-lookup')).filter((l) => l.msg === 'request completed');
    expect(line.req?.url).toBe('/api/citizens/lookup?phone=[redacted]');
    const all = JSON.stringify(lines);
    expect(all).not.toContain(accessToken);
    expect(all).not.toContain('0912345678');
    expect(all).not.toMatch(/authorization/i);
  });

  it('writes no line for the polled /health/live and /metrics, one for the others', async () => {
    for (const url of ['/health/live', '/metrics', '/health'])
      await api.http.get(url).set('x-request-id', `poll${url.replace(/\//g, '-')}`);
    expect(await completed('poll-health')).toHaveLength(1);
    expect(linesOf('poll-health-live')).toEqual([]);
    expect(linesOf('poll-metrics')).toEqual([]);
  });
});

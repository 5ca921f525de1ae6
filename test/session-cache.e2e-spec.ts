import { once } from 'node:events';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { AuthTokens } from '@hotline/contracts';
import { InvalidationBus } from '@hotline/core';
import { ADMIN_PASSWORD, type TestApi, connectSocket, login, startApi, unique } from './helpers/test-app';
import { TEST_REDIS } from './setup/test-env';

/**
 * Two api instances of the compiled app on the same MariaDB and Redis, each keeping sessions in memory (the auth guard's
 * principal cache). A change made through instance A is refused by instance B on the very next request — no sleep — and
 * stays refused while B's invalidation subscriber is down (B reads MariaDB then) or after it reconnected (B dropped its
 * cache). The cache itself is proven in use: a revocation written behind the use cases' back is not seen by B until then.
 */
describe('session cache on two api instances (real MariaDB + Redis pub/sub)', () => {
  let a: TestApi;
  let b: TestApi;
  let adminToken: string;
  let redis: Redis;
  const PASSWORD = 'Passw0rd-123';

  beforeAll(async () => {
    a = await startApi();
    b = await startApi({}, { seed: false, config: a.config });
    await Promise.all([a.app.get(InvalidationBus).whenLive(), b.app.get(InvalidationBus).whenLive()]);
    adminToken = (await login(a, 'admin', ADMIN_PASSWORD)).accessToken;
    redis = new Redis({ host: TEST_REDIS.host, port: TEST_REDIS.port, lazyConnect: true });
  });
  afterAll(async () => {
    redis.disconnect();
    await b.close();
    await a.close();
  });

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const sidOf = (t: AuthTokens) => JSON.parse(Buffer.from(t.accessToken.split('.')[1], 'base64url').toString()).sid;

  async function newUser(role: 'operator' | 'supervisor' = 'operator') {
    const username = unique('sc.');
    const res = await a.http
      .post('/api/users')
      .set(bearer(adminToken))
      .send({ username, fullName: 'Người Thử', password: PASSWORD, role });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, username };
  }

  /** A session of a new user, cached on both instances (one authenticated request on each). */
  async function warmSession(role: 'operator' | 'supervisor' = 'operator') {
    const user = await newUser(role);
    const tokens = await login(a, user.username, PASSWORD);
    await expectStatus(a, tokens.accessToken, 200);
    await expectStatus(b, tokens.accessToken, 200);
    return { user, tokens };
  }

  /**
   * A's answer leaves once Redis has written the invalidation to every subscriber; B handles it when it reads its
   * socket, within that one hop. Before asking B, the test waits for B to have read what Redis already sent it (a PING
   * on B's subscriber is answered after those messages): the residual window is that hop, not a TTL.
   */
  async function expectStatus(api: TestApi, token: string, status: number, path = '/api/auth/me') {
    await api.app.get(InvalidationBus).caughtUp();
    const res = await api.http.get(path).set(bearer(token));
    expect({ path, status: res.status }).toEqual({ path, status });
    return res;
  }

  it('B serves the session from memory: a revocation nobody announced is not seen until B reconnects', async () => {
    const { tokens } = await warmSession();
    await a.app.get(DataSource).query('UPDATE auth_sessions SET revoked_at = NOW(3) WHERE id = ?', [sidOf(tokens)]);
    await expectStatus(b, tokens.accessToken, 200); // cached: proof that the cache is in use
    // B's subscriber loses its connection (CLIENT KILL): messages sent meanwhile would be lost, so it drops everything.
    const busB = b.app.get(InvalidationBus);
    const back = busB.nextSubscription();
    await killClient(busB.connectionName);
    await back;
    await expectStatus(b, tokens.accessToken, 401);
  });

  it('logout on A: the same access token is refused by B at once, for HTTP and for sockets', async () => {
    const { tokens } = await warmSession();
    expect((await a.http.post('/api/auth/logout').send({ refreshToken: tokens.refreshToken })).status).toBe(204);
    const res = await expectStatus(b, tokens.accessToken, 401);
    expect(res.body.message).toMatch(/session has ended/);
    await expect(connectSocket(b, tokens.accessToken)).rejects.toMatchObject({ code: expect.any(String) });
  });

  it('disable on A: B refuses the user at once', async () => {
    const { user, tokens } = await warmSession();
    expect((await a.http.post(`/api/users/${user.id}/disable`).set(bearer(adminToken)).send({})).status).toBe(200);
    const res = await expectStatus(b, tokens.accessToken, 401);
    expect(res.body.code).toBe('USER_DISABLED');
  });

  it('password change on A: B refuses the other sessions at once and keeps the one that changed it', async () => {
    const { user, tokens: other } = await warmSession();
    const current = await login(a, user.username, PASSWORD);
    await expectStatus(b, current.accessToken, 200);
    const res = await a.http
      .post('/api/auth/change-password')
      .set(bearer(current.accessToken))
      .send({ currentPassword: PASSWORD, newPassword: 'New-passw0rd-456' });
    expect(res.status).toBe(204);
    await expectStatus(b, other.accessToken, 401);
    await expectStatus(b, current.accessToken, 200);
  });

  it('password reset on A: B refuses every session of the user at once', async () => {
    const { user, tokens } = await warmSession();
    const res = await a.http
      .post(`/api/users/${user.id}/reset-password`)
      .set(bearer(adminToken))
      .send({ newPassword: 'Temp-passw0rd-789' });
    expect(res.status).toBe(200);
    await expectStatus(b, tokens.accessToken, 401);
  });

  it('role change on A: B answers with the new role at once (403 after a demotion, 200 after a promotion)', async () => {
    const operators = '/api/users/operators';
    const sup = await warmSession('supervisor');
    await expectStatus(b, sup.tokens.accessToken, 200, operators);
    const op = await warmSession('operator');
    await expectStatus(b, op.tokens.accessToken, 403, operators);

    const patch = (id: string, role: string) => a.http.patch(`/api/users/${id}`).set(bearer(adminToken)).send({ role });
    expect((await patch(sup.user.id, 'operator')).status).toBe(200);
    await expectStatus(b, sup.tokens.accessToken, 403, operators);
    expect((await patch(op.user.id, 'supervisor')).status).toBe(200);
    await expectStatus(b, op.tokens.accessToken, 200, operators);
  });

  it("GET /auth/me on B shows A's edits and logins at once (the account view is cached too)", async () => {
    const { user, tokens } = await warmSession('operator');
    const before = (await expectStatus(b, tokens.accessToken, 200)).body;
    const res = await a.http
      .patch(`/api/users/${user.id}`)
      .set(bearer(adminToken))
      .send({ fullName: 'Nguyễn Thị Đổi Tên', extension: '4711', role: 'supervisor' });
    expect(res.status).toBe(200);
    expect((await expectStatus(b, tokens.accessToken, 200)).body).toMatchObject({
      fullName: 'Nguyễn Thị Đổi Tên',
      extension: '4711',
      role: 'supervisor',
    });
    // A second login elsewhere moves the last-login time the other session's /auth/me shows.
    await new Promise((r) => setTimeout(r, 5));
    await login(a, user.username, PASSWORD);
    const after = (await expectStatus(b, tokens.accessToken, 200)).body;
    expect(Date.parse(after.lastLoginAt)).toBeGreaterThan(Date.parse(before.lastLoginAt));
  });

  it('refresh-token reuse on A: B refuses the session at once', async () => {
    const { user } = await warmSession();
    const first = await login(a, user.username, PASSWORD);
    const second = (await a.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }))
      .body as AuthTokens;
    await expectStatus(b, second.accessToken, 200);
    const replay = await a.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    await expectStatus(b, second.accessToken, 401);
  });

  it("while B's subscriber is stopped, B reads MariaDB: a logout whose message B never hears is still refused", async () => {
    const { tokens } = await warmSession();
    const busB = b.app.get(InvalidationBus);
    // The bus's own connection (private): stopped without reconnecting, as if Redis were unreachable for it.
    const subscriber = busB['subscriber'] as Redis;
    const ended = once(subscriber, 'end');
    subscriber.disconnect();
    await ended;
    expect(busB.live).toBe(false);
    try {
      expect((await a.http.post('/api/auth/logout').send({ refreshToken: tokens.refreshToken })).status).toBe(204);
      await expectStatus(b, tokens.accessToken, 401);
      const fresh = await warmSession();
      await expectStatus(b, fresh.tokens.accessToken, 200);
      expect(busB.live).toBe(false); // the refusal above was B reading MariaDB, not a message
    } finally {
      const back = busB.nextSubscription();
      await subscriber.connect();
      await back;
    }
    expect(busB.live).toBe(true);
  });

  /** Closes one connection of the test Redis by its client name (CLIENT LIST / CLIENT KILL ID). */
  async function killClient(name: string): Promise<void> {
    const list = (await redis.call('CLIENT', 'LIST', 'TYPE', 'pubsub')) as string;
    const line = list.split('\n').find((l) => l.includes(` name=hotline:${name} `));
    const id = line?.match(/^id=(\d+)/)?.[1];
    if (!id) throw new Error(`no Redis client named hotline:${name}`);
    expect(await redis.call('CLIENT', 'KILL', 'ID', id)).toBe(1);
  }
});

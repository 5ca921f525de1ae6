import { sign } from 'jsonwebtoken';
import { DEFAULT_SECRETS } from '@hotline/core';
import { ADMIN_PASSWORD, DEMO_PASSWORD, type TestApi, login, startApi, unique } from './helpers/test-app';

describe('auth (real MariaDB + Redis)', () => {
  let api: TestApi;
  let adminToken: string;

  beforeAll(async () => {
    api = await startApi();
    adminToken = (await login(api, 'admin', ADMIN_PASSWORD)).accessToken;
  });
  afterAll(() => api.close());

  /** Every account, page after page. */
  async function countUsers(auth: { authorization: string }): Promise<number> {
    let n = 0;
    let cursor: string | null = null;
    do {
      const res: { body: { items: unknown[]; nextCursor: string | null } } = await api.http
        .get('/api/users')
        .query({ limit: 1000, ...(cursor ? { cursor } : {}) })
        .set(auth);
      n += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return n;
  }

  async function newUser(role: 'operator' | 'supervisor' = 'operator', password = 'Passw0rd-123') {
    const username = unique('u.');
    const res = await api.http
      .post('/api/users')
      .set('authorization', `Bearer ${adminToken}`)
      .send({ username, fullName: 'Người Thử', password, role });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, username, password };
  }

  it('logs in with a short-lived access token, a refresh token and the user', async () => {
    const res = await api.http.post('/api/auth/login').send({ username: 'Operator1', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      expiresIn: 900,
      user: { username: 'operator1', role: 'operator', disabled: false },
    });
    expect(res.body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
    const me = await api.http.get('/api/auth/me').set('authorization', `Bearer ${res.body.accessToken}`);
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('operator1');
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('logs the same user in 12 times at once: every login answers 200 with its own session', async () => {
    const u = await newUser();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        api.http.post('/api/auth/login').send({ username: u.username, password: u.password }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 12 }, () => 200));
    const sessions = answers.map(
      (r) => JSON.parse(Buffer.from(r.body.accessToken.split('.')[1], 'base64url').toString()).sid,
    );
    expect(new Set(sessions).size).toBe(12);
    const me = await api.http.get('/api/auth/me').set('authorization', `Bearer ${answers[0].body.accessToken}`);
    expect(me.body.lastLoginAt).toEqual(expect.any(String));
  });

  it('answers 401 with the same message for a wrong password and an unknown user', async () => {
    const wrong = await api.http.post('/api/auth/login').send({ username: 'operator1', password: 'nope-nope-1' });
    const unknown = await api.http.post('/api/auth/login').send({ username: 'nobody-here', password: 'nope-nope-1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'INVALID_CREDENTIALS',
      message: 'Wrong username or password',
    });
    expect(unknown.body).toEqual(wrong.body);
  });

  it('refuses a malformed login body with 400 and says what is wrong', async () => {
    const res = await api.http.post('/api/auth/login').send({ username: 'operator1', password: 'x', admin: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/property admin should not exist/);
  });

  it('refuses a disabled user at login and at once on tokens already issued', async () => {
    const u = await newUser();
    const tokens = await login(api, u.username, u.password);
    expect((await api.http.get('/api/auth/me').set('authorization', `Bearer ${tokens.accessToken}`)).status).toBe(200);

    const disable = await api.http
      .post(`/api/users/${u.id}/disable`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ reason: 'Nghỉ việc' });
    expect(disable.status).toBe(200);
    expect(disable.body.disabled).toBe(true);

    const me = await api.http.get('/api/auth/me').set('authorization', `Bearer ${tokens.accessToken}`);
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('USER_DISABLED');
    const again = await api.http.post('/api/auth/login').send({ username: u.username, password: u.password });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('USER_DISABLED');
    expect((await api.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken })).status).toBe(401);

    await api.http.post(`/api/users/${u.id}/enable`).set('authorization', `Bearer ${adminToken}`).expect(200);
    expect((await api.http.post('/api/auth/login').send({ username: u.username, password: u.password })).status).toBe(
      200,
    );
  });

  it('refuses expired and tampered access tokens', async () => {
    const tokens = await login(api, 'operator1');
    const [h, p, s] = tokens.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${s}`;
    const res = await api.http.get('/api/users').set('authorization', `Bearer ${tampered}`);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');

    const expired = sign({ ...claims, iat: claims.iat - 3600, exp: claims.iat - 60 }, DEFAULT_SECRETS.jwtSecret, {
      algorithm: 'HS256',
    });
    const res2 = await api.http.get('/api/auth/me').set('authorization', `Bearer ${expired}`);
    expect(res2.status).toBe(401);
    expect(res2.body.code).toBe('TOKEN_EXPIRED');

    const otherKey = sign({ ...claims }, 'another-secret-another-secret-xx', { algorithm: 'HS256' });
    expect((await api.http.get('/api/auth/me').set('authorization', `Bearer ${otherKey}`)).status).toBe(401);
    expect((await api.http.get('/api/auth/me').set('authorization', 'Bearer nonsense')).status).toBe(401);
    expect((await api.http.get('/api/auth/me')).status).toBe(401);
  });

  it('rotates refresh tokens: an old one is refused after use, and its reuse closes the session', async () => {
    const first = await login(api, 'operator2');
    const second = await api.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await api.http.get('/api/auth/me').set('authorization', `Bearer ${second.body.accessToken}`)).status).toBe(
      200,
    );

    const replay = await api.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.message).toMatch(/already used/);
    // Reuse means the token leaked: the whole session ends, including the newest tokens.
    expect((await api.http.post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken })).status).toBe(
      401,
    );
    expect((await api.http.get('/api/auth/me').set('authorization', `Bearer ${second.body.accessToken}`)).status).toBe(
      401,
    );

    expect((await api.http.post('/api/auth/refresh').send({ refreshToken: 'garbage' })).status).toBe(401);
  });

  it('logout revokes the session: refresh and access tokens are refused', async () => {
    const tokens = await login(api, 'supervisor1');
    await api.http.post('/api/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204);
    expect((await api.http.get('/api/auth/me').set('authorization', `Bearer ${tokens.accessToken}`)).status).toBe(401);
    expect((await api.http.post('/api/auth/refresh').send({ refreshToken: tokens.refreshToken })).status).toBe(401);
    await api.http.post('/api/auth/logout').send({ refreshToken: tokens.refreshToken }).expect(204); // idempotent
  });

  it('lets a user change their own password; other sessions end, this one goes on', async () => {
    const u = await newUser();
    const a = await login(api, u.username, u.password);
    const b = await login(api, u.username, u.password);
    const weak = await api.http
      .post('/api/auth/change-password')
      .set('authorization', `Bearer ${a.accessToken}`)
      .send({ currentPassword: u.password, newPassword: 'short' });
    expect(weak.status).toBe(400);
    const wrong = await api.http
      .post('/api/auth/change-password')
      .set('authorization', `Bearer ${a.accessToken}`)
      .send({ currentPassword: 'wrong-pass-1', newPassword: 'N3w-password!' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/currentPassword is wrong/);

    await api.http
      .post('/api/auth/change-password')
      .set('authorization', `Bearer ${a.accessToken}`)
      .send({ currentPassword: u.password, newPassword: 'N3w-password!' })
      .expect(204);
    expect((await api.http.get('/api/auth/me').set('authorization', `Bearer ${a.accessToken}`)).status).toBe(200);
    expect((await api.http.get('/api/auth/me').set('authorization', `Bearer ${b.accessToken}`)).status).toBe(401);
    expect((await api.http.post('/api/auth/login').send({ username: u.username, password: u.password })).status).toBe(
      401,
    );
    expect(
      (await api.http.post('/api/auth/login').send({ username: u.username, password: 'N3w-password!' })).status,
    ).toBe(200);
  });

  it('lets an admin reset a password: sessions end and the user must choose a new one', async () => {
    const u = await newUser('supervisor');
    const tokens = await login(api, u.username, u.password);
    const res = await api.http
      .post(`/api/users/${u.id}/reset-password`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ newPassword: 'Temp-pass-2026' });
    expect(res.status).toBe(200);
    expect(res.body.mustChangePassword).toBe(true);
    expect((await api.http.get('/api/auth/me').set('authorization', `Bearer ${tokens.accessToken}`)).status).toBe(401);
    const again = await login(api, u.username, 'Temp-pass-2026');
    expect(again.user.mustChangePassword).toBe(true);
  });

  it('validates user creation and writes nothing on bad input', async () => {
    const auth = { authorization: `Bearer ${adminToken}` };
    const before = await countUsers(auth);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ username: 'x', fullName: 'A B', password: 'Passw0rd-1', role: 'operator' }, /username must be 3–64/],
      [
        { username: 'okname', fullName: 'A B', password: 'password', role: 'operator' },
        /password must be 8–128 characters/,
      ],
      [{ username: 'okname', fullName: 'A B', password: 'Passw0rd-1', role: 'boss' }, /role must be one of/],
      [
        { username: 'okname', fullName: 'A B', password: 'Passw0rd-1', role: 'dispatcher' },
        /postOfficeId is required for a dispatcher/,
      ],
      [
        {
          username: 'okname',
          fullName: 'A B',
          password: 'Passw0rd-1',
          role: 'dispatcher',
          postOfficeId: '01a2296b-7be2-79dc-9aa5-bc11bc875cf3',
        },
        /does not exist/,
      ],
      [
        {
          username: 'okname',
          fullName: 'A B',
          password: 'Passw0rd-1',
          role: 'operator',
          postOfficeId: '01a2296b-7be2-79dc-9aa5-bc11bc875cf3',
        },
        /only for dispatchers/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await api.http.post('/api/users').set(auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
    }
    const dup = await api.http
      .post('/api/users')
      .set(auth)
      .send({ username: 'operator1', fullName: 'A B', password: 'Passw0rd-1', role: 'operator' });
    expect(dup.status).toBe(409);
    expect(await countUsers(auth)).toBe(before);
  });

  describe('rate limit', () => {
    let limited: TestApi;
    beforeAll(async () => {
      limited = await startApi(
        { LOGIN_LIMIT_PER_USER: '3', LOGIN_LIMIT_PER_IP: '6', LOGIN_WINDOW_SECONDS: '60' },
        { seed: false },
      );
    });
    afterAll(() => limited.close());

    it('throttles per username with a clear 429 and Retry-After, even with the right password', async () => {
      for (let i = 0; i < 3; i++)
        expect(
          (await limited.http.post('/api/auth/login').send({ username: 'operator1', password: 'bad-pass-1' })).status,
        ).toBe(401);
      const res = await limited.http.post('/api/auth/login').send({ username: 'operator1', password: DEMO_PASSWORD });
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
      expect(res.body.message).toMatch(/wait/i);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      // Another user from the same IP is still allowed (until the per-IP limit).
      expect(
        (await limited.http.post('/api/auth/login').send({ username: 'operator2', password: DEMO_PASSWORD })).status,
      ).toBe(200);
    });

    it('throttles per IP across usernames', async () => {
      let status = 0;
      for (let i = 0; i < 4 && status !== 429; i++) {
        status = (await limited.http.post('/api/auth/login').send({ username: `spray${i}`, password: 'bad-pass-1' }))
          .status;
      }
      expect(status).toBe(429);
    });
  });
});

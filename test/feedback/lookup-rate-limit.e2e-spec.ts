import { ADMIN_PASSWORD, type TestApi, login, startApi } from '../helpers/test-app';

describe('public ticket lookup rate limit (Redis fixed window)', () => {
  let api: TestApi;
  const saved = { limit: process.env.FEEDBACK_LOOKUP_LIMIT, window: process.env.FEEDBACK_LOOKUP_WINDOW_SECONDS };

  beforeAll(async () => {
    process.env.FEEDBACK_LOOKUP_LIMIT = '5';
    process.env.FEEDBACK_LOOKUP_WINDOW_SECONDS = '3600';
    api = await startApi();
  });
  afterAll(async () => {
    process.env.FEEDBACK_LOOKUP_LIMIT = saved.limit;
    process.env.FEEDBACK_LOOKUP_WINDOW_SECONDS = saved.window;
    await api.close();
  });

  it('answers without login, then 429 with Retry-After once the window is used up', async () => {
    const admin = (await login(api, 'admin', ADMIN_PASSWORD)).accessToken;
    const t = await api.http
      .post('/api/tickets')
      .set('authorization', `Bearer ${admin}`)
      .send({ kind: 'question', channel: 'web', phone: '0977 000 111', subject: 'Hỏi', content: 'Hỏi' });
    expect(t.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await api.http.get(`/api/public/tickets/${t.body.code}?phone=0977000111`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const limited = await api.http.get(`/api/public/tickets/${t.body.code}?phone=0977000111`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.code).toBe('TOO_MANY_REQUESTS');
  });

  it('a missing or bad phone is a 400 naming it', async () => {
    // Uses another code key; the IP window is already used up in this file, so check the validation order instead:
    const res = await api.http.get('/api/public/tickets/PA000000-AAAAA');
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/phone/);
  });
});

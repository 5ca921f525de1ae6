import { type TestApi, login, startApi } from '../helpers/test-app';

describe("the screen-pop shows the caller's tickets (feedback → calls history provider)", () => {
  let api: TestApi;
  let auth: { authorization: string };

  beforeAll(async () => {
    api = await startApi();
    auth = { authorization: `Bearer ${(await login(api, 'operator1')).accessToken}` };
  });
  afterAll(() => api.close());

  it('counts open tickets and names the latest', async () => {
    const phone = `0914${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const before = await api.http.get('/api/citizens/lookup').query({ phone }).set(auth);
    expect(before.body.history.tickets).toEqual({ kind: 'tickets', open: 0, total: 0, latest: null });
    const created = await api.http.post('/api/tickets').set(auth).send({
      kind: 'question',
      channel: 'phone',
      phone,
      subject: 'Hỏi thủ tục cấp đổi CCCD',
      content: 'Cần giấy tờ gì?',
    });
    expect(created.status).toBe(201);
    const after = await api.http.get('/api/citizens/lookup').query({ phone }).set(auth);
    expect(after.body.history.tickets).toMatchObject({
      kind: 'tickets',
      open: 1,
      total: 1,
      latest: { id: created.body.id, code: created.body.code, title: 'Hỏi thủ tục cấp đổi CCCD' },
    });
  });
});

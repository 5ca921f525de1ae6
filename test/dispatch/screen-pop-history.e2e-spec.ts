import { type TestApi, login, startApi, unique } from '../helpers/test-app';

describe("the screen-pop shows the caller's BCCI requests (dispatch → calls history provider)", () => {
  let api: TestApi;
  let auth: { authorization: string };

  beforeAll(async () => {
    api = await startApi();
    auth = { authorization: `Bearer ${(await login(api, 'operator1')).accessToken}` };
  });
  afterAll(() => api.close());

  it('counts open requests and names the latest, without the calls context reading dispatch tables', async () => {
    const phone = `0913${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const before = await api.http.get('/api/citizens/lookup').query({ phone }).set(auth);
    expect(before.status).toBe(200);
    expect(before.body.history.requests).toEqual({ kind: 'requests', open: 0, total: 0, latest: null });

    const created = await api.http
      .post('/api/bcci-requests')
      .set(auth)
      .send({
        option: 'receive_result',
        dossierCode: unique('HS-'),
        procedureName: 'Cấp giấy chứng nhận quyền sử dụng đất',
        field: 'Đất đai',
        agency: 'Văn phòng đăng ký đất đai',
        serviceLevel: '4',
        phone,
        contactName: 'Trần Thị B',
        deliveryAddress: { detail: '5 Lê Lợi', communeCode: '23575' },
      });
    expect(created.status).toBe(201);

    const after = await api.http
      .get('/api/citizens/lookup')
      .query({ phone: phone.replace(/^0/, '+84 ') })
      .set(auth);
    expect(after.body.history.requests).toMatchObject({
      kind: 'requests',
      open: 1,
      total: 1,
      latest: { id: created.body.id, code: created.body.code, status: 'routing' },
    });
  });
});

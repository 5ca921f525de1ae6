import { ADMIN_PASSWORD, type TestApi, login, startApi, unique } from './helpers/test-app';

const HEADER = 'code,name,address,commune_code,lat,lng,phone,opening_hours,daily_capacity,active,serves';

describe('post offices: admin CRUD and CSV import (all lines or none)', () => {
  let api: TestApi;
  let admin: { authorization: string };

  beforeAll(async () => {
    api = await startApi();
    admin = { authorization: `Bearer ${(await login(api, 'admin', ADMIN_PASSWORD)).accessToken}` };
  });
  afterAll(() => api.close());

  async function count(): Promise<number> {
    let n = 0;
    let cursor: string | null = null;
    do {
      const res: { body: { items: unknown[]; nextCursor: string | null } } = await api.http
        .get('/api/post-offices')
        .query({ limit: 1000, ...(cursor ? { cursor } : {}) })
        .set(admin);
      n += res.body.items.length;
      cursor = res.body.nextCursor;
    } while (cursor);
    return n;
  }

  it('has the demo offices, one per commune, labelled as demo data', async () => {
    const res = await api.http.get('/api/post-offices').query({ limit: 5, q: 'DEMO' }).set(admin);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(5);
    expect(res.body.items[0]).toMatchObject({ isDemo: true, name: expect.stringMatching(/^\[DEMO\] Bưu điện/) });
    expect(res.body.nextCursor).toEqual(expect.any(String));
    expect(await count()).toBeGreaterThanOrEqual(135);
  });

  it('imports a good file (multipart), then updates by code on a second import (text/csv)', async () => {
    const a = unique('T');
    const b = unique('T');
    const csv = [
      HEADER,
      `${a},Bưu điện Trung tâm Pleiku,69 Hùng Vương,23575,13.98330,108.00020,0269 3824 444,"mon-fri 07:00-11:30,13:30-17:00; sat 07:00-11:30",120,true,23584`,
      `${b},Bưu cục Quy Nhơn,127 Hai Bà Trưng,21583,13.7700,109.2300,,,,,`,
    ].join('\n');
    const before = await count();
    const res = await api.http
      .post('/api/post-offices/import')
      .set(admin)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'offices.csv', contentType: 'text/csv' });
    expect(res.body).toEqual({ created: 2, updated: 0, total: 2 });
    expect(await count()).toBe(before + 2);

    const listed = await api.http.get('/api/post-offices').query({ q: a }).set(admin);
    expect(listed.body.items[0]).toMatchObject({
      code: a,
      communeCode: '23575',
      phone: '+842693824444',
      dailyCapacity: 120,
      active: true,
      isDemo: false,
      serviceArea: ['23575', '23584'],
      openingHours: {
        mon: [
          ['07:00', '11:30'],
          ['13:30', '17:00'],
        ],
        sat: [['07:00', '11:30']],
      },
    });
    const second = listed.body.items[0].id;
    const serves = await api.http.get('/api/post-offices').query({ serves: '23584', q: a }).set(admin);
    expect(serves.body.items.map((o: { id: string }) => o.id)).toEqual([second]);

    const update = `${HEADER}\n${a},Bưu điện Pleiku (mới),69 Hùng Vương,23575,13.98330,108.00020,,,80,false,\n`;
    const res2 = await api.http
      .post('/api/post-offices/import')
      .set(admin)
      .set('content-type', 'text/csv')
      .send(update);
    expect(res2.body).toEqual({ created: 0, updated: 1, total: 1 });
    const after = await api.http.get(`/api/post-offices/${second}`).set(admin);
    expect(after.body).toMatchObject({
      name: 'Bưu điện Pleiku (mới)',
      dailyCapacity: 80,
      active: false,
      serviceArea: ['23575'],
    });
  });

  it.each([
    [
      'an unknown commune code',
      (c: string) => `${c},Bưu cục X,Địa chỉ,99999,13.9,108.0,,,,,`,
      /unknown commune code "99999"/,
      'communeCode',
    ],
    ['bad coordinates', (c: string) => `${c},Bưu cục X,Địa chỉ,23575,abc,108.0,,,,,`, /lat must be a number/, 'lat'],
    [
      'coordinates outside Gia Lai',
      (c: string) => `${c},Bưu cục X,Địa chỉ,23575,21.02,105.85,,,,,`,
      /lat must be a number between/,
      'lat',
    ],
    [
      'a duplicate code',
      (c: string) => `${c.slice(0, -1)}Z,Bưu cục X,Địa chỉ,23575,13.9,108.0,,,,,`,
      /duplicate code/,
      'code',
    ],
    [
      'a bad phone',
      (c: string) => `${c},Bưu cục X,Địa chỉ,23575,13.9,108.0,12345,,,,`,
      /phone "12345" is not a valid phone number/,
      'phone',
    ],
    [
      'bad opening hours',
      (c: string) => `${c},Bưu cục X,Địa chỉ,23575,13.9,108.0,,someday 7-8,,,`,
      /unknown days/,
      'openingHours',
    ],
  ])('refuses a file with %s: 400 naming line 3, nothing written', async (_name, badLine, message, field) => {
    const good = unique('G');
    const bad = unique('B');
    const firstCode = `${bad.slice(0, -1)}Z`;
    const csv = [
      HEADER,
      `${field === 'code' ? firstCode : good},Bưu cục tốt,Địa chỉ,23575,13.9,108.0,,,,,`,
      badLine(bad),
    ].join('\n');
    const before = await count();
    const res = await api.http
      .post('/api/post-offices/import')
      .set(admin)
      .attach('file', Buffer.from(csv), { filename: 'x.csv', contentType: 'text/csv' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CSV_INVALID');
    expect(res.body.message).toMatch(/^CSV line 3: /);
    expect(res.body.message).toMatch(message);
    expect(res.body.message).toMatch(/Nothing was imported/);
    expect(res.body.details.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ line: 3, field, message: expect.stringMatching(message) })]),
    );
    expect(await count()).toBe(before);
    expect((await api.http.get('/api/post-offices').query({ q: good }).set(admin)).body.items).toEqual([]);
  });

  it('reports every bad line of a file, each with its line number', async () => {
    const csv = [
      HEADER,
      `${unique('E')},XX,Địa chỉ,00000,13.9,108.0,,,,,`,
      `${unique('E')},Bưu cục tốt,Địa chỉ,23575,13.9,108.0,,,,,`,
      `${unique('E')},YY,Địa chỉ,23575,13.9,200,,,-5,maybe,`,
    ].join('\r\n');
    const res = await api.http.post('/api/post-offices/import').set(admin).set('content-type', 'text/csv').send(csv);
    expect(res.status).toBe(400);
    const lines = res.body.details.errors.map((e: { line: number; field: string }) => `${e.line}:${e.field}`);
    expect(lines).toEqual(['2:communeCode', '4:lng', '4:dailyCapacity', '4:active']);
  });

  it.each([
    ['a missing column', 'code,name,address,lat,lng\nA1,X,Y,13.9,108', /missing column\(s\) commune_code/],
    [
      'an unknown column',
      `${HEADER},colour\nA1,Bưu cục,Địa chỉ,23575,13.9,108.0,,,,,,red`,
      /unknown column\(s\) colour/,
    ],
    ['an empty file', HEADER, /no data lines/],
    ['unbalanced quotes', `${HEADER}\nA1,"X,Y,23575,13.9,108.0,,,,,`, /unreadable CSV/],
  ])('refuses %s with a clear message', async (_name, csv, message) => {
    const res = await api.http.post('/api/post-offices/import').set(admin).set('content-type', 'text/csv').send(csv);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
  });

  it('creates, reads and updates an office over JSON, validating every field', async () => {
    const code = unique('J');
    const bad = await api.http
      .post('/api/post-offices')
      .set(admin)
      .send({ code, name: 'Bưu cục J', address: 'Số 1', communeCode: '23575', lat: 95, lng: 108 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/lat must be a latitude/);
    const unknown = await api.http
      .post('/api/post-offices')
      .set(admin)
      .send({ code, name: 'Bưu cục J', address: 'Số 1', communeCode: '12345', lat: 13.9, lng: 108 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/unknown commune code/);

    const created = await api.http.post('/api/post-offices').set(admin).send({
      code,
      name: 'Bưu cục J',
      address: 'Số 1',
      communeCode: '23575',
      lat: 13.9,
      lng: 108,
      phone: '0269.3888.222',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      code,
      phone: '+842693888222',
      dailyCapacity: 50,
      active: true,
      serviceArea: ['23575'],
    });
    expect(
      (
        await api.http
          .post('/api/post-offices')
          .set(admin)
          .send({ code, name: 'Bưu cục J', address: 'Số 1', communeCode: '23575', lat: 13.9, lng: 108 })
      ).status,
    ).toBe(409);

    const patched = await api.http
      .patch(`/api/post-offices/${created.body.id}`)
      .set(admin)
      .send({ dailyCapacity: 10, serviceArea: ['23584'], openingHours: { sat: [['08:00', '11:00']] } });
    expect(patched.body).toMatchObject({
      dailyCapacity: 10,
      serviceArea: ['23575', '23584'],
      openingHours: { sat: [['08:00', '11:00']] },
    });
    const badHours = await api.http
      .patch(`/api/post-offices/${created.body.id}`)
      .set(admin)
      .send({ openingHours: { mon: [['11:00', '08:00']] } });
    expect(badHours.status).toBe(400);
    expect(badHours.body.message).toMatch(/ends before it starts/);
    expect((await api.http.get(`/api/post-offices/not-a-uuid`).set(admin)).status).toBe(400);
    expect((await api.http.get(`/api/post-offices/01a2296b-0000-7000-8000-000000000000`).set(admin)).status).toBe(404);
  });

  it('serves the communes and lets an admin flag a remote area', async () => {
    const units = await api.http.get('/api/geo/units').set(admin);
    // The 135 communes come in one page.
    expect(units.body.items).toHaveLength(135);
    expect(units.body.nextCursor).toBeNull();
    expect(units.body.items.filter((u: { type: string }) => u.type === 'ward')).toHaveLength(25);
    const search = await api.http.get('/api/geo/units').query({ q: 'quy nhon' }).set(admin);
    expect(search.body.items.map((u: { name: string }) => u.name)).toContain('Phường Quy Nhơn');
    const wards = await api.http.get('/api/geo/units').query({ type: 'ward', remoteArea: false }).set(admin);
    expect(wards.body.items.every((u: { type: string }) => u.type === 'ward')).toBe(true);
    const flagged = await api.http.patch('/api/geo/units/21583').set(admin).send({ remoteArea: true });
    expect(flagged.body).toMatchObject({ code: '21583', remoteArea: true });
    await api.http.patch('/api/geo/units/21583').set(admin).send({ remoteArea: false }).expect(200);
    expect((await api.http.patch('/api/geo/units/21583').set(admin).send({ remoteArea: 'yes' })).status).toBe(400);
    expect((await api.http.get('/api/geo/units/99999').set(admin)).status).toBe(404);
    const geo = await api.http.get('/api/geo/boundaries').set(admin);
    expect(geo.status).toBe(200);
    expect(JSON.parse(geo.text).features).toHaveLength(135);
  });
});

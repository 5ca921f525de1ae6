import type { CalendarView, Page, ValidationFieldError } from '@hotline/contracts';
import { ADMIN_PASSWORD, type TestApi, login, startApi, unique } from './helpers/test-app';

/**
 * A 400 keeps `message` and `details.errors` as they were and adds `details.fields`: one entry per failed rule with the
 * full dotted path, class-validator's constraint name and its numbers, so that the dashboard says it in Vietnamese.
 */
describe('validation errors: details.fields for a client to translate', () => {
  let api: TestApi;
  let admin: { authorization: string };
  let operator: { authorization: string };

  beforeAll(async () => {
    api = await startApi();
    admin = { authorization: `Bearer ${(await login(api, 'admin', ADMIN_PASSWORD)).accessToken}` };
    operator = { authorization: `Bearer ${(await login(api, 'operator1')).accessToken}` };
  });
  afterAll(() => api.close());

  const fieldsOf = (body: { details?: { fields?: ValidationFieldError[] } }) => body.details?.fields ?? [];

  it('one entry per failed rule, with params; message and details.errors unchanged', async () => {
    const before = (await api.http.get('/api/bcci-tariffs').set(admin)).body.items.length as number;
    const res = await api.http
      .post('/api/bcci-tariffs')
      .set(admin)
      .send({ legKind: 'teleport', routeType: 'intra_area', priceVnd: -5, dueWorkingDays: 1.5, colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(res.body.message).toContain('priceVnd must not be negative');
    expect(res.body.details.errors).toEqual(
      expect.arrayContaining(['priceVnd must not be negative', 'property colour should not exist']),
    );
    expect(res.body.message).toBe(res.body.details.errors.join('; '));
    const fields = fieldsOf(res.body);
    expect(fields).toHaveLength(res.body.details.errors.length);
    expect(fields.map((f) => f.message)).toEqual(res.body.details.errors);
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'priceVnd', constraint: 'min', message: 'priceVnd must not be negative', params: { min: 0 } },
        { field: 'dueWorkingDays', constraint: 'isInt', message: expect.any(String) },
        { field: 'colour', constraint: 'whitelistValidation', message: 'property colour should not exist' },
        expect.objectContaining({ field: 'legKind', constraint: 'isIn', params: { values: ['pickup', 'return'] } }),
      ]),
    );
    expect((await api.http.get('/api/bcci-tariffs').set(admin)).body.items).toHaveLength(before);
  });

  it('nested objects and arrays give the full dotted path, array indexes included', async () => {
    const res = await api.http
      .post('/api/bcci-requests')
      .set(operator)
      .send({
        option: 'send_dossier',
        serviceLevel: '3',
        field: 'Đất đai',
        dossierCode: unique('HS-'),
        procedureName: 'Cấp đổi giấy phép lái xe',
        agency: 'Sở Giao thông vận tải',
        phone: '0912345678',
        pickupAddress: { detail: '12 Hùng Vương', communeCode: 'abc' },
      });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(
      expect.arrayContaining([
        {
          field: 'pickupAddress.communeCode',
          constraint: 'matches',
          message: 'communeCode must be a 5-digit commune code',
          params: { pattern: '^\\d{5}$' },
        },
      ]),
    );

    const calendar = ((await api.http.get('/api/sla/calendars').set(admin)).body as Page<CalendarView>).items.find(
      (c) => c.isDefault,
    )!;
    const exc = await api.http
      .post(`/api/sla/calendars/${calendar.id}/exceptions`)
      .set(admin)
      .send({
        date: '2031-02-15',
        kind: 'working_day',
        periods: [
          { start: '07:00', end: '11:30' },
          { start: '7h', end: '17:00' },
        ],
        name: '',
      });
    expect(exc.status).toBe(400);
    expect(fieldsOf(exc.body)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'periods.1.start', constraint: 'matches', message: 'start must be HH:mm' }),
        { field: 'name', constraint: 'isLength', message: expect.any(String), params: { min: 1, max: 150 } },
      ]),
    );
    expect(fieldsOf(exc.body).some((f) => f.field.startsWith('periods.0'))).toBe(false);
  });

  it('a domain error about one field carries the same shape, its message unchanged', async () => {
    const promo = await api.http
      .post('/api/bcci-promotions')
      .set(admin)
      .send({ name: unique('KM '), percent: 10, startsOn: '2031-03-10', endsOn: '2031-03-01', legKinds: ['pickup'] });
    expect(promo.status).toBe(400);
    expect(promo.body.message).toBe('endsOn: the window ends before it starts');
    expect(promo.body.details).toEqual({
      field: 'endsOn',
      fields: [{ field: 'endsOn', constraint: 'dateOrder', message: 'endsOn: the window ends before it starts' }],
    });

    const citizen = await api.http
      .post('/api/citizens')
      .set(operator)
      .send({ fullName: 'Nguyễn Văn A', phone: '12345' });
    expect(citizen.status).toBe(400);
    expect(fieldsOf(citizen.body)).toEqual([expect.objectContaining({ field: 'phone', constraint: 'isPhone' })]);

    const badId = await api.http.get('/api/users/not-a-uuid').set(admin);
    expect(badId.status).toBe(400);
    expect(fieldsOf(badId.body)).toEqual([{ field: 'id', constraint: 'isUuid', message: 'id must be a UUID' }]);

    const badCode = await api.http.get('/api/geo/units/12ab').set(admin);
    expect(badCode.status).toBe(400);
    expect(badCode.body.message).toBe('code must be a 5-digit commune code');
    expect(fieldsOf(badCode.body)).toEqual([
      {
        field: 'code',
        constraint: 'matches',
        message: 'code must be a 5-digit commune code',
        params: { pattern: '^\\d{5}$' },
      },
    ]);
  });

  it('the post-office rules (shared with the CSV import) name their field and rule', async () => {
    const res = await api.http
      .post('/api/post-offices')
      .set(admin)
      .send({
        code: unique('PO'),
        name: 'Bưu điện thử',
        address: '1 Lê Lợi',
        communeCode: '00000',
        lat: 13.98,
        lng: 108.0,
        phone: '12',
      });
    expect(res.status).toBe(400);
    expect(res.body.details.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'phone' })]));
    expect(fieldsOf(res.body)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'communeCode', constraint: 'exists' }),
        expect.objectContaining({ field: 'phone', constraint: 'isPhone' }),
      ]),
    );

    const csv = ['code,name,address,commune_code,lat,lng', `${unique('PO')},B,1 Lê Lợi,00000,13.98,108.0`].join('\n');
    const imported = await api.http
      .post('/api/post-offices/import')
      .set(admin)
      .set('content-type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(400);
    expect(imported.body.code).toBe('CSV_INVALID');
    expect(imported.body.details.errors).toEqual(
      expect.arrayContaining([
        {
          line: 2,
          field: 'name',
          message: 'name must be 2–150 characters',
          constraint: 'isLength',
          params: { min: 2, max: 150 },
        },
        expect.objectContaining({ line: 2, field: 'communeCode', constraint: 'exists', params: { value: '00000' } }),
      ]),
    );
  });
});

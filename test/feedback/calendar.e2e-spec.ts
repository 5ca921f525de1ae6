import { DataSource } from 'typeorm';
import { ADMIN_PASSWORD, type TestApi, login, startApi } from '../helpers/test-app';

describe('working calendar persistence + admin exceptions', () => {
  let api: TestApi;
  let admin: string;
  let operator: string;
  const auth = (t: string) => ({ authorization: `Bearer ${t}` });

  beforeAll(async () => {
    api = await startApi();
    admin = (await login(api, 'admin', ADMIN_PASSWORD)).accessToken;
    operator = (await login(api, 'operator1')).accessToken;
  });
  afterAll(() => api.close());

  it('seeds the Gia Lai default calendar and a 24/7 one', async () => {
    const res = await api.http.get('/api/sla/calendars').set(auth(operator));
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'gia-lai',
          isDefault: true,
          timeZone: 'Asia/Ho_Chi_Minh',
          timeZoneOffsetMinutes: 420,
        }),
        expect.objectContaining({ code: 'always-open', isDefault: false, holidayRules: null }),
      ]),
    );
  });

  it('seeds the 2026 Tết closure of the center (14–22/2/2026) as dated exceptions that the calendar applies', async () => {
    const ex = await api.http.get('/api/sla/calendars/gia-lai/exceptions?year=2026').set(auth(operator));
    expect(ex.status).toBe(200);
    expect(ex.body.nextCursor).toBeNull();
    expect(ex.body.items.map((e: { date: string }) => e.date)).toEqual(
      ['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-02-${d}`),
    );
    const days = await api.http
      .get('/api/sla/calendars/gia-lai/days?from=2026-02-12&to=2026-02-23')
      .set(auth(operator));
    expect(days.status).toBe(200);
    const working = Object.fromEntries(
      days.body.map((d: { date: string; working: boolean; source: string }) => [d.date, `${d.working}/${d.source}`]),
    );
    expect(working).toMatchObject({
      '2026-02-12': 'true/weekly',
      '2026-02-13': 'true/weekly', // Friday 13/2 is still open (the government's Tết break starts on the 14th here)
      '2026-02-16': 'false/exception',
      '2026-02-22': 'false/exception',
      '2026-02-23': 'true/weekly',
    });
  });

  it('admin adds a make-up working Saturday and removes it; the calendar follows', async () => {
    const created = await api.http
      .post('/api/sla/calendars/gia-lai/exceptions')
      .set(auth(admin))
      .send({ date: '2026-05-09', kind: 'working_day', name: 'Làm bù' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ date: '2026-05-09', kind: 'working_day', periods: null, name: 'Làm bù' });
    let day = await api.http.get('/api/sla/calendars/gia-lai/days?from=2026-05-09&to=2026-05-09').set(auth(admin));
    expect(day.body[0]).toMatchObject({
      working: true,
      source: 'exception',
      periods: [
        { start: '07:00', end: '11:30' },
        { start: '13:30', end: '17:00' },
      ],
    });

    const dup = await api.http
      .post('/api/sla/calendars/gia-lai/exceptions')
      .set(auth(admin))
      .send({ date: '2026-05-09', kind: 'day_off' });
    expect(dup.status).toBe(409);

    const removed = await api.http.delete(`/api/sla/calendars/gia-lai/exceptions/${created.body.id}`).set(auth(admin));
    expect(removed.status).toBe(204);
    day = await api.http.get('/api/sla/calendars/gia-lai/days?from=2026-05-09&to=2026-05-09').set(auth(admin));
    expect(day.body[0]).toMatchObject({ working: false, source: 'weekly' });

    const history = await api.app
      .get(DataSource)
      .query("SELECT action FROM audit_log WHERE entity_type = 'calendar' ORDER BY at");
    expect(history.map((h: { action: string }) => h.action)).toEqual(
      expect.arrayContaining(['exception_added', 'exception_removed']),
    );
  });

  it.each([
    [{ date: '2026-13-01', kind: 'day_off' }, /date/],
    [{ date: '09/05/2026', kind: 'day_off' }, /date must be YYYY-MM-DD/],
    [{ date: '2026-05-16', kind: 'holiday' }, /kind/],
    [{ date: '2026-05-16', kind: 'working_day', periods: [{ start: '13:00', end: '08:00' }] }, /period/i],
    [{ date: '2026-05-16', kind: 'day_off', periods: [{ start: '07:00', end: '11:00' }] }, /periods/],
    [{ date: '2026-05-16', kind: 'day_off', extra: 1 }, /extra/],
  ])('refuses %o with 400 naming the problem, writing nothing', async (body, message) => {
    const res = await api.http.post('/api/sla/calendars/gia-lai/exceptions').set(auth(admin)).send(body);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(message);
    const rows = await api.app
      .get(DataSource)
      .query("SELECT COUNT(*) AS n FROM calendar_exceptions WHERE date = '2026-05-16' OR date = '2026-13-01'");
    expect(Number(rows[0].n)).toBe(0);
  });

  it('operators cannot edit the calendar', async () => {
    const res = await api.http
      .post('/api/sla/calendars/gia-lai/exceptions')
      .set(auth(operator))
      .send({ date: '2026-05-16', kind: 'day_off' });
    expect(res.status).toBe(403);
  });

  it('unknown calendar → 404', async () => {
    expect((await api.http.get('/api/sla/calendars/nope/exceptions').set(auth(admin))).status).toBe(404);
  });
});

import { CitizenHistoryRegistry } from '@hotline/calls';
import { ADMIN_PASSWORD, type TestApi, login, startApi } from '../helpers/test-app';
import { e164, randomMobile } from './helpers';

describe('calls: citizens and the caller lookup (screen-pop data)', () => {
  let api: TestApi;
  const auth: Record<string, { authorization: string }> = {};

  beforeAll(async () => {
    api = await startApi();
    for (const [k, u, p] of [
      ['operator', 'operator1', undefined],
      ['supervisor', 'supervisor1', undefined],
      ['dispatcher', 'dispatcher.pleiku', undefined],
      ['admin', 'admin', ADMIN_PASSWORD],
    ] as const) {
      auth[k] = { authorization: `Bearer ${(await login(api, u, p)).accessToken}` };
    }
  });
  afterAll(() => api.close());

  it('creates a citizen and finds them by every common way of writing the number', async () => {
    const national = randomMobile('091');
    const created = await api.http
      .post('/api/citizens')
      .set(auth.operator)
      .send({ phone: national, fullName: 'Nguyễn Văn An', kind: 'person', communeCode: '23575' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      fullName: 'Nguyễn Văn An',
      phones: [{ phone: e164(national), isPrimary: true }],
    });
    const n = national.slice(1);
    const forms = [
      national,
      `${national.slice(0, 4)}-${national.slice(4, 7)}-${national.slice(7)}`,
      `+84 ${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`,
      `84${n}`,
      `${national.slice(0, 4)}.${national.slice(4, 7)}.${national.slice(7)}`,
      `(+84) ${n}`,
    ];
    for (const form of forms) {
      const res = await api.http.get('/api/citizens/lookup').query({ phone: form }).set(auth.operator);
      expect({ form, status: res.status, id: res.body.citizen?.id }).toEqual({
        form,
        status: 200,
        id: created.body.id,
      });
      expect(res.body).toMatchObject({
        phone: e164(national),
        withheld: false,
        callCount: 0,
        lastCalls: [],
        openCallbackId: null,
      });
    }
    // A second citizen with the same number in another form is a 409 that names the owner.
    const dup = await api.http
      .post('/api/citizens')
      .set(auth.operator)
      .send({ phone: `+84${n}` });
    expect(dup.status).toBe(409);
    expect(dup.body.details).toMatchObject({ citizenId: created.body.id });
  });

  it('landlines too: 0269.3888.222 ≡ +84 269 3888 222', async () => {
    const created = await api.http
      .post('/api/citizens')
      .set(auth.operator)
      .send({ phone: '0269.3888.222', fullName: 'Trung tâm PVHCC', kind: 'organisation' });
    expect([201, 409]).toContain(created.status);
    const a = await api.http.get('/api/citizens/lookup').query({ phone: '+84 269 3888 222' }).set(auth.operator);
    const b = await api.http.get('/api/citizens/lookup').query({ phone: '0269 3888 222' }).set(auth.operator);
    expect(a.body.citizen.id).toBe(b.body.citizen.id);
    expect(a.body.display).toBe('0269 3888 222');
  });

  it('refuses invalid numbers with 400 and a reason, and marks withheld callers', async () => {
    for (const junk of ['12ab', '0112345678', '0162 123 4567', '091234']) {
      const res = await api.http.get('/api/citizens/lookup').query({ phone: junk }).set(auth.operator);
      expect({ junk, status: res.status }).toEqual({ junk, status: 400 });
      expect(res.body.message).toMatch(/^phone: /);
    }
    for (const hidden of ['anonymous', 'Private', 'số ẩn']) {
      const res = await api.http.get('/api/citizens/lookup').query({ phone: hidden }).set(auth.operator);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        withheld: true,
        phone: null,
        citizen: null,
        history: { requests: { open: 0 }, tickets: { open: 0 } },
      });
    }
    const bad = await api.http.post('/api/citizens').set(auth.operator).send({ phone: 'hello' });
    expect(bad.status).toBe(400);
    const unknownField = await api.http
      .post('/api/citizens')
      .set(auth.operator)
      .send({ phone: randomMobile(), hacker: true });
    expect(unknownField.status).toBe(400);
  });

  it('updates, adds extra phones (one number, one person), and shows the remote-area commune', async () => {
    const remote = '23575';
    await api.http.patch(`/api/geo/units/${remote}`).set(auth.admin).send({ remoteArea: true }).expect(200);
    const national = randomMobile('098');
    const c = (
      await api.http.post('/api/citizens').set(auth.operator).send({ phone: national, fullName: 'Rơ Châm H’Lan' })
    ).body;
    const upd = await api.http
      .patch(`/api/citizens/${c.id}`)
      .set(auth.operator)
      .send({ communeCode: remote, addressDetail: 'Làng Plei Ốp', idNumber: '064090001234' });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ communeCode: remote, addressDetail: 'Làng Plei Ốp' });
    expect(
      (await api.http.patch(`/api/citizens/${c.id}`).set(auth.operator).send({ communeCode: '99999' })).status,
    ).toBe(400);

    const extra = randomMobile('035');
    const added = await api.http
      .post(`/api/citizens/${c.id}/phones`)
      .set(auth.operator)
      .send({ phone: extra, label: 'con trai' });
    expect(added.body.phones.map((p: { phone: string }) => p.phone)).toEqual([e164(national), e164(extra)]);
    const other = (
      await api.http
        .post('/api/citizens')
        .set(auth.operator)
        .send({ phone: randomMobile('086') })
    ).body;
    expect(
      (await api.http.post(`/api/citizens/${other.id}/phones`).set(auth.operator).send({ phone: extra })).status,
    ).toBe(409);

    const res = await api.http.get('/api/citizens/lookup').query({ phone: extra }).set(auth.supervisor);
    expect(res.body).toMatchObject({ citizen: { id: c.id }, commune: { code: remote, remoteArea: true } });

    // Removing the primary promotes the other; the only number stays.
    const removed = await api.http
      .delete(`/api/citizens/${c.id}/phones/${encodeURIComponent(`+84 ${national.slice(1)}`)}`)
      .set(auth.operator);
    expect(removed.status).toBe(200);
    expect(removed.body.phones).toEqual([{ phone: e164(extra), isPrimary: true, label: 'con trai' }]);
    expect((await api.http.delete(`/api/citizens/${c.id}/phones/${extra}`).set(auth.operator)).status).toBe(409);
    expect((await api.http.delete(`/api/citizens/${c.id}/phones/${national}`).set(auth.operator)).status).toBe(404);
    expect(
      (await api.http.get('/api/citizens/lookup').query({ phone: national }).set(auth.operator)).body.citizen,
    ).toBeNull();
  });

  it('shows the sections other contexts register (zeros when none)', async () => {
    const national = randomMobile('090');
    const c = (await api.http.post('/api/citizens').set(auth.operator).send({ phone: national })).body;
    const before = await api.http.get('/api/citizens/lookup').query({ phone: national }).set(auth.operator);
    expect(before.body.history).toEqual({
      requests: { kind: 'requests', open: 0, total: 0, latest: null },
      tickets: { kind: 'tickets', open: 0, total: 0, latest: null },
    });
    const seen: Array<[string | null, string[]]> = [];
    api.app.get(CitizenHistoryRegistry).register({
      async citizenHistory(citizenId, phones) {
        seen.push([citizenId, phones]);
        return {
          kind: 'tickets',
          open: 2,
          total: 3,
          latest: {
            id: 't1',
            code: 'PA-1',
            status: 'open',
            title: 'Hồ sơ trễ hạn',
            createdAt: '2026-03-01T00:00:00.000Z',
          },
        };
      },
    });
    const after = await api.http.get('/api/citizens/lookup').query({ phone: national }).set(auth.operator);
    expect(after.body.history.tickets).toMatchObject({ open: 2, total: 3, latest: { code: 'PA-1' } });
    expect(after.body.history.requests.open).toBe(0);
    expect(seen).toContainEqual([c.id, [e164(national)]]);
  });

  it('RBAC: dispatchers cannot look up callers; admins read but do not create', async () => {
    expect(
      (await api.http.get('/api/citizens/lookup').query({ phone: '0912345678' }).set(auth.dispatcher)).status,
    ).toBe(403);
    expect((await api.http.get('/api/citizens/lookup').query({ phone: '0912345678' }).set(auth.admin)).status).toBe(
      200,
    );
    expect((await api.http.post('/api/citizens').set(auth.admin).send({ phone: randomMobile() })).status).toBe(403);
    expect((await api.http.get('/api/citizens/lookup').query({ phone: '0912345678' })).status).toBe(401);
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import type { AnnouncementEvent } from '@hotline/contracts';
import {
  ADMIN_PASSWORD,
  type TestApi,
  type TestSocket,
  connectSocket,
  login,
  nextEvent,
  startApi,
  startWorker,
  unique,
} from './helpers/test-app';

// Presence: an operator whose last socket goes away is offline at once (no grace period in this file).
process.env.CALLS_PRESENCE_GRACE_SECONDS = '0';

describe('socket.io gateway + worker emitter (real Redis adapter)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  const sockets: TestSocket[] = [];
  let supervisorToken: string;

  async function connect(username: string, password?: string) {
    const tokens = await login(api, username, password);
    const c = await connectSocket(api, tokens.accessToken);
    sockets.push(c.socket);
    return { ...c, tokens };
  }

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker(api.config);
    supervisorToken = (await login(api, 'supervisor1')).accessToken;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await worker.close();
    await api.close();
  });

  it('refuses a connection without a token: auth:error, then disconnect', async () => {
    await expect(connectSocket(api, undefined)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringMatching(/Missing token/),
    });
  });

  it('refuses a connection with a bad token', async () => {
    await expect(connectSocket(api, 'not.a.jwt')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('joins rooms from the token only: a dispatcher gets its own office room and no other', async () => {
    const pleiku = await connect('dispatcher.pleiku');
    expect(pleiku.rooms).toEqual([
      'role:dispatcher',
      `user:${pleiku.tokens.user.id}`,
      `office:${pleiku.tokens.user.postOfficeId}`,
    ]);
    const op = await connect('operator1');
    expect(op.rooms).toEqual(['role:operator', `user:${op.tokens.user.id}`]);
  });

  it('delivers a worker-emitted event to the right room and no other', async () => {
    const pleiku = await connect('dispatcher.pleiku');
    const quyNhon = await connect('dispatcher.quynhon');
    const operator = await connect('operator2');
    const officeId = pleiku.tokens.user.postOfficeId!;
    const received: Record<string, AnnouncementEvent[]> = { pleiku: [], quyNhon: [], operator: [] };
    pleiku.socket.on('announcement', (e) => received.pleiku.push(e));
    quyNhon.socket.on('announcement', (e) => received.quyNhon.push(e));
    operator.socket.on('announcement', (e) => received.operator.push(e));

    const toOffice = nextEvent(pleiku.socket, 'announcement');
    const sent = await api.http
      .post('/api/announcements')
      .set('authorization', `Bearer ${supervisorToken}`)
      .send({ audience: `office:${officeId}`, message: 'Bưu cục Pleiku: kiểm tra hàng đợi' });
    expect(sent.status).toBe(202);
    expect(await toOffice).toMatchObject({
      id: sent.body.id,
      message: 'Bưu cục Pleiku: kiểm tra hàng đợi',
      audience: `office:${officeId}`,
    });

    // A second event to everybody: Redis pub/sub keeps order, so once it arrives, the first would have arrived too.
    const everyone = [nextEvent(quyNhon.socket, 'announcement'), nextEvent(operator.socket, 'announcement')];
    const all = await api.http
      .post('/api/announcements')
      .set('authorization', `Bearer ${supervisorToken}`)
      .send({ audience: 'all', message: 'Chào buổi sáng' });
    await Promise.all(everyone);
    expect(received.quyNhon.map((e) => e.id)).toEqual([all.body.id]);
    expect(received.operator.map((e) => e.id)).toEqual([all.body.id]);
    await new Promise<void>((resolve) =>
      received.pleiku.length === 2 ? resolve() : pleiku.socket.once('announcement', () => resolve()),
    );
    expect(received.pleiku.map((e) => e.id)).toEqual([sent.body.id, all.body.id]);
  });

  it('delivers to a role room only', async () => {
    const op = await connect('operator1');
    const disp = await connect('dispatcher.quynhon');
    const dispEvents: AnnouncementEvent[] = [];
    disp.socket.on('announcement', (e) => dispEvents.push(e));
    const got = nextEvent(op.socket, 'announcement');
    const res = await api.http
      .post('/api/announcements')
      .set('authorization', `Bearer ${supervisorToken}`)
      .send({ audience: 'role:operator', message: 'Họp giao ban 16:30' });
    expect((await got).id).toBe(res.body.id);
    const marker = nextEvent(disp.socket, 'announcement');
    const after = await api.http
      .post('/api/announcements')
      .set('authorization', `Bearer ${supervisorToken}`)
      .send({ audience: 'role:dispatcher', message: 'marker' });
    await marker;
    expect(dispEvents.map((e) => e.id)).toEqual([after.body.id]);
  });

  it('refuses a bad announcement with 400', async () => {
    const res = await api.http
      .post('/api/announcements')
      .set('authorization', `Bearer ${supervisorToken}`)
      .send({ audience: 'office:../../x', message: 'hi' });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/audience must be/);
  });

  it('closes the open sockets of a user as soon as an admin disables them', async () => {
    const admin = await login(api, 'admin', ADMIN_PASSWORD);
    const username = unique('op.');
    const created = await api.http
      .post('/api/users')
      .set('authorization', `Bearer ${admin.accessToken}`)
      .send({ username, fullName: 'Sẽ bị khóa', password: 'Passw0rd-123', role: 'operator' });
    expect(created.status).toBe(201);
    const victim = await connect(username, 'Passw0rd-123');
    const kicked = nextEvent(victim.socket, 'auth:error');
    const closed = new Promise<string>((resolve) => victim.socket.once('disconnect', (reason) => resolve(reason)));
    await api.http
      .post(`/api/users/${created.body.id}/disable`)
      .set('authorization', `Bearer ${admin.accessToken}`)
      .send({})
      .expect(200);
    expect(await kicked).toMatchObject({ code: 'USER_DISABLED' });
    expect(await closed).toBe('io server disconnect');
    await expect(connectSocket(api, victim.tokens.accessToken)).rejects.toMatchObject({ code: 'USER_DISABLED' });
  });

  it('tracks operator presence: the first socket makes an offline operator available, the last one gone makes them offline', async () => {
    // A fresh operator: the e2e files share one database, and a demo operator may be left 'available' by a process that is gone.
    const admin = await login(api, 'admin', ADMIN_PASSWORD);
    const username = unique('op.');
    const created = await api.http
      .post('/api/users')
      .set('authorization', `Bearer ${admin.accessToken}`)
      .send({ username, fullName: 'Trực tổng đài', password: 'Passw0rd-123', role: 'operator' });
    expect(created.status).toBe(201);
    const supervisor = await connectSocket(api, supervisorToken);
    const tokens = await login(api, username, 'Passw0rd-123');
    const auth = { authorization: `Bearer ${tokens.accessToken}` };
    const watch = (status: string) =>
      new Promise<void>((resolve) => {
        const on = (v: { userId: string; status: string }) => {
          if (v.userId === tokens.user.id && v.status === status) {
            supervisor.socket.off('operator:status', on);
            resolve();
          }
        };
        supervisor.socket.on('operator:status', on);
      });
    const statusNow = async () => (await api.http.get('/api/operator-status/me').set(auth)).body.status as string;
    expect(await statusNow()).toBe('offline');

    const online = watch('available');
    const first = await connectSocket(api, tokens.accessToken);
    await online;
    const second = await connectSocket(api, tokens.accessToken);
    first.socket.close();
    const offline = watch('offline');
    second.socket.close();
    await offline;
    expect(await statusNow()).toBe('offline');
    supervisor.socket.close();
  });
});

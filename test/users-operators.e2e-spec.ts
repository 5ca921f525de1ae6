import { randomInt } from 'node:crypto';
import type { OperatorDirectoryEntry, Page, UserView } from '@hotline/contracts';
import { ADMIN_PASSWORD, type TestApi, login, startApi, unique } from './helpers/test-app';

/** GET /users/operators: the directory a supervisor's assign picker reads, every active operator whether connected or not. */
describe('GET /api/users/operators', () => {
  let api: TestApi;
  const auth: Record<'admin' | 'supervisor' | 'operator' | 'dispatcher', { authorization: string }> = {} as never;

  beforeAll(async () => {
    api = await startApi();
    const bearer = async (username: string, password?: string) => ({
      authorization: `Bearer ${(await login(api, username, password)).accessToken}`,
    });
    auth.admin = await bearer('admin', ADMIN_PASSWORD);
    auth.supervisor = await bearer('supervisor1');
    auth.operator = await bearer('operator1');
    auth.dispatcher = await bearer('dispatcher.pleiku');
  });
  afterAll(() => api.close());

  const create = async (role: 'operator' | 'supervisor', fullName: string, extension?: string): Promise<UserView> => {
    const res = await api.http
      .post('/api/users')
      .set(auth.admin)
      .send({
        username: unique(`dir.${role}.`),
        fullName,
        password: 'Matkhau@2026',
        role,
        ...(extension ? { extension } : {}),
      });
    expect(res.status).toBe(201);
    return res.body as UserView;
  };

  it('lists active operators who never connected, with name and extension only; not disabled ones, not other roles', async () => {
    const ext = String(randomInt(100_000, 999_999));
    const fresh = await create('operator', `Ksor Thị Mai ${ext}`, ext);
    const noExt = await create('operator', `Đào Văn An ${ext}`);
    const gone = await create('operator', `Siu Văn Hùng ${ext}`);
    expect((await api.http.post(`/api/users/${gone.id}/disable`).set(auth.admin).send({})).status).toBe(200);
    const boss = await create('supervisor', `Giám sát ${ext}`);

    const res = await api.http.get('/api/users/operators').set(auth.supervisor);
    expect(res.status).toBe(200);
    // The directory is small: one page, nothing after it.
    const { items: list, nextCursor } = res.body as Page<OperatorDirectoryEntry>;
    expect(nextCursor).toBeNull();
    expect(list).toContainEqual({ id: fresh.id, fullName: fresh.fullName, extension: ext });
    expect(list).toContainEqual({ id: noExt.id, fullName: noExt.fullName, extension: null });
    expect(list.map((o) => o.fullName)).toEqual(
      expect.arrayContaining(['Nguyễn Thị Lan (ĐTV)', 'Trần Văn Minh (ĐTV)']),
    );
    const ids = list.map((o) => o.id);
    expect(ids).not.toContain(gone.id);
    expect(ids).not.toContain(boss.id);
    expect(ids).not.toContain((await api.http.get('/api/auth/me').set(auth.supervisor)).body.id);
    // Nothing of the account leaks (username, role, login times): exactly three fields.
    for (const o of list) expect(Object.keys(o).sort()).toEqual(['extension', 'fullName', 'id']);
    // Sorted by name the Vietnamese way.
    expect(list.map((o) => o.fullName)).toEqual(
      [...list.map((o) => o.fullName)].sort((a, b) => a.localeCompare(b, 'vi')),
    );
  });

  it('admins read it too; operators and dispatchers are refused, anonymous callers asked to log in', async () => {
    const admin = await api.http.get('/api/users/operators').set(auth.admin);
    expect(admin.status).toBe(200);
    expect(Array.isArray(admin.body.items)).toBe(true);
    expect((await api.http.get('/api/users/operators').set(auth.operator)).status).toBe(403);
    expect((await api.http.get('/api/users/operators').set(auth.dispatcher)).status).toBe(403);
    expect((await api.http.get('/api/users/operators')).status).toBe(401);
    // The rest of /users stays admin-only.
    expect((await api.http.get('/api/users').set(auth.supervisor)).status).toBe(403);
  });

  it('GET /users pages in username order with cursor + limit, and keeps its filters', async () => {
    const tag = unique('pg');
    const made: UserView[] = [];
    for (const i of [3, 1, 4, 0, 2]) {
      const res = await api.http
        .post('/api/users')
        .set(auth.admin)
        .send({ username: `${tag}.${i}`, fullName: `Trang ${tag} ${i}`, password: 'Matkhau@2026', role: 'operator' });
      expect(res.status).toBe(201);
      made.push(res.body as UserView);
    }
    expect((await api.http.post(`/api/users/${made[0].id}/disable`).set(auth.admin).send({})).status).toBe(200);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: Page<UserView> } = await api.http
        .get('/api/users')
        .query({ q: tag, limit: 2, ...(cursor ? { cursor } : {}) })
        .set(auth.admin);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((u) => u.username));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual([0, 1, 2, 3, 4].map((i) => `${tag}.${i}`));
    expect(pages).toBe(3);

    const active = await api.http
      .get('/api/users')
      .query({ q: tag, disabled: false, role: 'operator' })
      .set(auth.admin);
    expect(active.body.items.map((u: UserView) => u.username)).toEqual([0, 1, 2, 4].map((i) => `${tag}.${i}`));
    expect(active.body.nextCursor).toBeNull();
    const none = await api.http.get('/api/users').query({ q: tag, role: 'supervisor' }).set(auth.admin);
    expect(none.body).toEqual({ items: [], nextCursor: null });
    const bad = await api.http.get('/api/users').query({ cursor: 'not-a-cursor' }).set(auth.admin);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/cursor/);
  });
});

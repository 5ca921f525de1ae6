import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ROLES, type Role } from '@hotline/contracts';
import { IS_PUBLIC, OWN_AUTH, ROLES_KEY } from '@hotline/core';
import { ROOT_ROUTES } from '../apps/api/src/bootstrap';
import { ADMIN_PASSWORD, type TestApi, login, startApi } from './helpers/test-app';

interface RouteInfo {
  method: string;
  path: string;
  name: string;
  isPublic: boolean;
  ownAuth: boolean;
  roles: Role[] | undefined;
}

/** Every route the api registers, read from the controllers' metadata (the same metadata the guard reads). */
function registeredRoutes(api: TestApi): RouteInfo[] {
  const discovery = api.app.get(DiscoveryService);
  const scanner = api.app.get(MetadataScanner);
  const reflector = api.app.get(Reflector);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const type = wrapper.metatype as { prototype: Record<string, unknown>; name: string } | undefined;
    if (!type) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    for (const methodName of scanner.getAllMethodNames(type.prototype)) {
      const handler = type.prototype[methodName] as () => unknown;
      const sub = Reflect.getMetadata(PATH_METADATA, handler);
      if (sub === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      const joined = [base, String(sub)]
        .filter((p) => p && p !== '/')
        .join('/')
        .replace(/\/+/g, '/')
        .replace(/^\//, '');
      const atRoot = ROOT_ROUTES.some((r) => r.path === joined);
      const targets = [handler, type as unknown as () => unknown];
      routes.push({
        method,
        path: `${atRoot ? '' : '/api'}/${joined}`,
        name: `${type.name}.${methodName}`,
        isPublic: !!reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets),
        ownAuth: !!reflector.getAllAndOverride<string>(OWN_AUTH, targets),
        roles: reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets),
      });
    }
  }
  return routes;
}

const SAMPLE_PARAMS: Record<string, string> = {
  id: '01a2296b-0000-7000-8000-000000000000',
  code: '23575',
  token: 'no-such-token',
};
const concrete = (path: string) => path.replace(/:(\w+)/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? 'x');

describe('RBAC over every registered route', () => {
  let api: TestApi;
  let routes: RouteInfo[];
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    api = await startApi();
    routes = registeredRoutes(api);
    tokens.admin = (await login(api, 'admin', ADMIN_PASSWORD)).accessToken;
    tokens.operator = (await login(api, 'operator1')).accessToken;
    tokens.supervisor = (await login(api, 'supervisor1')).accessToken;
    tokens.dispatcher = (await login(api, 'dispatcher.pleiku')).accessToken;
  });
  afterAll(() => api.close());

  it('finds the routes (sanity: the discovery works)', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes).toEqual(
      expect.arrayContaining([expect.objectContaining({ method: 'POST', path: '/api/auth/login', isPublic: true })]),
    );
    expect(routes).toEqual(
      expect.arrayContaining([expect.objectContaining({ method: 'GET', path: '/health', isPublic: true })]),
    );
  });

  it('every route declares @Public, its own auth, or a non-empty @Roles', () => {
    const undeclared = routes
      .filter((r) => !r.isPublic && !r.ownAuth && !(r.roles && r.roles.length))
      .map((r) => `${r.method} ${r.path} (${r.name})`);
    expect(undeclared).toEqual([]);
  });

  it('anonymous callers get 401 everywhere except @Public routes', async () => {
    for (const r of routes.filter((x) => !x.ownAuth)) {
      const res = await api.http[r.method.toLowerCase() as 'get'](concrete(r.path)).send(
        r.method === 'GET' ? undefined : {},
      );
      if (r.isPublic) expect({ route: r.name, status: res.status }).not.toEqual({ route: r.name, status: 401 });
      else expect({ route: r.name, status: res.status }).toEqual({ route: r.name, status: 401 });
    }
  });

  it.each(ROLES)('role %s gets 403 exactly where the route does not list it', async (role) => {
    for (const r of routes.filter((x) => !x.isPublic && !x.ownAuth)) {
      const req = api.http[r.method.toLowerCase() as 'get'](concrete(r.path)).set(
        'authorization',
        `Bearer ${tokens[role]}`,
      );
      const res = await (r.method === 'GET' ? req : req.send({}));
      const allowed = r.roles!.includes(role);
      const outcome = { route: `${r.method} ${r.path}`, role, allowed, status: res.status };
      if (allowed) expect([401, 403]).not.toContain(outcome.status);
      else expect(outcome).toEqual({ ...outcome, status: 403 });
    }
  });

  it('the queue board is for admins only', async () => {
    expect((await api.http.get('/admin/queues')).status).toBe(401);
    expect((await api.http.get('/admin/queues').set('authorization', `Bearer ${tokens.operator}`)).status).toBe(403);
    expect((await api.http.get('/admin/queues').set('authorization', `Bearer ${tokens.supervisor}`)).status).toBe(403);
    const ok = await api.http.get('/admin/queues').set('authorization', `Bearer ${tokens.admin}`);
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/<html/i);
    // A browser opens it once with ?token=, then uses the httpOnly cookie.
    const handoff = await api.http.get(`/admin/queues?token=${tokens.admin}`);
    expect(handoff.status).toBe(302);
    const cookie = handoff.headers['set-cookie'][0].split(';')[0];
    expect((await api.http.get('/admin/queues/api/queues').set('cookie', cookie)).status).toBe(200);
  });
});

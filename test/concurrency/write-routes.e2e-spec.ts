import {
  Harness,
  NEW_PASSWORD,
  type Outcome,
  PASSWORD,
  REQUEST_TIMEOUT_MS,
  type Req,
  type World,
  bcciBody,
  buildWorld,
  extension,
  fixtureConcurrency,
  forwardedTicket,
  inBatches,
  json,
  newCallbacks,
  newCitizens,
  newLegs,
  newTickets,
  newUsers,
  openApiWriteRoutes,
  randomMobile,
  registeredWriteRoutes,
  restoreWorld,
  templateRegex,
  ticketBody,
  times,
  type HttpMethod,
} from './harness';
import { unique } from '../helpers/test-app';
import { ALWAYS_OPEN } from '../dispatch/dispatch-fixtures';

/**
 * Every write route of the api under a burst of concurrent, valid requests — more of them than the database pool has
 * connections — against the real api + worker, MariaDB and Redis.
 *
 * Why: a transaction that reads through the DataSource instead of its own manager needs a second pool connection while it
 * holds one; `poolSize` such requests at once hold every connection and wait for ever (the pool has no acquire timeout), and the
 * api never answers again. A burst of `2 × poolSize + 2` requests finds that, route by route. For each route:
 * - every request answers within REQUEST_TIMEOUT_MS (none hangs) and none answers a 5xx;
 * - the answers are what the route promises: independent records (12 users, 12 tickets...) → all the same 2xx; a race on one
 *   record (accepting one offer, setting a one-time value, one refresh token) → exactly one winner, the others 409 (401 for the
 *   refresh token; 409 or 404 for a rejected offer, which leaves the office);
 * - afterwards `GET /health` says the database is up and a login goes through.
 * Each burst meets stale in-process caches, as after a quiet minute in production (Harness.withStaleCaches), so that a lookup
 * read through the DataSource inside a transaction cannot hide behind a cache a fixture request just warmed. An api left
 * unhealthy by a burst is replaced by a fresh instance (same database and Redis prefix) so that the next routes are judged on
 * their own.
 *
 * The table must cover every write route: the first test reads them from the running app (its OpenAPI document and the router's
 * metadata) and fails naming any route without an entry. Fixtures are built through the api before each burst, at a concurrency
 * the pool always survives (harness.ts), so that what fails is the burst, never the fixture.
 */

jest.setTimeout(120_000);

/** `all`: every answer is that status. `one`/`rest`: a race — exactly one winner, every other answer one of `rest`. */
type Expectation = { all: number } | { one: number; rest: number | number[] };

interface Ctx<F> {
  h: Harness;
  w: World;
  f: F;
  i: number;
  n: number;
}

interface RouteCase<F = unknown> {
  /** `METHOD /path/{param}` exactly as the OpenAPI document names it. */
  route: string;
  expect: Expectation;
  /** Per-request fixtures (independent records) or the one record raced on; `n` is the burst size. */
  setup?: (h: Harness, w: World, n: number) => Promise<F>;
  request: (c: Ctx<F>) => Req;
  /** Puts back what the burst changed that other suites sharing this database could see. */
  cleanup?: (h: Harness, w: World, f: F, outcomes: Outcome[]) => Promise<void>;
}

const entry = <F>(c: RouteCase<F>) => c as unknown as RouteCase<unknown>;

/** Write routes that cannot be fired concurrently with valid input, with the reason. Keep it empty if at all possible. */
const EXCLUDED: Record<string, string> = {};

const todayLocal = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const isoAgo = (ms: number) => new Date(Date.now() - ms).toISOString();
/** `n` weekdays of June of `year` (no public holiday falls in June). */
const juneWeekdays = (year: number, n: number) => {
  const out: string[] = [];
  for (let d = new Date(Date.UTC(year, 5, 1)); out.length < n; d = new Date(d.getTime() + 86400_000)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
};
const randomYear = () => 2040 + Math.floor(Math.random() * 10);

const D = (w: World) => w.dispatcher.token;
const S = (w: World) => w.supervisor.token;
const O = (w: World) => w.operator.token;
const A = (w: World) => w.admin;
const batch = (h: Harness) => fixtureConcurrency(h.config);

const TABLE: RouteCase[] = [
  // ---- identity ------------------------------------------------------------------------------------------------------------
  entry({
    route: 'POST /api/auth/login',
    // One staff member logging in from every tab at once: each login is its own session (they once deadlocked on the user row).
    expect: { all: 200 },
    setup: async (h, w) => (await newUsers(h, w, 1, { role: 'operator' }))[0],
    request: ({ f }) => ({ path: '/api/auth/login', body: { username: f.username, password: PASSWORD } }),
  }),
  entry({
    route: 'POST /api/auth/refresh',
    // One refresh token presented 12 times at once: it works once; the replays are refused (and close the session).
    expect: { one: 200, rest: 401 },
    setup: async (h, w) => h.login((await newUsers(h, w, 1, { role: 'operator' }))[0].username),
    request: ({ f }) => ({ path: '/api/auth/refresh', body: { refreshToken: f.refreshToken } }),
  }),
  entry({
    route: 'POST /api/auth/logout',
    // Logging out one session is idempotent: every one of them answers 204.
    expect: { all: 204 },
    setup: async (h, w) => h.login((await newUsers(h, w, 1, { role: 'operator' }))[0].username),
    request: ({ f }) => ({ path: '/api/auth/logout', body: { refreshToken: f.refreshToken } }),
  }),
  entry({
    route: 'POST /api/auth/change-password',
    expect: { all: 204 },
    setup: (h, w, n) => newUsers(h, w, n, { role: 'operator', login: true }),
    request: ({ f, i }) => ({
      path: '/api/auth/change-password',
      token: f[i].token,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    }),
  }),
  entry({
    route: 'POST /api/users',
    expect: { all: 201 },
    request: ({ w, i }) => {
      const username = `${unique('conc.new.')}${i}`;
      const role =
        i % 2 ? { role: 'dispatcher', postOfficeId: w.office.id } : { role: 'operator', extension: extension() };
      return {
        path: '/api/users',
        token: A(w),
        body: { username, fullName: `Người dùng mới ${i}`, password: PASSWORD, ...role },
      };
    },
  }),
  entry({
    route: 'PATCH /api/users/{id}',
    expect: { all: 200 },
    setup: (h, w, n) => newUsers(h, w, n, { role: 'operator' }),
    request: ({ w, f, i }) => ({
      path: `/api/users/${f[i].id}`,
      token: A(w),
      body: { fullName: `Đã đổi tên ${i}`, extension: extension() },
    }),
  }),
  entry({
    route: 'POST /api/users/{id}/disable',
    expect: { all: 200 },
    setup: (h, w, n) => newUsers(h, w, n, { role: 'operator', login: true }),
    request: ({ w, f, i }) => ({ path: `/api/users/${f[i].id}/disable`, token: A(w), body: { reason: 'Nghỉ việc' } }),
  }),
  entry({
    route: 'POST /api/users/{id}/enable',
    expect: { all: 200 },
    setup: async (h, w, n) => {
      const users = await newUsers(h, w, n, { role: 'operator' });
      await inBatches(users, batch(h), (u) =>
        h.ok('post', { path: `/api/users/${u.id}/disable`, token: A(w), body: {} }, 200),
      );
      return users;
    },
    request: ({ w, f, i }) => ({ path: `/api/users/${f[i].id}/enable`, token: A(w) }),
  }),
  entry({
    route: 'POST /api/users/{id}/reset-password',
    expect: { all: 200 },
    setup: (h, w, n) => newUsers(h, w, n, { role: 'operator', login: true }),
    request: ({ w, f, i }) => ({
      path: `/api/users/${f[i].id}/reset-password`,
      token: A(w),
      body: { newPassword: NEW_PASSWORD },
    }),
  }),

  // ---- geo -----------------------------------------------------------------------------------------------------------------
  entry({
    route: 'PATCH /api/geo/units/{code}',
    // Each commune is set to the flag it already has: a real write (row + audit), nothing changes for other suites.
    expect: { all: 200 },
    request: ({ w, i }) => {
      const u = w.communes[i % w.communes.length];
      return { path: `/api/geo/units/${u.code}`, token: A(w), body: { remoteArea: u.remoteArea } };
    },
  }),
  entry({
    route: 'POST /api/post-offices',
    expect: { all: 201 },
    request: ({ w, i }) => {
      const u = w.communes[i % w.communes.length];
      return {
        path: '/api/post-offices',
        token: A(w),
        body: {
          code: `${unique('CONCP')}${i}`.toUpperCase(),
          name: `Bưu điện mới ${i}`,
          address: `${i} Hùng Vương`,
          communeCode: u.code,
          lat: w.point.lat,
          lng: w.point.lng,
          openingHours: ALWAYS_OPEN,
          dailyCapacity: 30,
          active: false,
          serviceArea: [u.code],
        },
      };
    },
  }),
  entry({
    route: 'PATCH /api/post-offices/{id}',
    expect: { all: 200 },
    setup: (h, w, n) =>
      inBatches(times(n), batch(h), async (i) => {
        const u = w.communes[i % w.communes.length];
        const o = await h.ok<{ id: string }>(
          'post',
          {
            path: '/api/post-offices',
            token: A(w),
            body: {
              code: `${unique('CONCQ')}${i}`.toUpperCase(),
              name: `Bưu điện ${i}`,
              address: 'Kiểm thử',
              communeCode: u.code,
              lat: w.point.lat,
              lng: w.point.lng,
              active: false,
            },
          },
          201,
        );
        return o.id;
      }),
    request: ({ w, f, i }) => ({
      path: `/api/post-offices/${f[i]}`,
      token: A(w),
      body: { name: `Bưu điện đổi tên ${i}`, dailyCapacity: 40, openingHours: ALWAYS_OPEN },
    }),
  }),
  entry({
    route: 'POST /api/post-offices/import',
    expect: { all: 200 },
    request: ({ w, i }) => {
      const u = w.communes[i % w.communes.length];
      const code = `${unique('CONCI')}${i}`.toUpperCase();
      const csv = [
        'code,name,address,commune_code,lat,lng,phone,opening_hours,daily_capacity,active,serves',
        `${code},Bưu điện nhập ${i},${i} Phạm Văn Đồng,${u.code},${w.point.lat},${w.point.lng},0269 3824 444,"mon-fri 07:00-11:30,13:30-17:00; sat 07:00-11:30",50,false,`,
      ].join('\r\n');
      return { path: '/api/post-offices/import', token: A(w), type: 'text/csv', body: `${csv}\r\n` };
    },
  }),

  // ---- announcements -------------------------------------------------------------------------------------------------------
  entry({
    route: 'POST /api/announcements',
    expect: { all: 202 },
    request: ({ w, i }) => ({
      path: '/api/announcements',
      token: S(w),
      body: { audience: 'role:operator', message: `Thông báo kiểm thử ${i}` },
    }),
  }),

  // ---- calls: citizens, call log, topics, PBX, callbacks, operator status ----------------------------------------------------
  entry({
    route: 'PATCH /api/citizens/{id}',
    expect: { all: 200 },
    setup: (h, w, n) => newCitizens(h, w, n),
    request: ({ w, f, i }) => ({
      path: `/api/citizens/${f[i].id}`,
      token: O(w),
      body: { fullName: `Ksor H’Nhi ${i}`, communeCode: w.commune, email: `citizen${i}@example.test` },
    }),
  }),
  entry({
    route: 'POST /api/citizens',
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/citizens',
      token: O(w),
      body: {
        phone: randomMobile('095'),
        fullName: `Công dân mới ${i}`,
        communeCode: w.commune,
        addressDetail: `${i} Nguyễn Huệ`,
      },
    }),
  }),
  entry({
    route: 'POST /api/citizens/{id}/phones',
    expect: { all: 201 },
    setup: (h, w, n) => newCitizens(h, w, n),
    request: ({ w, f, i }) => ({
      path: `/api/citizens/${f[i].id}/phones`,
      token: O(w),
      body: { phone: randomMobile('092'), label: 'Cơ quan' },
    }),
  }),
  entry({
    route: 'DELETE /api/citizens/{id}/phones/{phone}',
    expect: { all: 200 },
    setup: async (h, w, n) => {
      const citizens = await newCitizens(h, w, n);
      return inBatches(citizens, batch(h), async (c) => {
        const second = randomMobile('092');
        await h.ok('post', { path: `/api/citizens/${c.id}/phones`, token: O(w), body: { phone: second } }, 201);
        return { id: c.id, phone: second };
      });
    },
    request: ({ w, f, i }) => ({ path: `/api/citizens/${f[i].id}/phones/${f[i].phone}`, token: O(w) }),
  }),
  entry({
    route: 'POST /api/calls',
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/calls',
      token: O(w),
      body: {
        direction: 'inbound',
        channel: 'phone',
        phone: randomMobile('091'),
        startedAt: isoAgo(120_000),
        endedAt: isoAgo(30_000),
        topicId: w.topicId,
        notes: `Hướng dẫn nộp hồ sơ ${i}`,
        outcome: 'guided',
      },
    }),
  }),
  entry({
    route: 'PATCH /api/calls/{id}',
    // Twelve edits of one call, each with the version it read: the first wins, the others are told it changed (409).
    expect: { one: 200, rest: 409 },
    setup: (h, w) =>
      h.ok<{ id: string; version: number }>(
        'post',
        {
          path: '/api/calls',
          token: O(w),
          body: { direction: 'inbound', channel: 'phone', phone: randomMobile('091'), startedAt: isoAgo(60_000) },
        },
        201,
      ),
    request: ({ w, f, i }) => ({
      path: `/api/calls/${f.id}`,
      token: O(w),
      body: { notes: `Ghi chú ${i}`, topicId: w.topicId, outcome: 'guided', version: f.version },
    }),
  }),
  entry({
    route: 'POST /api/call-topics',
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/call-topics',
      token: A(w),
      body: { code: `${unique('conc_')}${i}`, name: `ZZ Chủ đề kiểm thử ${i}`, sortOrder: 9000 + i },
    }),
  }),
  entry({
    route: 'PATCH /api/call-topics/{id}',
    expect: { all: 200 },
    setup: (h, w, n) =>
      inBatches(
        times(n),
        batch(h),
        async (i) =>
          (
            await h.ok<{ id: string }>(
              'post',
              {
                path: '/api/call-topics',
                token: A(w),
                body: { code: `${unique('conc_')}${i}`, name: `ZZ Chủ đề ${i}`, sortOrder: 9100 + i },
              },
              201,
            )
          ).id,
      ),
    request: ({ w, f, i }) => ({
      path: `/api/call-topics/${f[i]}`,
      token: A(w),
      body: { name: `ZZ Chủ đề đã đổi ${i}`, active: false },
    }),
  }),
  entry({
    route: 'POST /api/cti/events',
    // Twelve different calls: rings (with the suite operator's extension), answers by that extension, unanswered hangups.
    expect: { all: 200 },
    request: ({ w, i }) => {
      const base = {
        call_id: `${unique('conc-cti-')}${i}`,
        direction: 'inbound',
        from: randomMobile('097'),
        to: '02693888222',
        queue: 'hotline',
      };
      const event = [
        { event: 'new_call', extension: w.operator.extension },
        { event: 'answer', extension: w.operator.extension },
        { event: 'hangup', cause: 'cancel' },
      ][i % 3];
      return { path: '/api/cti/events', headers: { 'x-cti-token': w.pbx.token }, body: { ...base, ...event } };
    },
  }),
  entry({
    route: 'POST /api/v1/cti/{token}',
    expect: { all: 200 },
    request: ({ w, i }) => {
      const base = {
        callId: `${unique('conc-z-')}${i}`,
        direction: 'in',
        from: randomMobile('097'),
        to: '02693888222',
        queue: 'hotline',
      };
      const event = [
        { event: 'newCall', 'user[]': w.operator.extension },
        { event: 'answer', answeringNumber: w.operator.extension },
        { event: 'hangup', cause: 'cancel' },
      ][i % 3];
      return { path: `/api/v1/cti/${w.pbx.token}`, type: 'form', body: { ...base, ...event } };
    },
  }),
  entry({
    route: 'POST /api/cti/tokens',
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/cti/tokens',
      token: A(w),
      body: { name: `${unique('conc-pbx-')}${i}`, outboundCallerId: '02693888222' },
    }),
  }),
  entry({
    route: 'POST /api/cti/tokens/{id}/revoke',
    expect: { all: 200 },
    setup: (h, w, n) =>
      inBatches(
        times(n),
        batch(h),
        async (i) =>
          (
            await h.ok<{ id: string }>(
              'post',
              { path: '/api/cti/tokens', token: A(w), body: { name: `${unique('conc-old-')}${i}` } },
              201,
            )
          ).id,
      ),
    request: ({ w, f, i }) => ({ path: `/api/cti/tokens/${f[i]}/revoke`, token: A(w) }),
  }),
  entry({
    route: 'POST /api/blocked-numbers',
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/blocked-numbers',
      token: A(w),
      body: { phone: randomMobile('086'), reason: `Quấy rối ${i}` },
    }),
    cleanup: async (h, _w, _f, outcomes) => {
      const ids = outcomes.map((o) => (o.body as { id?: string })?.id).filter((x): x is string => !!x);
      if (ids.length) await h.q(`DELETE FROM blocked_numbers WHERE id IN (${ids.map(() => '?').join(',')})`, ids);
    },
  }),
  entry({
    route: 'DELETE /api/blocked-numbers/{id}',
    expect: { all: 204 },
    setup: (h, w, n) =>
      inBatches(
        times(n),
        batch(h),
        async () =>
          (
            await h.ok<{ id: string }>(
              'post',
              { path: '/api/blocked-numbers', token: A(w), body: { phone: randomMobile('086') } },
              201,
            )
          ).id,
      ),
    request: ({ w, f, i }) => ({ path: `/api/blocked-numbers/${f[i]}`, token: A(w) }),
  }),
  entry({
    route: 'POST /api/callbacks/{id}/assign',
    // A supervisor hands twelve callbacks to the suite's operator (the assignee's role is checked inside the transaction).
    expect: { all: 200 },
    setup: (h, w, n) => newCallbacks(h, w, n),
    request: ({ w, f, i }) => ({
      path: `/api/callbacks/${f[i].id}/assign`,
      token: S(w),
      body: { assigneeId: w.operator.id },
    }),
  }),
  entry({
    route: 'POST /api/callbacks/{id}/attempts',
    // Attempts are appended: twelve at once on one callback are all recorded.
    expect: { all: 201 },
    setup: async (h, w) => (await newCallbacks(h, w, 1))[0],
    request: ({ w, f, i }) => ({
      path: `/api/callbacks/${f.id}/attempts`,
      token: O(w),
      body: { result: i % 2 ? 'busy' : 'no_answer', note: `Lần gọi ${i}` },
    }),
  }),
  entry({
    route: 'POST /api/callbacks/{id}/close',
    // One callback closed with the outbound call that reached the citizen: once; closing it again is a 409.
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => {
      const [cb] = await newCallbacks(h, w, 1);
      const call = await h.ok<{ id: string }>(
        'post',
        {
          path: '/api/calls',
          token: O(w),
          body: { direction: 'outbound', channel: 'phone', phone: cb.phone, startedAt: isoAgo(30_000) },
        },
        201,
      );
      return { id: cb.id, callId: call.id };
    },
    request: ({ w, f }) => ({ path: `/api/callbacks/${f.id}/close`, token: O(w), body: { callId: f.callId } }),
  }),
  entry({
    route: 'PUT /api/operator-status/me',
    expect: { all: 200 },
    setup: (h, w, n) => newUsers(h, w, n, { role: 'operator', login: true }),
    request: ({ f, i }) => ({
      path: '/api/operator-status/me',
      token: f[i].token,
      body: { status: 'break', reason: 'Nghỉ giữa ca' },
    }),
  }),

  // ---- dispatch: BCCI requests and legs, remittances, pricing ---------------------------------------------------------------
  entry({
    route: 'POST /api/bcci-requests',
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/bcci-requests',
      token: O(w),
      body: bcciBody(w, {
        option: 'both',
        deliveryAddress: { detail: `${i} Quang Trung`, communeCode: w.commune, lat: w.point.lat, lng: w.point.lng },
        notes: `Yêu cầu ${i}`,
      }),
    }),
  }),
  entry({
    route: 'POST /api/bcci-requests/quote',
    expect: { all: 200 },
    request: ({ w, i }) => ({
      path: '/api/bcci-requests/quote',
      token: O(w),
      body: {
        option: i % 2 ? 'both' : 'receive_result',
        serviceLevel: '3',
        field: 'Đăng ký giao dịch bảo đảm',
        routeType: 'intra_province',
      },
    }),
  }),
  entry({
    route: 'POST /api/bcci-legs/{id}/accept',
    // The same offer accepted twelve times at once: exactly one accept, the others 409.
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => (await newLegs(h, w, 1, 'assigned'))[0],
    request: ({ w, f }) => ({ path: `/api/bcci-legs/${f}/accept`, token: D(w) }),
  }),
  entry({
    route: 'POST /api/bcci-legs/{id}/reject',
    // One offer rejected twelve times at once: one reject. The others get 409 while the leg is still the office's, 404 once the
    // re-routing took it away (a dispatcher sees only the legs of the office — another office's leg is a 404, docs/dispatch.md).
    expect: { one: 200, rest: [409, 404] },
    setup: async (h, w) => (await newLegs(h, w, 1, 'assigned'))[0],
    request: ({ w, f, i }) => ({
      path: `/api/bcci-legs/${f}/reject`,
      token: D(w),
      body: { reason: `Không đủ bưu tá ${i}` },
    }),
  }),
  entry({
    route: 'POST /api/bcci-legs/{id}/assign',
    // An unroutable leg assigned by hand twelve times at once: one offer is made, the others 409.
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => (await newLegs(h, w, 1, 'unroutable'))[0],
    request: ({ w, f }) => ({ path: `/api/bcci-legs/${f}/assign`, token: S(w), body: { officeId: w.office.id } }),
  }),
  entry({
    route: 'POST /api/bcci-legs/{id}/courier',
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => (await newLegs(h, w, 1, 'accepted'))[0],
    request: ({ w, f, i }) => ({
      path: `/api/bcci-legs/${f}/courier`,
      token: D(w),
      body: { courierName: `Bưu tá ${i}` },
    }),
  }),
  entry({
    route: 'POST /api/bcci-legs/{id}/pickup',
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => (await newLegs(h, w, 1, 'courier_assigned'))[0],
    request: ({ w, f, i }) => ({
      path: `/api/bcci-legs/${f}/pickup`,
      token: D(w),
      body: {
        checklist: {
          missingDocuments: [],
          slipSignedByBoth: true,
          sealedInFrontOfCitizen: true,
          feeReceiptNumber: `BL-${i}`,
        },
        feeCollected: 50_000,
      },
    }),
  }),
  entry({
    route: 'POST /api/bcci-legs/{id}/deliver',
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => (await newLegs(h, w, 1, 'picked_up'))[0],
    request: ({ w, f, i }) => ({
      path: `/api/bcci-legs/${f}/deliver`,
      token: D(w),
      body: { recipientName: `Văn thư ${i}`, relation: 'cán bộ tiếp nhận' },
    }),
  }),
  entry({
    route: 'POST /api/bcci-legs/{id}/fail',
    // A failed attempt can follow a failed attempt, so racing on one leg has no single winner: twelve legs, one each.
    expect: { all: 200 },
    setup: (h, w, n) => newLegs(h, w, n, 'courier_assigned'),
    request: ({ w, f, i }) => ({
      path: `/api/bcci-legs/${f[i]}/fail`,
      token: D(w),
      body: { reason: 'Không có người nhận' },
    }),
  }),
  entry({
    route: 'POST /api/bcci-legs/{id}/return-to-agency',
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => (await newLegs(h, w, 1, 'failed_twice'))[0],
    request: ({ w, f }) => ({
      path: `/api/bcci-legs/${f}/return-to-agency`,
      token: D(w),
      body: { reason: 'Đã mời hai lần, không liên lạc được' },
    }),
  }),
  entry({
    route: 'POST /api/bcci-legs/{id}/cancel',
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => (await newLegs(h, w, 1, 'assigned'))[0],
    request: ({ w, f }) => ({
      path: `/api/bcci-legs/${f}/cancel`,
      token: O(w),
      body: { reason: 'Công dân không còn nhu cầu' },
    }),
  }),
  entry({
    route: 'POST /api/bcci-remittances',
    // One collected fee remitted twelve times at once: one batch, the others find nothing left to remit (409).
    expect: { one: 201, rest: 409 },
    setup: async (h, w) => (await newLegs(h, w, 1, 'picked_up'))[0],
    request: ({ w, f, i }) => ({
      path: '/api/bcci-remittances',
      token: D(w),
      body: { reference: `NT-${i}-${unique('')}`, remittedOn: todayLocal(), legIds: [f] },
    }),
  }),
  entry({
    route: 'POST /api/bcci-tariffs',
    // One tariff per (leg kind, route type), all six seeded: one is taken out and created again twelve times at once, with
    // its own values — one creation, eleven 409s, and the price list ends as it was.
    expect: { one: 201, rest: 409 },
    setup: async (h) => {
      const [t] = await h.q<{
        id: string;
        leg_kind: string;
        route_type: string;
        price_vnd: number;
        due_working_days: number;
        active: number;
        updated_at: Date;
      }>("SELECT * FROM bcci_tariffs WHERE leg_kind = 'return' AND route_type = 'inter_province'");
      await h.q('DELETE FROM bcci_tariffs WHERE id = ?', [t.id]);
      return t;
    },
    request: ({ w, f }) => ({
      path: '/api/bcci-tariffs',
      token: A(w),
      body: {
        legKind: f.leg_kind,
        routeType: f.route_type,
        priceVnd: Number(f.price_vnd),
        dueWorkingDays: f.due_working_days,
        active: !!f.active,
      },
    }),
    cleanup: async (h, _w, f) => {
      const left = await h.q("SELECT id FROM bcci_tariffs WHERE leg_kind = 'return' AND route_type = 'inter_province'");
      if (!left.length)
        await h.q(
          'INSERT INTO bcci_tariffs (id, leg_kind, route_type, price_vnd, due_working_days, active, updated_at) VALUES (?, ?, ?, ?, ?, ?, NOW(3))',
          [f.id, f.leg_kind, f.route_type, f.price_vnd, f.due_working_days, f.active],
        );
    },
  }),
  entry({
    route: 'PATCH /api/bcci-tariffs/{id}',
    // Twelve edits of one tariff, each to the values it has: all saved, prices unchanged for other suites.
    expect: { all: 200 },
    setup: async (h) =>
      (
        await h.q<{ id: string; price_vnd: number; due_working_days: number }>(
          "SELECT id, price_vnd, due_working_days FROM bcci_tariffs WHERE leg_kind = 'pickup' AND route_type = 'intra_area'",
        )
      )[0],
    request: ({ w, f }) => ({
      path: `/api/bcci-tariffs/${f.id}`,
      token: A(w),
      body: { priceVnd: Number(f.price_vnd), dueWorkingDays: f.due_working_days },
    }),
  }),
  entry({
    route: 'POST /api/bcci-promotions',
    // Windows far in the future: no price of any other suite changes.
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/bcci-promotions',
      token: A(w),
      body: {
        name: `ZZ Khuyến mại kiểm thử ${i}`,
        startsOn: '2041-01-01',
        endsOn: '2041-01-31',
        percent: 10 + i,
        legKinds: ['return'],
        serviceLevels: ['3'],
      },
    }),
  }),
  entry({
    route: 'PATCH /api/bcci-promotions/{id}',
    expect: { all: 200 },
    setup: (h, w, n) =>
      inBatches(
        times(n),
        batch(h),
        async (i) =>
          (
            await h.ok<{ id: string }>(
              'post',
              {
                path: '/api/bcci-promotions',
                token: A(w),
                body: {
                  name: `ZZ Khuyến mại ${i}`,
                  startsOn: '2042-01-01',
                  endsOn: '2042-01-31',
                  percent: 5,
                  legKinds: ['pickup'],
                },
              },
              201,
            )
          ).id,
      ),
    request: ({ w, f, i }) => ({
      path: `/api/bcci-promotions/${f[i]}`,
      token: A(w),
      body: { name: `ZZ Khuyến mại đã sửa ${i}`, percent: 20, fields: ['Đất đai'] },
    }),
  }),

  // ---- SLA calendars ---------------------------------------------------------------------------------------------------------
  entry({
    route: 'POST /api/sla/calendars/{id}/exceptions',
    expect: { all: 201 },
    setup: async (_h, _w, n) => juneWeekdays(randomYear(), n),
    request: ({ w, f, i }) => ({
      path: `/api/sla/calendars/${w.calendarId}/exceptions`,
      token: A(w),
      body: { date: f[i], kind: 'day_off', name: `Nghỉ kiểm thử ${i}` },
    }),
    cleanup: async (h, w, f) => {
      await h.q(`DELETE FROM calendar_exceptions WHERE calendar_id = ? AND date IN (${f.map(() => '?').join(',')})`, [
        w.calendarId,
        ...f,
      ]);
      await h.q('UPDATE calendars SET version = version + 1, updated_at = NOW(3) WHERE id = ?', [w.calendarId]);
    },
  }),
  entry({
    route: 'DELETE /api/sla/calendars/{id}/exceptions/{exceptionId}',
    expect: { all: 204 },
    setup: async (h, w, n) => {
      const dates = juneWeekdays(randomYear(), n);
      return inBatches(
        dates,
        batch(h),
        async (date) =>
          (
            await h.ok<{ id: string }>(
              'post',
              { path: `/api/sla/calendars/${w.calendarId}/exceptions`, token: A(w), body: { date, kind: 'day_off' } },
              201,
            )
          ).id,
      );
    },
    request: ({ w, f, i }) => ({ path: `/api/sla/calendars/${w.calendarId}/exceptions/${f[i]}`, token: A(w) }),
  }),

  // ---- feedback: reference lists, policies, outbox ------------------------------------------------------------------------------
  entry({
    route: 'POST /api/feedback/categories',
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/feedback/categories',
      token: A(w),
      body: { code: `${unique('zz-conc-')}-${i}`, name: `ZZ Lĩnh vực ${i}`, active: false },
    }),
  }),
  entry({
    route: 'PATCH /api/feedback/categories/{id}',
    expect: { all: 200 },
    setup: (h, w, n) =>
      inBatches(
        times(n),
        batch(h),
        async (i) =>
          (
            await h.ok<{ id: string }>(
              'post',
              {
                path: '/api/feedback/categories',
                token: A(w),
                body: { code: `${unique('zz-conc-')}-${i}`, name: `ZZ Lĩnh vực ${i}`, active: false },
              },
              201,
            )
          ).id,
      ),
    request: ({ w, f, i }) => ({
      path: `/api/feedback/categories/${f[i]}`,
      token: A(w),
      body: { name: `ZZ Lĩnh vực đã sửa ${i}` },
    }),
  }),
  entry({
    route: 'POST /api/feedback/agencies',
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/feedback/agencies',
      token: A(w),
      body: {
        code: `${unique('zz-conc-')}-${i}`,
        name: `ZZ Cơ quan ${i}`,
        email: `agency${i}@example.test`,
        active: false,
      },
    }),
  }),
  entry({
    route: 'PATCH /api/feedback/agencies/{id}',
    expect: { all: 200 },
    setup: (h, w, n) =>
      inBatches(
        times(n),
        batch(h),
        async (i) =>
          (
            await h.ok<{ id: string }>(
              'post',
              {
                path: '/api/feedback/agencies',
                token: A(w),
                body: {
                  code: `${unique('zz-conc-')}-${i}`,
                  name: `ZZ Cơ quan ${i}`,
                  email: `a${i}@example.test`,
                  active: false,
                },
              },
              201,
            )
          ).id,
      ),
    request: ({ w, f, i }) => ({
      path: `/api/feedback/agencies/${f[i]}`,
      token: A(w),
      body: { name: `ZZ Cơ quan đã sửa ${i}`, email: `b${i}@example.test` },
    }),
  }),
  entry({
    route: 'POST /api/sla/policies',
    // Inactive: no ticket of another suite is governed by them.
    expect: { all: 201 },
    request: ({ w, i }) => ({
      path: '/api/sla/policies',
      token: A(w),
      body: {
        name: `ZZ Chính sách ${i}`,
        kind: 'question',
        categoryId: w.categoryId,
        calendar: 'always-open',
        firstResponseMinutes: 60,
        resolutionMinutes: 480,
        forwardMinutes: 2400,
        active: false,
      },
    }),
  }),
  entry({
    route: 'PATCH /api/sla/policies/{id}',
    expect: { all: 200 },
    setup: (h, w, n) =>
      inBatches(
        times(n),
        batch(h),
        async (i) =>
          (
            await h.ok<{ id: string }>(
              'post',
              {
                path: '/api/sla/policies',
                token: A(w),
                body: {
                  name: `ZZ Chính sách ${i}`,
                  priority: 'low',
                  firstResponseMinutes: 240,
                  resolutionMinutes: 2400,
                  active: false,
                },
              },
              201,
            )
          ).id,
      ),
    request: ({ w, f, i }) => ({
      path: `/api/sla/policies/${f[i]}`,
      token: A(w),
      body: { name: `ZZ Chính sách đã sửa ${i}`, firstResponseMinutes: 120, warnPercent: 80 },
    }),
  }),
  entry({
    route: 'POST /api/feedback/outbox/{id}/retry',
    // A failed mail retried twelve times at once: one new round, the others 409 (it is pending, not failed, any more).
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => {
      const { mailId } = await forwardedTicket(h, w);
      // The worker has no SMTP_URL in this suite: it parks the mail as `disabled`; a delivery failure is what `failed` means.
      await h.until(
        'the mail to be handled by the worker',
        async () =>
          (await h.q<{ state: string }>('SELECT state FROM mail_outbox WHERE id = ?', [mailId]))[0]?.state !==
          'pending',
      );
      await h.q("UPDATE mail_outbox SET state = 'failed', last_error = '451 kiểm thử' WHERE id = ?", [mailId]);
      return mailId;
    },
    request: ({ w, f }) => ({ path: `/api/feedback/outbox/${f}/retry`, token: S(w) }),
  }),

  // ---- feedback: tickets -----------------------------------------------------------------------------------------------------
  entry({
    route: 'POST /api/tickets',
    // Every kind of intake: plain, with category/commune/priority, assigned at once, and an overdue dossier with its agency.
    expect: { all: 201 },
    request: ({ w, i }) => {
      const variants: Array<Record<string, unknown>> = [
        {},
        { kind: 'petition', categoryId: w.categoryId, communeCode: w.commune, priority: 'high' },
        { kind: 'question', channel: 'zalo', assigneeId: w.operator.id },
        {
          kind: 'overdue_dossier',
          overdue: { agencyId: w.agencyId, dossierCode: `H21.52-${unique('')}`, originalDueDate: '2026-03-10' },
        },
      ];
      return {
        path: '/api/tickets',
        token: O(w),
        body: ticketBody(w, { subject: `Phản ánh kiểm thử ${i}`, ...variants[i % variants.length] }),
      };
    },
  }),
  entry({
    route: 'PATCH /api/tickets/{id}',
    // Category and priority change: the policy is chosen again inside the ticket's transaction.
    expect: { all: 200 },
    setup: (h, w, n) => newTickets(h, w, n),
    request: ({ w, f, i }) => ({
      path: `/api/tickets/${f[i].id}`,
      token: O(w),
      body: { priority: 'high', categoryId: w.categoryId, subject: `Đã sửa ${i}` },
    }),
  }),
  entry({
    route: 'POST /api/tickets/{id}/transitions',
    // One ticket resolved twelve times at once: resolved once, the others are an illegal resolved → resolved (409).
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => (await newTickets(h, w, 1))[0],
    request: ({ w, f }) => ({
      path: `/api/tickets/${f.id}/transitions`,
      token: O(w),
      body: { to: 'resolved', reason: 'Đã hướng dẫn công dân' },
    }),
  }),
  entry({
    route: 'POST /api/tickets/{id}/replies',
    expect: { all: 201 },
    setup: (h, w, n) => newTickets(h, w, n),
    request: ({ w, f, i }) => ({
      path: `/api/tickets/${f[i].id}/replies`,
      token: O(w),
      body: { body: `Kính gửi ông/bà, phản ánh đã được tiếp nhận (${i}).`, callBack: i % 2 === 1 },
    }),
  }),
  entry({
    route: 'POST /api/tickets/{id}/notes',
    // Notes are appended: twelve at once on one ticket are all recorded (the ticket row lock serialises them).
    expect: { all: 201 },
    setup: async (h, w) => (await newTickets(h, w, 1))[0],
    request: ({ w, f, i }) => ({
      path: `/api/tickets/${f.id}/notes`,
      token: O(w),
      body: { body: `Ghi chú nội bộ ${i}` },
    }),
  }),
  entry({
    route: 'POST /api/tickets/{id}/assign',
    expect: { all: 200 },
    setup: (h, w, n) => newTickets(h, w, n),
    request: ({ w, f, i }) => ({
      path: `/api/tickets/${f[i].id}/assign`,
      token: S(w),
      body: { assigneeId: w.operator.id },
    }),
  }),
  entry({
    route: 'POST /api/tickets/{id}/take-over',
    expect: { all: 200 },
    setup: (h, w, n) => newTickets(h, w, n),
    request: ({ w, f, i }) => ({ path: `/api/tickets/${f[i].id}/take-over`, token: S(w) }),
  }),
  entry({
    route: 'POST /api/tickets/{id}/forwards',
    // Twelve tickets forwarded to the agency: each forward writes its mail in the same transaction (outbox).
    expect: { all: 201 },
    setup: (h, w, n) => newTickets(h, w, n),
    request: ({ w, f, i }) => ({
      path: `/api/tickets/${f[i].id}/forwards`,
      token: O(w),
      body: { agencyId: w.agencyId, note: `Chuyển Sở xử lý (${i})` },
    }),
  }),
  entry({
    route: 'POST /api/tickets/{id}/forwards/{forwardId}/answer',
    // The agency's answer to one forward is recorded once; the others 409.
    expect: { one: 200, rest: 409 },
    setup: (h, w) => forwardedTicket(h, w),
    request: ({ w, f, i }) => ({
      path: `/api/tickets/${f.ticketId}/forwards/${f.forwardId}/answer`,
      token: O(w),
      body: { answer: `Sở đã trả lời bằng văn bản số ${i}` },
    }),
  }),
  entry({
    route: 'POST /api/tickets/{id}/overdue-dossier/apology',
    // Mẫu 04: the new date of an overdue dossier is set once (Decree 61/2018); the citizen has an email, so the slip is mailed.
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => {
      const [citizen] = await newCitizens(h, w, 1, { email: 'cong.dan@example.test' });
      return h.ok<{ id: string }>(
        'post',
        {
          path: '/api/tickets',
          token: O(w),
          body: ticketBody(w, {
            kind: 'overdue_dossier',
            phone: citizen.phone,
            overdue: { agencyId: w.agencyId, dossierCode: `H21.52-${unique('')}`, originalDueDate: '2026-03-10' },
          }),
        },
        201,
      );
    },
    request: ({ w, f, i }) => ({
      path: `/api/tickets/${f.id}/overdue-dossier/apology`,
      token: O(w),
      body: { reason: `Hồ sơ cần xác minh thêm (${i})`, newDueDate: '2026-04-20', slipDate: '2026-03-09' },
    }),
  }),
  entry({
    route: 'POST /api/tickets/{id}/csat',
    // Satisfaction of one resolved ticket is recorded once; the others 409.
    expect: { one: 200, rest: 409 },
    setup: async (h, w) => {
      const [t] = await newTickets(h, w, 1);
      await h.ok('post', { path: `/api/tickets/${t.id}/transitions`, token: O(w), body: { to: 'resolved' } }, 200);
      return t;
    },
    request: ({ w, f, i }) => ({
      path: `/api/tickets/${f.id}/csat`,
      token: O(w),
      body: { score: 1 + (i % 5), comment: 'Cán bộ nhiệt tình' },
    }),
  }),
];

// ---- judging one burst ---------------------------------------------------------------------------------------------------------

const statusOf = (o: Outcome) => String(o.status);

function histogram(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(statusOf(o), (counts.get(statusOf(o)) ?? 0) + 1);
  return [...counts.entries()].map(([s, n]) => `${s}×${n}`).join(', ');
}

function judge(route: string, expected: Expectation, outcomes: Outcome[]): string[] {
  const problems: string[] = [];
  const n = outcomes.length;
  const timedOut = outcomes.filter((o) => o.status === 'timeout').length;
  if (timedOut)
    problems.push(
      `${route}: ${timedOut} of ${n} concurrent requests got no answer within ${REQUEST_TIMEOUT_MS} ms (answers: ${histogram(outcomes)})`,
    );
  outcomes.forEach((o, i) => {
    if (o.status === 'error') problems.push(`${route} #${i}: no HTTP answer: ${json(o.body)}`);
    else if (typeof o.status === 'number' && o.status >= 500)
      problems.push(`${route} #${i}: ${o.status} ${json(o.body)}`);
  });
  if (problems.length) return problems;
  const firstOff = (ok: (s: number) => boolean) => {
    const i = outcomes.findIndex((o) => !ok(o.status as number));
    return i < 0 ? '' : `; e.g. #${i}: ${outcomes[i].status} ${json(outcomes[i].body)}`;
  };
  if ('all' in expected) {
    if (outcomes.some((o) => o.status !== expected.all))
      problems.push(
        `${route}: expected all ${n} answers to be ${expected.all}, got ${histogram(outcomes)}${firstOff((s) => s === expected.all)}`,
      );
    // Creations in a collection (POST /api/things) made as many distinct records.
    const ids = outcomes.map((o) => (o.body as { id?: unknown } | null)?.id).filter((id) => typeof id === 'string');
    if (expected.all === 201 && !route.includes('{') && ids.length === n && new Set(ids).size !== n)
      problems.push(`${route}: ${n} creations answered only ${new Set(ids).size} distinct ids`);
  } else {
    const rest = ([] as number[]).concat(expected.rest);
    const winners = outcomes.filter((o) => o.status === expected.one).length;
    const losers = outcomes.filter((o) => rest.includes(o.status as number)).length;
    if (winners !== 1 || losers !== n - 1) {
      problems.push(
        `${route}: a race has exactly one winner — expected 1 × ${expected.one} and ${n - 1} × ${rest.join(' or ')}, got ${histogram(outcomes)}${firstOff((s) => s === expected.one || rest.includes(s))}`,
      );
    }
  }
  return problems;
}

// ---- the suite ---------------------------------------------------------------------------------------------------------------

describe('every write route under a burst of concurrent valid requests (more than the pool has connections)', () => {
  const h = new Harness();
  let w: World;
  /** Set by a test once it probed the api after its burst; afterEach replaces an api that is not healthy any more. */
  let probed: string[] | null = null;
  const failed: Array<{ route: string; problem: string }> = [];
  const started = Date.now();

  beforeAll(async () => {
    await h.start();
    w = await buildWorld(h);
  });

  afterEach(async () => {
    const problems = probed ?? (await h.healthProblems());
    probed = null;
    if (problems.length) await h.restartApi();
  });

  afterAll(async () => {
    try {
      if (w) await restoreWorld(h, w);
    } finally {
      await h.close();
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    const summary = failed.length ? failed.map((f) => `  ${f.problem}`).join('\n') : '  none';
    process.stdout.write(
      `write-routes: ${TABLE.length} routes in ${seconds} s, ${h.restarts} api restart(s); failures:\n${summary}\n`,
    );
  });

  it('the table has an entry for every write route the running api serves (its OpenAPI document and its router)', async () => {
    const documented = await openApiWriteRoutes(h);
    const registered = registeredWriteRoutes(h);
    expect(documented.length).toBeGreaterThan(30);
    const served = [...new Set([...documented, ...registered])].sort();
    const listed = TABLE.map((c) => c.route);
    const covered = new Set([...listed, ...Object.keys(EXCLUDED)]);
    const problems = [
      ...served
        .filter((r) => !covered.has(r))
        .map(
          (r) =>
            `${r}: a write route of the api with no entry in the table of write-routes.e2e-spec.ts (nor in EXCLUDED)`,
        ),
      ...[...covered].filter((r) => !served.includes(r)).map((r) => `${r}: in the table but the api does not serve it`),
      ...listed.filter((r, i) => listed.indexOf(r) !== i).map((r) => `${r}: listed twice`),
    ];
    expect(problems).toEqual([]);
  });

  it.each(TABLE)(
    '$route: every concurrent request answers, none 5xx, the expected statuses, the api healthy afterwards',
    async (c) => {
      const n = h.poolSize * 2 + 2;
      const [method, template] = c.route.split(' ') as [string, string];
      const verb = method.toLowerCase() as HttpMethod;
      const f = c.setup ? await c.setup(h, w, n) : undefined;
      const requests = times(n).map((i) => c.request({ h, w, f, i, n }));
      const pattern = templateRegex(template);
      for (const r of requests)
        if (!pattern.test(r.path)) throw new Error(`table entry ${c.route} built the path ${r.path}`);

      const outcomes = await h.withStaleCaches(() => Promise.all(requests.map((r) => h.call(verb, r))));

      const problems = judge(c.route, c.expect, outcomes);
      probed = await h.healthProblems();
      problems.push(...probed.map((p) => `${c.route}: after the burst, ${p}`));
      if (c.cleanup)
        await c
          .cleanup(h, w, f, outcomes)
          .catch((err) => process.stderr.write(`cleanup of ${c.route}: ${(err as Error).message}\n`));
      if (problems.length) failed.push({ route: c.route, problem: problems[0] });
      expect(problems).toEqual([]);
    },
  );
});

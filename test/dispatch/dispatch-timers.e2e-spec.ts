import { type BcciRequestView, vnWallClock } from '@hotline/contracts';
import { ReconcilerService } from '@hotline/core';
import { EndOffer } from '@hotline/dispatch';
import { type DispatchWorld, dispatchWorld, requestBody, startWorker, waitFor } from './dispatch-fixtures';

jest.setTimeout(60_000);

/**
 * Acceptance timeouts and Redis loss. The timeout is shortened through DISPATCH_ACCEPT_TIMEOUT_SECONDS (wall clock), read
 * by the dispatch lib when the api and the worker boot.
 */
describe('BCCI dispatch timers: timeouts re-route, the reconciler heals a Redis wipe', () => {
  let w: DispatchWorld;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    w = await dispatchWorld({ communeIndex: 90, env: { DISPATCH_ACCEPT_TIMEOUT_SECONDS: '2' } });
  });
  afterAll(() => w?.close());

  async function create(): Promise<BcciRequestView> {
    const res = await w.api.http.post('/api/bcci-requests').set(auth(w.operator.token)).send(requestBody(w));
    expect(res.status).toBe(201);
    return res.body as BcciRequestView;
  }

  /** Deletes every BullMQ key of the dispatch queue under this run's Redis prefix (what a restart without persistence does). */
  async function flushDispatchQueue(): Promise<number> {
    const keys = await w.redis.keys(`${w.api.config.redis.prefix}bull:dispatch:*`);
    if (keys.length) await w.redis.del(...keys);
    return keys.length;
  }

  it('not accepted in time → next nearest office → ... → unroutable with a supervisor escalation', async () => {
    const toA = waitFor(w.offices[0].socket, 'dispatch:leg-assigned', () => true);
    const request = await create();
    const legId = request.legs[0].id;
    const first = await toA;
    expect(first).toMatchObject({ legId, officeId: w.offices[0].id });
    expect(Date.parse(first.deadlineAt!) - Date.parse(first.at)).toBe(2000);
    const toB = await waitFor(w.offices[1].socket, 'dispatch:leg-assigned', (p) => p.legId === legId);
    expect(Date.parse(toB.at) - Date.parse(first.at)).toBeGreaterThanOrEqual(1900);
    await waitFor(w.offices[2].socket, 'dispatch:leg-assigned', (p) => p.legId === legId);
    const escalated = await waitFor(w.supervisor.socket, 'dispatch:escalated', (p) => p.legId === legId);
    expect(escalated).toMatchObject({ to: 'unroutable' });
    const [rows] = (await w.db.query('SELECT state FROM bcci_assignments WHERE leg_id = ? ORDER BY created_at', [
      legId,
    ])) as unknown as [Array<{ state: string }>];
    expect(rows.map((r) => r.state)).toEqual(['timed_out', 'timed_out', 'timed_out']);
  });

  it('a timeout firing after the accept changes nothing (the DB is re-checked)', async () => {
    const toA = waitFor(w.offices[0].socket, 'dispatch:leg-assigned', () => true);
    const request = await create();
    const legId = request.legs[0].id;
    const offer = await toA;
    expect(
      (await w.api.http.post(`/api/bcci-legs/${legId}/accept`).set(auth(w.offices[0].dispatcher.token))).status,
    ).toBe(200);
    // The timer job as it would run late (e.g. a delayed job that could not be cancelled in time).
    expect(await w.worker.get(EndOffer).timeout(offer.assignmentId!)).toBe('stale');
    const leg = await w.api.http.get(`/api/bcci-legs/${legId}`).set(auth(w.supervisor.token));
    expect(leg.body).toMatchObject({ state: 'accepted', officeId: w.offices[0].id });
    expect(leg.body.assignments.map((a: { state: string }) => a.state)).toEqual(['accepted']);
  });

  it('Redis flushed mid-routing (worker down, job lost) → the reconciler re-creates the routing job from MySQL', async () => {
    await w.worker.close();
    const request = await create();
    const legId = request.legs[0].id;
    expect(await flushDispatchQueue()).toBeGreaterThan(0);
    const offered = waitFor(w.offices[0].socket, 'dispatch:leg-assigned', (p) => p.legId === legId);
    w.worker = await startWorker(w.api.config);
    const result = await w.worker.get(ReconcilerService).run({ trigger: 'manual' });
    expect(result.DispatchReconciler).toBeGreaterThanOrEqual(1);
    expect(await offered).toMatchObject({ legId, officeId: w.offices[0].id });
  });

  it('Redis flushed while an offer waits for acceptance → the reconciler re-arms its timeout', async () => {
    const toA = waitFor(w.offices[0].socket, 'dispatch:leg-assigned', () => true);
    const request = await create();
    const legId = request.legs[0].id;
    await toA;
    await flushDispatchQueue();
    const toB = waitFor(w.offices[1].socket, 'dispatch:leg-assigned', (p) => p.legId === legId);
    await w.worker.get(ReconcilerService).run({ trigger: 'manual' });
    expect(await toB).toMatchObject({ legId, officeId: w.offices[1].id });
  });

  it('no eligible office open now → the leg waits in routing for the next opening (delayed job), it is not unroutable', async () => {
    // Open only on the local weekday after tomorrow: closed now whatever the hour the suite runs.
    const local = vnWallClock(Date.now());
    const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(local.getUTCDay() + 2) % 7];
    const hours = { [day]: [['08:00', '09:00']] };
    for (const o of w.offices)
      expect(
        (await w.api.http.patch(`/api/post-offices/${o.id}`).set(auth(w.admin)).send({ openingHours: hours })).status,
      ).toBe(200);
    try {
      const request = await create();
      const legId = request.legs[0].id;
      let leg: { state: string; routeAfter: string | null } = { state: '', routeAfter: null };
      for (let i = 0; i < 100 && !leg.routeAfter; i++) {
        leg = (await w.api.http.get(`/api/bcci-legs/${legId}`).set(auth(w.supervisor.token))).body;
        if (!leg.routeAfter) await new Promise((r) => setTimeout(r, 50)); // polling MySQL: no event is emitted for a wait
      }
      expect(leg.state).toBe('routing');
      const after = new Date(leg.routeAfter!);
      expect(after.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);
      expect(vnWallClock(after).toISOString().slice(11, 16)).toBe('08:00');
      const { Queue } = await import('bullmq');
      const queue = new Queue('dispatch', {
        connection: { host: w.api.config.redis.host, port: w.api.config.redis.port },
        prefix: `${w.api.config.redis.prefix}bull`,
      });
      try {
        const delayed = await queue.getDelayed();
        expect(delayed.map((j) => j.data)).toContainEqual(expect.objectContaining({ legId, attempt: 1 }));
      } finally {
        await queue.close();
      }
    } finally {
      for (const o of w.offices)
        await w.api.http
          .patch(`/api/post-offices/${o.id}`)
          .set(auth(w.admin))
          .send({
            openingHours: Object.fromEntries(
              ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '23:59']]]),
            ),
          });
    }
  });
});

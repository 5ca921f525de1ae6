import type { INestApplicationContext } from '@nestjs/common';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { SlaAlertEvent, TicketView } from '@hotline/contracts';
import { ReconcilerService, type JobOf } from '@hotline/core';
import { SlaTimersService } from '@hotline/feedback';
import {
  ADMIN_PASSWORD,
  type TestApi,
  type TestSocket,
  connectSocket,
  login,
  startApi,
  startWorker,
  unique,
} from '../helpers/test-app';

/**
 * SLA timers through the real worker and the socket: a policy with seconds-long targets on the 24/7 calendar
 * (first response 0.05 business minute = 3 s → warning at 2.25 s, breach at 3 s).
 */
describe('SLA timers (real worker, real Redis, socket)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: DataSource;
  let supervisor: TestSocket;
  let operatorSocket: TestSocket;
  const tokens: Record<string, string> = {};
  const users: Record<string, string> = {};
  let categoryId: string;
  const alerts: SlaAlertEvent[] = [];
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

  /** Resolves with the first alert (already received or to come) that matches. */
  function alert(match: Partial<SlaAlertEvent>, ms = 15000): Promise<SlaAlertEvent> {
    const found = () => alerts.find((a) => Object.entries(match).every(([k, v]) => a[k as keyof SlaAlertEvent] === v));
    return new Promise((resolve, reject) => {
      const hit = found();
      if (hit) return resolve(hit);
      const timer = setTimeout(() => {
        supervisor.off('ticket:sla', on);
        reject(new Error(`no ticket:sla ${JSON.stringify(match)} within ${ms} ms`));
      }, ms);
      const on = () => {
        const h = found();
        if (!h) return;
        clearTimeout(timer);
        supervisor.off('ticket:sla', on);
        resolve(h);
      };
      supervisor.on('ticket:sla', on);
    });
  }

  const create = async (extra: Record<string, unknown> = {}): Promise<TicketView> => {
    const res = await api.http
      .post('/api/tickets')
      .set(as('operator1'))
      .send({
        kind: 'question',
        channel: 'zalo',
        phone: '0987 654 321',
        subject: 'Hỏi thủ tục',
        content: 'Cần giấy tờ gì?',
        categoryId,
        ...extra,
      });
    expect(res.status).toBe(201);
    return res.body;
  };
  const history = async (id: string) =>
    (await api.http.get(`/api/tickets/${id}/history`).set(as('supervisor1'))).body.items as Array<{
      action: string;
      reason: string | null;
      data: Record<string, unknown> | null;
    }>;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker(api.config);
    db = api.app.get(DataSource);
    for (const [who, pw] of [
      ['admin', ADMIN_PASSWORD],
      ['operator1', undefined],
      ['supervisor1', undefined],
    ] as const) {
      const t = await login(api, who, pw);
      tokens[who] = t.accessToken;
      users[who] = t.user.id;
    }
    supervisor = (await connectSocket(api, tokens.supervisor1)).socket;
    operatorSocket = (await connectSocket(api, tokens.operator1)).socket;
    supervisor.on('ticket:sla', (a) => alerts.push(a));
    const cat = await api.http
      .post('/api/feedback/categories')
      .set(as('admin'))
      .send({ code: unique('test-fast-'), name: 'Test: seconds-long SLA' });
    categoryId = cat.body.id;
    const policy = await api.http.post('/api/sla/policies').set(as('admin')).send({
      name: 'Test: 3 s / 6 s on the 24/7 calendar',
      categoryId,
      calendar: 'always-open',
      firstResponseMinutes: 0.05,
      resolutionMinutes: 0.1,
      escalation: 'supervisor_queue',
    });
    expect(policy.status).toBe(201);
  });
  afterAll(async () => {
    supervisor?.close();
    operatorSocket?.close();
    await worker?.close();
    await api?.close();
  });

  it('fires the warning then the breach through the worker and the socket, with history and escalation', async () => {
    const toAssignee = new Promise<SlaAlertEvent>((resolve) =>
      operatorSocket.on('ticket:sla', (a) => a.kind === 'warning' && resolve(a)),
    );
    const t = await create({ assigneeId: users.operator1 });
    const fr = t.sla.firstResponse!;
    expect(fr.state).toBe('ok');
    const warning = await alert({ ticketId: t.id, target: 'firstResponse', kind: 'warning' });
    expect(warning.dueAt).toBe(fr.warnAt); // countdown data are instants
    expect(Date.parse(warning.firedAt)).toBeGreaterThanOrEqual(Date.parse(fr.warnAt!));
    expect((await toAssignee).ticketId).toBe(t.id);
    const breach = await alert({ ticketId: t.id, target: 'firstResponse', kind: 'breach' });
    expect(breach.dueAt).toBe(fr.dueAt);
    expect(Date.parse(breach.firedAt) - Date.parse(fr.dueAt!)).toBeLessThan(2000);
    expect(breach).toMatchObject({ escalated: 'supervisor_queue', queue: 'supervisors', assigneeId: null });

    const view = (await api.http.get(`/api/tickets/${t.id}`).set(as('supervisor1'))).body as TicketView;
    expect(view.sla.firstResponse).toMatchObject({ state: 'breached', breached: true });
    expect(view).toMatchObject({ queue: 'supervisors', assigneeId: null });
    const actions = (await history(t.id)).map((h) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['sla_warning', 'sla_breached', 'escalated']));
    const atRisk = await api.http.get('/api/tickets?atRisk=true&queue=supervisors').set(as('supervisor1'));
    expect(atRisk.body.items.map((x: TicketView) => x.id)).toContain(t.id);
  });

  it("the worker's ticket:changed on a warning carries the same view as REST (citizen, overdue-dossier block)", async () => {
    const agencies = (await api.http.get('/api/feedback/agencies').set(as('supervisor1'))).body.items as Array<{
      id: string;
    }>;
    const changed: Array<{ ticket: TicketView; action: string }> = [];
    const onChanged = (e: { ticket: TicketView; action: string }) => changed.push(e);
    supervisor.on('ticket:changed', onChanged);
    try {
      const t = await create({
        kind: 'overdue_dossier',
        overdue: { agencyId: agencies[0].id, dossierCode: 'H21.52-251001-0007', originalDueDate: '2026-10-20' },
      });
      expect(t.overdueDossier).not.toBeNull();
      await alert({ ticketId: t.id, target: 'firstResponse', kind: 'warning' });
      const deadline = Date.now() + 5000;
      while (!changed.some((e) => e.ticket.id === t.id && e.action === 'sla_warning') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      const event = changed.find((e) => e.ticket.id === t.id && e.action === 'sla_warning');
      expect(event).toBeDefined();
      expect(event!.ticket.overdueDossier).toMatchObject({
        dossierCode: 'H21.52-251001-0007',
        originalDueDate: '2026-10-20',
      });
      expect(event!.ticket.citizenPhone).toBe(t.citizenPhone);
      expect(event!.ticket.citizenPhone).toBeTruthy();
    } finally {
      supervisor.off('ticket:changed', onChanged);
    }
  });

  it('deadlines moved → the old timers do not act (version re-checked in MySQL), the new deadline does', async () => {
    const t = await create();
    const paused = await api.http
      .post(`/api/tickets/${t.id}/transitions`)
      .set(as('operator1'))
      .send({ to: 'waiting_citizen' });
    expect(paused.body.sla.firstResponse.state).toBe('paused');
    expect(paused.body.slaVersion).toBe(t.slaVersion + 1);
    // A timer of the old version that is still delivered (e.g. it was being processed while the deadline moved) does nothing.
    const timers = worker.get(SlaTimersService);
    const stale = await timers.fire({
      ticketId: t.id,
      target: 'firstResponse',
      kind: 'breach',
      version: t.slaVersion,
      at: t.sla.firstResponse!.dueAt!,
    });
    expect(stale).toBe('stale');
    // Resume: the remaining time (3 s minus what was used before the pause) runs from now.
    const resumedAt = Date.now();
    const resumed = await api.http.post(`/api/tickets/${t.id}/transitions`).set(as('operator1')).send({ to: 'open' });
    const newDue = Date.parse(resumed.body.sla.firstResponse.dueAt);
    expect(newDue).toBeGreaterThan(Date.parse(t.sla.firstResponse!.dueAt!));
    const breach = await alert({ ticketId: t.id, target: 'firstResponse', kind: 'breach' });
    expect(breach.dueAt).toBe(resumed.body.sla.firstResponse.dueAt);
    expect(Date.parse(breach.firedAt)).toBeGreaterThanOrEqual(newDue);
    expect(Date.parse(breach.firedAt)).toBeGreaterThan(resumedAt);
    const breaches = (await history(t.id)).filter(
      (h) => h.action === 'sla_breached' && h.reason === 'firstResponse breach',
    );
    expect(breaches).toHaveLength(1);
    expect(
      alerts.filter((a) => a.ticketId === t.id && a.target === 'firstResponse' && a.kind === 'breach'),
    ).toHaveLength(1);
  });

  it('forward deadline (Decree 20/2008, here 3 s): its own SLA state, breach alerts without escalation; forwarding in time meets it', async () => {
    const cat = await api.http
      .post('/api/feedback/categories')
      .set(as('admin'))
      .send({ code: unique('test-fwd-'), name: 'Test: forward deadline' });
    const policy = await api.http.post('/api/sla/policies').set(as('admin')).send({
      name: 'Test: forward within 3 s',
      categoryId: cat.body.id,
      calendar: 'always-open',
      firstResponseMinutes: 60,
      resolutionMinutes: 600,
      forwardMinutes: 0.05,
      escalation: 'raise_priority',
    });
    expect(policy.status).toBe(201);
    const late = await create({ kind: 'petition', categoryId: cat.body.id, assigneeId: users.operator1 });
    expect(late.sla.forward).toMatchObject({ state: 'ok', targetMinutes: 0.05 });
    const onTime = await create({ kind: 'petition', categoryId: cat.body.id });
    const agencies = (await api.http.get('/api/feedback/agencies').set(as('operator1'))).body.items;
    const fwd = await api.http
      .post(`/api/tickets/${onTime.id}/forwards`)
      .set(as('operator1'))
      .send({ agencyId: agencies[0].id });
    expect(fwd.body.sla.forward.state).toBe('met');
    const breach = await alert({ ticketId: late.id, target: 'forward', kind: 'breach' });
    expect(breach).toMatchObject({ escalated: 'none', priority: 'normal', dueAt: late.sla.forward!.dueAt });
    const view = (await api.http.get(`/api/tickets/${late.id}`).set(as('operator1'))).body as TicketView;
    expect(view.sla.forward!.state).toBe('breached');
    expect(view.sla.resolution!.state).toBe('ok');
    expect(alerts.filter((a) => a.ticketId === onTime.id)).toHaveLength(0);
  });

  it('a first reply in time meets the target: its timers do nothing', async () => {
    const t = await create();
    const replied = await api.http
      .post(`/api/tickets/${t.id}/replies`)
      .set(as('operator1'))
      .send({ body: 'Cần CCCD và tờ khai.' });
    expect(replied.body.sla.firstResponse.state).toBe('met');
    const resolution = await alert({ ticketId: t.id, target: 'resolution', kind: 'breach' }); // the resolution clock still runs
    expect(resolution.ticketId).toBe(t.id);
    expect(alerts.filter((a) => a.ticketId === t.id && a.target === 'firstResponse')).toHaveLength(0);
  });

  it('editing a policy recomputes its open tickets in the worker: elapsed time kept, a breach moves earlier or later, old timers do nothing', async () => {
    const cat = await api.http
      .post('/api/feedback/categories')
      .set(as('admin'))
      .send({ code: unique('test-edit-'), name: 'Test: policy edited' });
    const created = await api.http.post('/api/sla/policies').set(as('admin')).send({
      name: 'Test: edited while tickets are open',
      categoryId: cat.body.id,
      calendar: 'always-open',
      firstResponseMinutes: 60,
      resolutionMinutes: 600,
    });
    expect(created.status).toBe(201);
    const policyId = created.body.id as string;
    const get = async (id: string) =>
      (await api.http.get(`/api/tickets/${id}`).set(as('operator1'))).body as TicketView;
    const recomputed = async (t: TicketView, ms = 15000) => {
      const until = Date.now() + ms;
      for (;;) {
        const v = await get(t.id);
        if (v.slaVersion > t.slaVersion) return v;
        if (Date.now() > until) throw new Error(`ticket ${t.code} not recomputed within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    // Earlier: 60 min → 0.1 min (6 s). The clock started at receipt, so the new breach is receipt + 6 s, not edit + 6 s.
    const early = await create({ categoryId: cat.body.id });
    expect(early.sla.firstResponse).toMatchObject({ targetMinutes: 60 });
    await new Promise((r) => setTimeout(r, 1500));
    const edit1 = await api.http
      .patch(`/api/sla/policies/${policyId}`)
      .set(as('admin'))
      .send({ firstResponseMinutes: 0.1 });
    expect(edit1.status).toBe(200);
    expect(edit1.body).toMatchObject({ id: policyId, firstResponseMinutes: 0.1 });
    expect(edit1.body.recomputeQueued).toBeGreaterThanOrEqual(1);
    const earlyNow = await recomputed(early);
    expect(earlyNow.sla.firstResponse).toMatchObject({ targetMinutes: 0.1, state: 'ok' });
    expect(Date.parse(earlyNow.sla.firstResponse!.dueAt!) - Date.parse(early.receivedAt)).toBe(6000);
    expect(earlyNow.sla.resolution!.dueAt).toBe(early.sla.resolution!.dueAt); // untouched target, same due instant
    const breach = await alert({ ticketId: early.id, target: 'firstResponse', kind: 'breach' });
    expect(breach.dueAt).toBe(earlyNow.sla.firstResponse!.dueAt);
    expect(Date.parse(breach.firedAt)).toBeLessThan(Date.parse(early.sla.firstResponse!.dueAt!));
    const hist = await history(early.id);
    expect(hist.map((h) => h.action)).toEqual(expect.arrayContaining(['policy_updated', 'sla_recomputed']));

    // Later: 0.1 min → 0.25 min (15 s) right after intake: the 6 s timer (old version) must not act; the 15 s one does.
    const late = await create({ categoryId: cat.body.id });
    expect(late.sla.firstResponse).toMatchObject({ targetMinutes: 0.1 });
    const edit2 = await api.http
      .patch(`/api/sla/policies/${policyId}`)
      .set(as('admin'))
      .send({ firstResponseMinutes: 0.25 });
    expect(edit2.status).toBe(200);
    const lateNow = await recomputed(late);
    expect(Date.parse(lateNow.sla.firstResponse!.dueAt!) - Date.parse(late.receivedAt)).toBe(15000);
    // A delivered timer of the old version finds a newer version in MySQL and does nothing.
    const stale = await worker
      .get(SlaTimersService)
      .fire({ ticketId: late.id, target: 'firstResponse', kind: 'breach', version: late.slaVersion });
    expect(stale).toBe('stale');
    const oldDue = Date.parse(late.sla.firstResponse!.dueAt!);
    await new Promise((r) => setTimeout(r, Math.max(0, oldDue - Date.now() + 1500)));
    expect(
      alerts.filter((a) => a.ticketId === late.id && a.target === 'firstResponse' && a.kind === 'breach'),
    ).toHaveLength(0);
    expect((await get(late.id)).sla.firstResponse!.state).not.toBe('breached');
    const lateBreach = await alert({ ticketId: late.id, target: 'firstResponse', kind: 'breach' }, 20000);
    expect(lateBreach.dueAt).toBe(lateNow.sla.firstResponse!.dueAt);
    expect(Date.parse(lateBreach.firedAt)).toBeGreaterThanOrEqual(Date.parse(lateNow.sla.firstResponse!.dueAt!));

    // Bad input: 400 naming the field, nothing changed; operators may not edit.
    expect(
      (await api.http.patch(`/api/sla/policies/${policyId}`).set(as('admin')).send({ firstResponseMinutes: -1 }))
        .status,
    ).toBe(400);
    expect(
      (await api.http.patch(`/api/sla/policies/${policyId}`).set(as('operator1')).send({ firstResponseMinutes: 5 }))
        .status,
    ).toBe(403);
    const policies = (await api.http.get('/api/sla/policies').set(as('operator1'))).body.items as Array<{
      id: string;
      firstResponseMinutes: number;
    }>;
    expect(policies.find((p) => p.id === policyId)?.firstResponseMinutes).toBe(0.25);
  }, 60000);

  it('a breach handled before its warning (both missed while no worker ran) records and announces the warning first, each once', async () => {
    await worker.close();
    try {
      const t = await create();
      await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(t.sla.firstResponse!.dueAt!) - Date.now() + 200)));
      const timers = api.app.get(SlaTimersService);
      expect(
        await timers.fire({ ticketId: t.id, target: 'firstResponse', kind: 'breach', version: t.slaVersion }),
      ).toBe('acted');
      expect(
        await timers.fire({ ticketId: t.id, target: 'firstResponse', kind: 'warning', version: t.slaVersion }),
      ).toBe('noop');
      const warning = await alert({ ticketId: t.id, target: 'firstResponse', kind: 'warning' });
      const breach = await alert({ ticketId: t.id, target: 'firstResponse', kind: 'breach' });
      expect(alerts.indexOf(warning)).toBeLessThan(alerts.indexOf(breach));
      expect(warning.dueAt).toBe(t.sla.firstResponse!.warnAt);
      const rows = await db.query(
        "SELECT action FROM audit_log WHERE entity_type = 'ticket' AND entity_id = ? AND action IN ('sla_warning','sla_breached') AND reason LIKE 'firstResponse%'",
        [t.id],
      );
      expect(rows.map((r: { action: string }) => r.action).sort()).toEqual(['sla_breached', 'sla_warning']);
    } finally {
      worker = await startWorker(api.config);
    }
  });

  it('Redis flushed while the worker is down → the reconciler re-arms from MySQL and the breach still fires (startup sweep)', async () => {
    const t = await create();
    await worker.close();
    // Wipe this run's queue keys (only ours: other runs share the Redis server).
    const redis = new Redis({
      host: api.config.redis.host,
      port: api.config.redis.port,
      db: api.config.redis.db,
      password: api.config.redis.password,
    });
    try {
      let cursor = '0';
      let deleted = 0;
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${api.config.redis.prefix}bull:*`, 'COUNT', 1000);
        cursor = next;
        if (keys.length) deleted += await redis.del(...keys);
      } while (cursor !== '0');
      expect(deleted).toBeGreaterThan(0);
      expect(
        await redis.exists(`${api.config.redis.prefix}bull:sla:sla__${t.id}__firstResponse__breach__v${t.slaVersion}`),
      ).toBe(0);
    } finally {
      redis.disconnect();
    }
    // Let the first-response deadline pass while nothing runs.
    const due = Date.parse(t.sla.firstResponse!.dueAt!);
    await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now() + 200)));
    worker = await startWorker(api.config);
    const result = await worker.get(ReconcilerService).run({ trigger: 'startup' });
    expect(result.SlaTimersReconciler).toBeGreaterThan(0);
    // A second pass while healthy adds nothing (it only adds what Redis does not hold).
    expect((await worker.get(ReconcilerService).run({ trigger: 'manual' })).SlaTimersReconciler).toBe(0);
    const breach = await alert({ ticketId: t.id, target: 'firstResponse', kind: 'breach' });
    expect(breach.dueAt).toBe(t.sla.firstResponse!.dueAt);
    // Warning and breach were both missed: the sweep emits both, once.
    await alert({ ticketId: t.id, target: 'firstResponse', kind: 'warning' });
    const rows = await db.query(
      "SELECT action FROM audit_log WHERE entity_type = 'ticket' AND entity_id = ? AND action IN ('sla_warning','sla_breached') AND reason LIKE 'firstResponse%'",
      [t.id],
    );
    expect(rows).toHaveLength(2);
  });

  it('scheduled passes re-arm only the timers due within the horizon; startup/manual passes re-arm everything', async () => {
    const policyFor = async (name: string, firstResponseMinutes: number) => {
      const cat = await api.http
        .post('/api/feedback/categories')
        .set(as('admin'))
        .send({ code: unique('test-h-'), name });
      const p = await api.http
        .post('/api/sla/policies')
        .set(as('admin'))
        .send({ name, categoryId: cat.body.id, calendar: 'always-open', firstResponseMinutes, resolutionMinutes: 600 });
      expect(p.status).toBe(201);
      return cat.body.id as string;
    };
    const near = await create({ categoryId: await policyFor('Test: near (5 min)', 5) }); // breach in 5 min: inside the 15-min horizon
    const far = await create({ categoryId: await policyFor('Test: far (120 min)', 120) }); // warning at 90 min: outside
    const reconciler = worker.get(ReconcilerService);
    await reconciler.run({ trigger: 'manual' }); // a full pass now: the next scheduled one is a window pass
    const key = (t: TicketView, target: string, kind: string) =>
      `${api.config.redis.prefix}bull:sla:sla__${t.id}__${target}__${kind}__v${t.slaVersion}`;
    const redis = new Redis({
      host: api.config.redis.host,
      port: api.config.redis.port,
      db: api.config.redis.db,
      password: api.config.redis.password,
    });
    try {
      expect(await redis.exists(key(far, 'firstResponse', 'warning'))).toBe(1);
      // Both timers lost (job hash and delayed-set entry), as after a Redis loss.
      const delayed = `${api.config.redis.prefix}bull:sla:delayed`;
      await redis.zrem(
        delayed,
        `sla__${near.id}__firstResponse__breach__v${near.slaVersion}`,
        `sla__${far.id}__firstResponse__warning__v${far.slaVersion}`,
      );
      await redis.del(key(near, 'firstResponse', 'breach'), key(far, 'firstResponse', 'warning'));
      await reconciler.run({ trigger: 'schedule' });
      expect(await redis.exists(key(near, 'firstResponse', 'breach'))).toBe(1);
      expect(await redis.exists(key(far, 'firstResponse', 'warning'))).toBe(0);
      await reconciler.run({ trigger: 'manual' });
      expect(await redis.exists(key(far, 'firstResponse', 'warning'))).toBe(1);
    } finally {
      redis.disconnect();
    }
  });
  it('a timer BullMQ gave up on (failed state) is armed again by the next scheduled pass: the breach still fires, once', async () => {
    await worker.close();
    const connection = new Redis({
      host: api.config.redis.host,
      port: api.config.redis.port,
      db: api.config.redis.db,
      password: api.config.redis.password,
      maxRetriesPerRequest: null,
    });
    const workerConnection = connection.duplicate();
    const prefix = `${api.config.redis.prefix}bull`;
    const q = new Queue('sla', { connection, prefix });
    let doomed = '';
    let restarted = false;
    // A stand-in for the worker whose handler throws for this ticket (as when MySQL stays unreachable through every retry):
    // an unrecoverable error sends the job straight to BullMQ's failed set. Other tickets' timers are handled normally.
    const standIn = new Worker(
      'sla',
      async (job) => {
        if ((job.data as JobOf<'sla-timer'>).ticketId === doomed)
          throw new UnrecoverableError('ER_LOCK_WAIT_TIMEOUT (test)');
        return api.app.get(SlaTimersService).fire(job.data as JobOf<'sla-timer'>);
      },
      { connection: workerConnection, prefix },
    );
    try {
      const t = await create();
      doomed = t.id;
      const id = (kind: string) => `sla__${t.id}__firstResponse__${kind}__v${t.slaVersion}`;
      const until = Date.now() + 20000;
      while (
        (await (await q.getJob(id('breach')))?.getState()) !== 'failed' ||
        (await (await q.getJob(id('warning')))?.getState()) !== 'failed'
      ) {
        if (Date.now() > until) throw new Error('the timers did not fail');
        await new Promise((r) => setTimeout(r, 100));
      }
      await standIn.close();
      expect((await q.getJob(id('breach')))!.failedReason).toMatch(/ER_LOCK_WAIT_TIMEOUT/);
      expect(alerts.filter((a) => a.ticketId === t.id)).toHaveLength(0);
      expect((await api.http.get(`/api/tickets/${t.id}`).set(as('supervisor1'))).body.sla.firstResponse.state).toBe(
        'ok',
      ); // nothing acted

      worker = await startWorker(api.config);
      restarted = true;
      // A periodic pass of the running worker (not only the startup sweep) treats the failed jobs like missing ones.
      const result = await worker.get(ReconcilerService).run({ trigger: 'schedule' });
      expect(result.SlaTimersReconciler).toBeGreaterThanOrEqual(2);
      const breach = await alert({ ticketId: t.id, target: 'firstResponse', kind: 'breach' });
      expect(breach.dueAt).toBe(t.sla.firstResponse!.dueAt);
      await alert({ ticketId: t.id, target: 'firstResponse', kind: 'warning' });
      const rows = await db.query(
        "SELECT action FROM audit_log WHERE entity_type = 'ticket' AND entity_id = ? AND action IN ('sla_warning','sla_breached') AND reason LIKE 'firstResponse%'",
        [t.id],
      );
      expect(rows.map((r: { action: string }) => r.action).sort()).toEqual(['sla_breached', 'sla_warning']);
      expect(await (await q.getJob(id('breach')))?.getState()).toBe('completed');
      // Healthy again: the next pass adds nothing.
      expect((await worker.get(ReconcilerService).run({ trigger: 'manual' })).SlaTimersReconciler).toBe(0);
    } finally {
      await standIn.close();
      await q.close();
      connection.disconnect();
      workerConnection.disconnect();
      if (!restarted) worker = await startWorker(api.config);
    }
  }, 60000);
});

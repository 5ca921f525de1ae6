import { ConflictError } from '@hotline/core';
import { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { aPolicy, emitsOf, feedbackTestbed, jobsOf, operator, seedTicket } from '../testing/testbed';
import { timerJobId } from './ticket-effects';
import { ChangeTicketStatus } from './change-status.use-case';
import { ReplyToTicket } from './reply-to-ticket.use-case';

function setup() {
  const t = feedbackTestbed();
  const policy = aPolicy();
  t.db.policyRows.push(policy);
  const ticket = seedTicket(t, policy);
  const status = new ChangeTicketStatus(t.change);
  const reply = new ReplyToTicket(t.change, t.db.details as unknown as TicketDetailsRepository);
  return { t, policy, ticket, status, reply };
}

describe('the one ticket change path (ChangeTicket)', () => {
  it('pausing moves the timers: version + 1, old timers cancelled, new ones armed, history and ticket:changed on the commit', async () => {
    const { t, ticket, status } = setup();
    t.clock.travel(30 * 60_000);
    const view = await status.execute(ticket.id, { to: 'waiting_citizen' }, operator);
    expect(view).toMatchObject({ status: 'waiting_citizen', slaVersion: 2, version: 2 });
    expect(view.sla.firstResponse).toMatchObject({ state: 'paused', dueAt: null, consumedMinutes: 30 });
    const { effects, history } = t.uow.take();
    // Paused first response and resolution: their timers go; the statutory forward deadline never pauses (re-armed, v2).
    const cancelled = effects.filter((e) => e.kind === 'cancel-job').map((e) => (e as { jobId: string }).jobId);
    expect(cancelled).toEqual(
      expect.arrayContaining([
        timerJobId(ticket.id, 'firstResponse', 'warning', 1),
        timerJobId(ticket.id, 'firstResponse', 'breach', 1),
        timerJobId(ticket.id, 'resolution', 'breach', 1),
      ]),
    );
    expect(cancelled).toHaveLength(6);
    expect(jobsOf(effects).map((j) => j.jobId)).toEqual([
      timerJobId(ticket.id, 'forward', 'warning', 2),
      timerJobId(ticket.id, 'forward', 'breach', 2),
    ]);
    expect(jobsOf(effects)[1].runAt).toBe(Date.parse(view.sla.forward!.dueAt!));
    expect(history.map((h) => [h.action, h.from ?? null, h.to ?? null])).toEqual([
      ['status_changed', 'new', 'waiting_citizen'],
      ['sla_recomputed', null, 'v2'],
    ]);
    expect(history.every((h) => h.actorId === operator.id && h.entityId === ticket.id)).toBe(true);
    expect(emitsOf(effects)).toEqual([
      expect.objectContaining({
        event: 'ticket:changed',
        rooms: ['role:operator', 'role:supervisor'],
        payload: { ticket: view, action: 'status_changed' },
      }),
    ]);
    expect(t.db.ticketRows[0]).toMatchObject({
      status: 'waiting_citizen',
      slaVersion: 2,
      firstResponseState: 'paused',
    });
  });

  it('a change that moves no timer keeps the SLA version and arms nothing (a reply after the first response)', async () => {
    const { t, ticket, reply } = setup();
    await reply.execute(ticket.id, { body: 'Chúng tôi đã ghi nhận' }, operator);
    t.uow.take();
    const again = await reply.execute(ticket.id, { body: 'Đã chuyển đội điện' }, operator);
    expect(again.slaVersion).toBe(2);
    const { effects, history } = t.uow.take();
    expect(history.map((h) => h.action)).toEqual(['public_reply']);
    expect(effects.map((e) => e.kind)).toEqual(['emit']);
  });

  it('the first reply meets first response and opens a new ticket, in that history order', async () => {
    const { t, ticket, reply } = setup();
    const view = await reply.execute(ticket.id, { body: 'Chúng tôi đã ghi nhận', callBack: true }, operator);
    expect(view).toMatchObject({ status: 'open', firstResponseAt: t.clock.now().toISOString() });
    expect(view.sla.firstResponse!.state).toBe('met');
    expect(t.uow.take().history.map((h) => h.action)).toEqual([
      'call_back',
      'first_response',
      'status_changed',
      'sla_recomputed',
    ]);
    expect(t.db.messageRows).toEqual([expect.objectContaining({ ticketId: ticket.id, kind: 'public_reply' })]);
  });

  it.each([
    ['resolved', 'waiting_citizen'],
    ['closed', 'open'],
    ['new', 'reopened'],
  ] as const)('refuses %s → %s with a 409 and writes nothing', async (from, to) => {
    const { t, ticket, status } = setup();
    t.db.ticketRows[0].status = from;
    await expect(status.execute(ticket.id, { to }, operator)).rejects.toMatchObject({
      status: 409,
      code: 'ILLEGAL_TRANSITION',
    });
    expect(t.uow.commits).toBe(0);
    expect(t.uow.effects).toEqual([]);
    expect(t.db.ticketRows[0]).toMatchObject({ status: from, version: 1 });
  });

  it('a closed ticket takes no reply: 409, and the message is rolled back with it', async () => {
    const { t, ticket, reply } = setup();
    t.db.ticketRows[0].status = 'closed';
    await expect(reply.execute(ticket.id, { body: 'x' }, operator)).rejects.toBeInstanceOf(ConflictError);
    expect(t.db.messageRows).toEqual([]);
    expect(t.uow.rollbacks).toBe(1);
  });

  it('forwarded is not a status button: 400 naming `to`', async () => {
    const { ticket, status } = setup();
    await expect(status.execute(ticket.id, { to: 'forwarded' }, operator)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^to:/),
    });
  });

  it('unknown ticket → 404; not a UUID → 400 naming id', async () => {
    const { status } = setup();
    await expect(
      status.execute('01a2296b-0000-7000-8000-00000000dead', { to: 'open' }, operator),
    ).rejects.toMatchObject({ status: 404 });
    await expect(status.execute('nope', { to: 'open' }, operator)).rejects.toMatchObject({ status: 400 });
  });

  it('reopening resumes resolution where it stopped (no restart, no instant breach)', async () => {
    const { t, ticket, status } = setup();
    t.clock.travel(60 * 60_000);
    await status.execute(ticket.id, { to: 'resolved' }, operator);
    const resolved = t.db.ticketRows[0].slaClocks.resolution!;
    expect(resolved.metAt).not.toBeNull();
    t.clock.travel(24 * 3600_000);
    const reopened = await status.execute(ticket.id, { to: 'reopened', reason: 'người dân gọi lại' }, operator);
    expect(reopened.resolvedAt).toBeNull();
    expect(reopened.sla.resolution).toMatchObject({ state: 'ok', consumedMinutes: 60 });
    expect(Date.parse(reopened.sla.resolution!.dueAt!)).toBeGreaterThan(t.clock.nowMs());
  });
});

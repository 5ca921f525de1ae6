import type { SlaAlertEvent } from '@hotline/contracts';
import type { SlaTimerJob } from '../feedback.jobs';
import { aPolicy, emitsOf, feedbackTestbed, jobsOf, seedTicket } from '../testing/testbed';
import { FireSlaTimer, TimerNotDueError } from './fire-sla-timer.use-case';

function setup(policy = aPolicy()) {
  const t = feedbackTestbed();
  t.db.policyRows.push(policy);
  const ticket = seedTicket(t, policy, { assigneeId: '01a2296b-0000-7000-8000-0000000000a1', status: 'open' });
  const fire = new FireSlaTimer(t.change);
  const job = (kind: SlaTimerJob['kind'], over: Partial<SlaTimerJob> = {}): SlaTimerJob => ({
    ticketId: ticket.id,
    target: 'firstResponse',
    kind,
    version: 1,
    ...over,
  });
  const fr = ticket.slaClocks.firstResponse!;
  return { t, ticket, fire, job, warnAt: Date.parse(fr.warnAt!), dueAt: Date.parse(fr.dueAt!) };
}

const alerts = (effects: Parameters<typeof emitsOf>[0]) =>
  emitsOf(effects)
    .filter((e) => e.event === 'ticket:sla')
    .map((e) => ({ rooms: e.rooms, ...(e.payload as SlaAlertEvent) }));

describe('FireSlaTimer (through the one change path)', () => {
  it('a due warning marks the clock, writes sla_warning, alerts supervisors and the assignee, keeps the SLA version', async () => {
    const { t, ticket, fire, job, warnAt } = setup();
    t.clock.set(warnAt + 1500);
    expect(await fire.execute(job('warning'))).toBe('acted');
    const { effects, history } = t.uow.take();
    expect(history).toEqual([
      expect.objectContaining({
        action: 'sla_warning',
        actorId: null,
        reason: 'firstResponse warning',
        data: expect.objectContaining({ target: 'firstResponse', lateMs: 1500 }),
      }),
    ]);
    expect(alerts(effects)).toEqual([
      expect.objectContaining({
        rooms: ['role:supervisor', `user:${ticket.assigneeId}`],
        kind: 'warning',
        target: 'firstResponse',
        dueAt: new Date(warnAt).toISOString(),
        escalated: 'none',
      }),
    ]);
    // The breach timer of version 1 keeps its job: nothing cancelled, nothing armed.
    expect(jobsOf(effects)).toEqual([]);
    expect(effects.some((e) => e.kind === 'cancel-job')).toBe(false);
    const changed = emitsOf(effects).find((e) => e.event === 'ticket:changed')!;
    expect(changed.payload).toMatchObject({ action: 'sla_warning', ticket: { slaVersion: 1, version: 2 } });
    expect(t.db.ticketRows[0]).toMatchObject({ slaVersion: 1, firstResponseState: 'warning', version: 2 });
    // Delivered again (at least once): nothing more.
    expect(await fire.execute(job('warning'))).toBe('noop');
    expect(t.uow.take().effects).toEqual([]);
  });

  it('a timer of an older version is stale and writes nothing', async () => {
    const { t, fire, job, dueAt } = setup();
    t.db.ticketRows[0].slaVersion = 2;
    t.clock.set(dueAt + 10);
    expect(await fire.execute(job('breach', { version: 1 }))).toBe('stale');
    expect(t.uow.take()).toEqual({ effects: [], history: [] });
    expect(await fire.execute(job('breach', { ticketId: '01a2296b-0000-7000-8000-00000000dead' }))).toBe('stale');
  });

  it('an early timer throws (BullMQ retries it) and writes nothing', async () => {
    const { t, fire, job, warnAt } = setup();
    t.clock.set(warnAt - 60_000);
    await expect(fire.execute(job('warning'))).rejects.toBeInstanceOf(TimerNotDueError);
    expect(t.db.ticketRows[0].version).toBe(1);
    expect(t.uow.effects).toEqual([]);
  });

  it('a breach acting before its warning reports the warning first, then escalates to the supervisors’ queue', async () => {
    const { t, ticket, fire, job, dueAt } = setup(aPolicy({ escalation: 'supervisor_queue' }));
    t.clock.set(dueAt + 100);
    expect(await fire.execute(job('breach'))).toBe('acted');
    const { effects, history } = t.uow.take();
    expect(history.map((h) => [h.action, h.to ?? null])).toEqual([
      ['sla_warning', null],
      ['sla_breached', null],
      ['escalated', 'supervisors'],
    ]);
    expect(alerts(effects).map((a) => [a.kind, a.escalated, a.assigneeId, a.queue])).toEqual([
      ['warning', 'none', ticket.assigneeId, 'operators'],
      ['breach', 'supervisor_queue', null, 'supervisors'],
    ]);
    // The assignee before the escalation unassigned the ticket is told too.
    expect(alerts(effects).every((a) => (a.rooms as string[]).includes(`user:${ticket.assigneeId}`))).toBe(true);
    expect(t.db.ticketRows[0]).toMatchObject({
      queue: 'supervisors',
      assigneeId: null,
      firstResponseState: 'breached',
    });
    // The late warning job then finds the threshold reported.
    expect(await fire.execute(job('warning'))).toBe('noop');
  });

  it('raise_priority raises one step per breach of first response or resolution, never for the forward deadline', async () => {
    const { t, fire, job, dueAt } = setup(aPolicy({ escalation: 'raise_priority', forwardMinutes: 240 }));
    t.clock.set(dueAt + 100);
    await fire.execute(job('breach'));
    expect(t.db.ticketRows[0].priority).toBe('high');
    await fire.execute(job('breach', { target: 'forward' }));
    expect(t.db.ticketRows[0].priority).toBe('high');
  });
});

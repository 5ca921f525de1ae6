import type { CitizensService } from '@hotline/calls';
import { SlaPolicy } from '../entities/reference.entities';
import type { TicketDetailsRepository } from '../repositories/ticket-details.repository';
import { mailJobId } from '../services/mail-outbox.service';
import { aPolicy, feedbackTestbed, jobsOf, operator, seedTicket } from '../testing/testbed';
import { ForwardTicket } from './forward-ticket.use-case';
import { RecomputePolicyTickets } from './recompute-policy.use-case';
import { timerJobId } from './ticket-effects';

const AGENCY = {
  id: '01a2296b-0000-7000-8000-0000000a6e1c',
  code: 'so-xd',
  name: 'Sở Xây dựng',
  email: 'soxd@gialai.gov.vn',
  active: true,
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

function setup() {
  const t = feedbackTestbed();
  const policy = aPolicy();
  t.db.policyRows.push(policy);
  t.db.agencyRows.push({ ...AGENCY });
  const ticket = seedTicket(t, policy, { status: 'open' });
  const details = t.db.details as unknown as TicketDetailsRepository;
  const forward = new ForwardTicket(
    t.change,
    t.db.tickets as never,
    details,
    t.refs,
    t.citizensService as CitizensService,
    t.mail,
  );
  const recompute = new RecomputePolicyTickets(t.change, t.db.tickets as never, t.db.reference as never, t.calendars);
  return { t, policy, ticket, forward, recompute };
}

describe('ForwardTicket: the forward, its mail row and the mail job commit together', () => {
  it('writes the forward, the outbox row and its mail-send job on the change’s unit of work; the forward deadline is met', async () => {
    const { t, ticket, forward } = setup();
    const view = await forward.execute(ticket.id, { agencyId: AGENCY.id, note: 'Đề nghị xử lý' }, operator);
    expect(view.status).toBe('forwarded');
    expect(view.sla.forward!.state).toBe('met');
    expect(t.uow.commits).toBe(1);
    const [mail] = t.db.mailRows;
    expect(mail).toMatchObject({
      kind: 'agency_forward',
      ticketId: ticket.id,
      toAddress: AGENCY.email,
      state: 'pending',
    });
    expect(mail.subject).toContain(ticket.code);
    const { effects, history } = t.uow.take();
    expect(jobsOf(effects).filter((j) => j.name === 'mail-send')).toEqual([
      expect.objectContaining({ jobId: mailJobId(mail.id, 1, 0), data: { outboxId: mail.id, round: 1, attempt: 0 } }),
    ]);
    expect(history[0]).toMatchObject({
      action: 'forwarded',
      from: 'open',
      to: 'forwarded',
      data: expect.objectContaining({ mailId: mail.id, agencyId: AGENCY.id }),
    });
    expect(t.db.forwardRows).toEqual([expect.objectContaining({ ticketId: ticket.id, agencyId: AGENCY.id })]);
  });

  it('a refused forward (a resolved ticket cannot be forwarded) writes no forward, no mail and no job', async () => {
    const { t, ticket, forward } = setup();
    t.db.ticketRows[0].status = 'resolved';
    await expect(forward.execute(ticket.id, { agencyId: AGENCY.id }, operator)).rejects.toMatchObject({
      status: 409,
      code: 'ILLEGAL_TRANSITION',
    });
    expect(t.db.mailRows).toEqual([]);
    expect(t.db.forwardRows).toEqual([]);
    expect(t.uow.effects).toEqual([]);
  });

  it('an unknown or inactive agency is a 400 naming agencyId', async () => {
    const { t, ticket, forward } = setup();
    t.db.agencyRows[0].active = false;
    await expect(forward.execute(ticket.id, { agencyId: AGENCY.id }, operator)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(/^agencyId:/),
    });
  });
});

describe('RecomputePolicyTickets: an edited policy reaches its open tickets through the change path', () => {
  it('new targets keep the consumed time, move the timers (version + 1) and skip tickets already on the terms', async () => {
    const { t, policy, ticket, recompute } = setup();
    const closed = seedTicket(t, policy, { status: 'closed' });
    t.clock.travel(30 * 60_000);
    const edited = t.db.policyRows[0];
    Object.assign(edited, { firstResponseMinutes: 120, version: 2 });
    expect(await recompute.execute({ policyId: policy.id, version: 2 })).toEqual({ recomputed: 1, moved: 1 });
    const row = t.db.ticketRows.find((r) => r.id === ticket.id)!;
    expect(row.slaVersion).toBe(2);
    expect(row.slaClocks.firstResponse!.targetMs).toBe(120 * 60_000);
    // Received 09:00 Monday: 2 business hours → 11:00, whatever time the edit was made.
    expect(row.firstResponseDueAt).toEqual(new Date('2026-03-23T04:00:00.000Z'));
    expect(t.db.ticketRows.find((r) => r.id === closed.id)!.slaVersion).toBe(1);
    const { effects, history } = t.uow.take();
    expect(history.map((h) => [h.action, h.actorId])).toEqual([
      ['policy_updated', null],
      ['sla_recomputed', null],
    ]);
    expect(jobsOf(effects).map((j) => j.jobId)).toContain(timerJobId(ticket.id, 'firstResponse', 'breach', 2));
    // Run again (a redelivered job): every ticket already follows the terms, nothing is written.
    expect(await recompute.execute({ policyId: policy.id, version: 2 })).toEqual({ recomputed: 0, moved: 0 });
    expect(t.uow.take().history).toEqual([]);
  });

  it('a job of an older version of the policy is stale', async () => {
    const { t, policy, recompute } = setup();
    t.db.policyRows[0].version = 3;
    expect(await recompute.execute({ policyId: policy.id, version: 2 })).toBe('stale');
    expect(t.uow.commits).toBe(0);
    expect(SlaPolicy.name).toBe('SlaPolicy'); // the fake reference repository finds tables by entity name
  });
});

import type { CreateTicketDto } from '../dto/feedback.dto';
import { aPolicy, emitsOf, feedbackTestbed, jobsOf, operator } from '../testing/testbed';
import { timerJobId } from './ticket-effects';

const dto = (extra: Partial<CreateTicketDto> = {}): CreateTicketDto =>
  ({
    kind: 'feedback',
    channel: 'phone',
    phone: '0905 111 222',
    subject: 'Đèn đường hỏng',
    content: 'Đèn đường trước nhà số 12 hỏng một tuần nay',
    ...extra,
  }) as CreateTicketDto;

function setup() {
  const t = feedbackTestbed();
  const fallback = aPolicy({ name: 'Mặc định' });
  const urgent = aPolicy({ name: 'Khẩn', priority: 'urgent', firstResponseMinutes: 60, resolutionMinutes: 960 });
  const questions = aPolicy({ name: 'Hỏi đáp', kind: 'question', firstResponseMinutes: 120, forwardMinutes: null });
  t.db.policyRows.push(fallback, urgent, questions);
  return { t, fallback, urgent, questions };
}

describe('CreateTicket', () => {
  it('writes the ticket with its clocks started at receipt, its history row, its six timers and ticket:changed, in one commit', async () => {
    const { t, fallback } = setup();
    const view = await t.create.execute(dto(), operator);
    expect(view).toMatchObject({
      status: 'new',
      priority: 'normal',
      policyId: fallback.id,
      citizenName: 'Nguyễn Thị Lan',
      citizenPhone: '+84905111222',
      slaVersion: 1,
    });
    expect(view.code).toMatch(/^PA260323-[A-HJ-NP-Z2-9]{5}$/);
    // Monday 09:00 + 4 business hours across the lunch break (11:30–13:30) = 15:00 Gia Lai; warning at 75 %: 14:00.
    expect(view.sla.firstResponse).toMatchObject({
      state: 'ok',
      dueAt: '2026-03-23T08:00:00.000Z',
      warnAt: '2026-03-23T07:00:00.000Z',
    });
    expect(t.uow.commits).toBe(1);
    const { effects, history } = t.uow.take();
    expect(history).toEqual([
      expect.objectContaining({
        action: 'created',
        to: 'new',
        entityId: view.id,
        actorId: operator.id,
        data: expect.objectContaining({ policyId: fallback.id, remoteArea: false, slaVersion: 1 }),
      }),
    ]);
    const jobs = jobsOf(effects);
    expect(jobs).toHaveLength(6);
    expect(jobs[0]).toMatchObject({
      name: 'sla-timer',
      jobId: timerJobId(view.id, 'firstResponse', 'warning', 1),
      data: { ticketId: view.id, target: 'firstResponse', kind: 'warning', version: 1 },
      runAt: Date.parse('2026-03-23T07:00:00.000Z'),
    });
    expect(emitsOf(effects).map((e) => [e.event, (e.payload as { action: string }).action])).toEqual([
      ['ticket:changed', 'created'],
    ]);
    expect(t.db.ticketRows[0]).toMatchObject({ id: view.id, nextTimerAt: new Date('2026-03-23T07:00:00.000Z') });
  });

  it('chooses the most specific policy (kind over priority), and an assignee opens the ticket', async () => {
    const { t, questions } = setup();
    const view = await t.create.execute(
      dto({ kind: 'question', priority: 'urgent', assigneeId: operator.id }),
      operator,
    );
    expect(view).toMatchObject({ policyId: questions.id, status: 'open', assigneeId: operator.id });
    expect(view.sla.forward).toBeNull();
    expect(jobsOf(t.uow.take().effects)).toHaveLength(4);
  });

  it.each([
    ['a remote-area commune raises the priority one step', { communeCode: '24000' }, 'high', true],
    ['unless told not to', { communeCode: '24000', raiseForRemoteArea: false }, 'normal', false],
    ['urgent stays urgent (nothing to raise)', { communeCode: '24000', priority: 'urgent' }, 'urgent', false],
    ['an ordinary commune changes nothing', { communeCode: '23575' }, 'normal', false],
  ] as const)('%s', async (_, extra, priority, raised) => {
    const { t } = setup();
    const view = await t.create.execute(dto(extra as Partial<CreateTicketDto>), operator);
    expect(view).toMatchObject({ priority, priorityRaisedForRemoteArea: raised });
  });

  it('an overdue-dossier ticket stores its dossier facts with it', async () => {
    const { t } = setup();
    const agency = {
      id: '01a2296b-0000-7000-8000-0000000000ag',
      code: 'stnmt',
      name: 'Sở TN&MT',
      email: 'a@x',
      active: true,
    };
    t.db.agencyRows.push({ ...agency, updatedAt: new Date() });
    const overdue = { agencyId: agency.id, dossierCode: 'H21.52-1', originalDueDate: '2026-03-10' };
    const view = await t.create.execute(dto({ kind: 'overdue_dossier', overdue }), operator);
    expect(view.overdueDossier).toMatchObject({ ...overdue, newDueDate: null });
    expect(view.dossierCode).toBe('H21.52-1');
    expect(t.db.overdueRows).toEqual([expect.objectContaining({ ticketId: view.id, ...overdue })]);
  });

  it.each([
    ['overdue facts missing for an overdue dossier', { kind: 'overdue_dossier' }, /^overdue:/],
    [
      'overdue facts on another kind',
      { overdue: { agencyId: 'x', dossierCode: 'y', originalDueDate: '2026-03-01' } },
      /^overdue:/,
    ],
    ['an unknown category', { categoryId: '01a2296b-0000-7000-8000-00000000ca7e' }, /^categoryId:/],
    ['an unknown commune', { communeCode: '99999' }, /^communeCode:/],
  ] as const)('refuses %s with a 400 naming the field, before anything is written', async (_, extra, message) => {
    const { t } = setup();
    await expect(t.create.execute(dto(extra as Partial<CreateTicketDto>), operator)).rejects.toMatchObject({
      status: 400,
      message: expect.stringMatching(message),
    });
    expect(t.uow.commits + t.uow.rollbacks).toBe(0);
    expect(t.db.ticketRows).toEqual([]);
  });
});

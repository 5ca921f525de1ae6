import { raisePriority, TICKET_MACHINE, TICKET_STATUSES, ticketStatusMoves, type TicketStatus } from './feedback';

const ALLOWED: Array<[TicketStatus, TicketStatus]> = [
  ['new', 'open'],
  ['new', 'waiting_citizen'],
  ['new', 'forwarded'],
  ['new', 'resolved'],
  ['open', 'waiting_citizen'],
  ['open', 'forwarded'],
  ['open', 'resolved'],
  ['waiting_citizen', 'open'],
  ['waiting_citizen', 'forwarded'],
  ['waiting_citizen', 'resolved'],
  ['forwarded', 'open'],
  ['forwarded', 'waiting_citizen'],
  ['forwarded', 'resolved'],
  ['resolved', 'closed'],
  ['resolved', 'reopened'],
  ['reopened', 'open'],
  ['reopened', 'waiting_citizen'],
  ['reopened', 'forwarded'],
  ['reopened', 'resolved'],
];

describe('TICKET_MACHINE', () => {
  const all = TICKET_STATUSES.flatMap((from) =>
    TICKET_STATUSES.map((to) => [from, to] as [TicketStatus, TicketStatus]),
  );

  it.each(all)('%s → %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(TICKET_MACHINE.can(from, to)).toBe(allowed);
    expect(TICKET_MACHINE.refusal(from, to)).toEqual(
      allowed ? null : expect.objectContaining({ from, to, allowed: TICKET_MACHINE.next(from) }),
    );
  });

  it('knows every status, and only closed is final', () => {
    expect([...TICKET_MACHINE.states].sort()).toEqual([...TICKET_STATUSES].sort());
    expect(TICKET_MACHINE.final).toEqual(['closed']);
  });

  it('splits the statuses into open (worked on) and settled, with no overlap and nothing left out', () => {
    const open = TICKET_MACHINE.sets.open;
    const settled = TICKET_MACHINE.sets.settled;
    expect(open.filter((s) => settled.includes(s))).toEqual([]);
    expect([...open, ...settled].sort()).toEqual([...TICKET_STATUSES].sort());
    // Every settled status can be left only by reopening or closing; every open one can be resolved.
    for (const s of open) expect(TICKET_MACHINE.can(s, 'resolved')).toBe(true);
    expect(TICKET_MACHINE.sets.frozen).toEqual(TICKET_MACHINE.final);
  });

  it.each([
    ['new', ['open', 'waiting_citizen', 'resolved']],
    ['open', ['waiting_citizen', 'resolved']],
    ['forwarded', ['open', 'waiting_citizen', 'resolved']],
    ['resolved', ['closed', 'reopened']],
    ['closed', []],
  ] as const)('the status buttons of %s: %j (forwarded only through a forward)', (status, moves) => {
    expect(ticketStatusMoves(status)).toEqual(moves);
  });

  it.each([
    ['low', 'normal'],
    ['normal', 'high'],
    ['high', 'urgent'],
    ['urgent', 'urgent'],
  ] as const)('raises %s to %s', (p, expected) => expect(raisePriority(p)).toBe(expected));
});

import { TICKET_STATUSES, TicketStatus } from '@hotline/contracts';
import { assertTransition, canTransition, raisePriority } from './ticket-transitions';

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

describe('ticket transition table', () => {
  const all = TICKET_STATUSES.flatMap((from) =>
    TICKET_STATUSES.map((to) => [from, to] as [TicketStatus, TicketStatus]),
  );
  it.each(all)('%s → %s', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(allowed);
    if (allowed) expect(() => assertTransition(from, to)).not.toThrow();
    else
      expect(() => assertTransition(from, to)).toThrow(
        expect.objectContaining({ status: 409, code: 'ILLEGAL_TRANSITION' }),
      );
  });

  it.each([
    ['low', 'normal'],
    ['normal', 'high'],
    ['high', 'urgent'],
    ['urgent', 'urgent'],
  ] as const)('raises %s to %s', (p, expected) => expect(raisePriority(p)).toBe(expected));
});

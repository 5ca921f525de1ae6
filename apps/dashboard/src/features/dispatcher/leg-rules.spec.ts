import type { LegState, LegView } from '@hotline/contracts';
import { nextActions, parseVnDateTime, vnDateToIso } from './leg-rules';

const leg = (state: LegState, extra: Partial<LegView> = {}) =>
  ({ state, kind: 'return', pickupChecklist: null, failedAttempts: 0, invitations: null, ...extra }) as LegView;
/** Two invitations: Monday 2/3 and Wednesday 4/3 (the 2nd working day after Monday is Wednesday). */
const twoApart = { count: 2, lastOn: '2026-03-04', returnNeedsInvitationOn: '2026-03-04' };
const twoTooClose = { count: 2, lastOn: '2026-03-03', returnNeedsInvitationOn: '2026-03-04' };
const checklist = {
  missingDocuments: [],
  slipSignedByBoth: true,
  sealedInFrontOfCitizen: true,
  feeReceiptNumber: null,
};

describe('nextActions (only the steps the server allows next)', () => {
  it.each<[string, LegView, string[]]>([
    ['accepted', leg('accepted'), ['courier']],
    ['courier assigned', leg('courier_assigned'), ['pickup', 'fail']],
    ['picked up', leg('picked_up', { pickupChecklist: checklist }), ['deliver', 'fail']],
    ['failed before pickup', leg('failed_attempt', { failedAttempts: 1 }), ['courier', 'pickup', 'fail']],
    [
      'failed after pickup',
      leg('failed_attempt', { failedAttempts: 1, pickupChecklist: checklist }),
      ['deliver', 'fail'],
    ],
    [
      'failed twice, 2 working days apart: may go back to the agency',
      leg('failed_attempt', { failedAttempts: 2, pickupChecklist: checklist, invitations: twoApart }),
      ['deliver', 'fail', 'return'],
    ],
    [
      'failed twice on consecutive working days: not yet (Circular 17/2017)',
      leg('failed_attempt', { failedAttempts: 2, pickupChecklist: checklist, invitations: twoTooClose }),
      ['deliver', 'fail'],
    ],
    [
      'failed twice before any pickup, far enough apart: return or try again',
      leg('failed_attempt', { failedAttempts: 2, invitations: twoApart }),
      ['courier', 'pickup', 'fail', 'return'],
    ],
    ['offer (accept/reject live elsewhere)', leg('assigned'), []],
    ['delivered', leg('delivered'), []],
    ['cancelled', leg('cancelled'), []],
  ])('%s', (_, l, actions) => {
    expect(nextActions(l)).toEqual(actions);
  });
});

describe('parseVnDateTime (typed dd/MM/yyyy HH:mm is Vietnam time)', () => {
  it.each([
    ['30/11/2026 07:05', '2026-11-30T00:05:00.000Z'],
    ['1/1/2027 00:00', '2026-12-31T17:00:00.000Z'],
    [' 29/02/2028 23:59 ', '2028-02-29T16:59:00.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseVnDateTime(text)).toBe(iso);
  });
  it.each(['31/11/2026 10:00', '29/02/2027 10:00', '30/11/2026 24:00', '2026-11-30 10:00', ''])('%s → null', (text) => {
    expect(parseVnDateTime(text)).toBeNull();
  });
});

describe('vnDateToIso', () => {
  it('reads dd/MM/yyyy', () => {
    expect(vnDateToIso('05/03/2026')).toBe('2026-03-05');
    expect(vnDateToIso('31/04/2026')).toBeNull();
    expect(vnDateToIso('2026-03-05')).toBeNull();
  });
});

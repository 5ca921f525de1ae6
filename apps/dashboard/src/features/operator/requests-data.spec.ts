import type { BcciRequestView, LegEvent, LegView } from '@hotline/contracts';
import { applyLegEvent } from './requests-data';

const leg = (id: string, over: Partial<LegView> = {}): LegView =>
  ({
    id,
    requestId: 'r1',
    requestCode: 'BC-261130-000001',
    kind: 'pickup',
    state: 'routing',
    officeId: null,
    updatedAt: '2026-11-30T01:00:00.000Z',
    ...over,
  }) as LegView;
const request = (): BcciRequestView =>
  ({ id: 'r1', code: 'BC-261130-000001', legs: [leg('a'), leg('b', { kind: 'return' })] }) as BcciRequestView;
const event = (over: Partial<LegEvent>): LegEvent => ({
  legId: 'a',
  requestId: 'r1',
  requestCode: 'BC-261130-000001',
  officeId: 'o1',
  assignmentId: 'x',
  from: 'routing',
  to: 'assigned',
  reason: null,
  remoteArea: false,
  deadlineAt: null,
  at: '2026-11-30T01:00:05.000Z',
  ...over,
});

describe('applyLegEvent', () => {
  it('moves only the leg named by the event, with its office and time', () => {
    const out = applyLegEvent(request(), event({}));
    expect(out.legs[0]).toMatchObject({ state: 'assigned', officeId: 'o1', updatedAt: '2026-11-30T01:00:05.000Z' });
    expect(out.legs[1]).toMatchObject({ state: 'routing', officeId: null });
  });

  it('keeps the office when the event has none (an escalation), and ignores other requests', () => {
    const assigned = applyLegEvent(request(), event({}));
    expect(applyLegEvent(assigned, event({ to: 'unroutable', officeId: null })).legs[0]).toMatchObject({
      state: 'unroutable',
      officeId: 'o1',
    });
    const other = request();
    expect(applyLegEvent(other, event({ requestId: 'r2' }))).toBe(other);
  });
});

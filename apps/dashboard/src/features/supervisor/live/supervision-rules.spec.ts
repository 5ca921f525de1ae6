import type {
  CallView,
  LegView,
  OperatorStatusView,
  PostOfficeView,
  SlaTargetView,
  TicketView,
} from '@hotline/contracts';
import {
  applyCall,
  applyLegState,
  applyStatus,
  distanceKm,
  formatCountdown,
  legPoint,
  officeChoices,
  riskOf,
  secondsLeft,
  sortRisks,
  sortStatuses,
  upsertTicket,
} from './supervision-rules';

const target = (state: SlaTargetView['state'], dueAt: string | null): SlaTargetView => ({
  state,
  dueAt,
  warnAt: null,
  metAt: null,
  breached: state === 'breached',
  targetMinutes: 60,
  consumedMinutes: 0,
  runningSince: null,
});

function ticket(code: string, sla: Partial<TicketView['sla']>, extra: Partial<TicketView> = {}): TicketView {
  return {
    id: `id-${code}`,
    code,
    status: 'open',
    version: 1,
    slaVersion: 1,
    priority: 'normal',
    queue: 'operators',
    subject: code,
    sla: { firstResponse: null, resolution: null, forward: null, ...sla },
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  } as TicketView;
}

describe('riskOf: the worst running target of a ticket', () => {
  it.each([
    ['nothing at risk', { firstResponse: target('ok', '2026-01-01T05:00:00Z') }, null],
    [
      'met and paused targets are not at risk',
      { firstResponse: target('met', '2026-01-01T05:00:00Z'), resolution: target('paused', '2026-01-02T05:00:00Z') },
      null,
    ],
    [
      'a warning',
      { firstResponse: target('warning', '2026-01-01T05:00:00Z'), resolution: target('ok', '2026-01-02T05:00:00Z') },
      ['warning', 'firstResponse'],
    ],
    [
      'a breach beats an earlier warning',
      {
        firstResponse: target('warning', '2026-01-01T01:00:00Z'),
        resolution: target('breached', '2026-01-01T05:00:00Z'),
      },
      ['breached', 'resolution'],
    ],
    [
      'two warnings: the earliest due',
      { resolution: target('warning', '2026-01-03T00:00:00Z'), forward: target('warning', '2026-01-02T00:00:00Z') },
      ['warning', 'forward'],
    ],
    ['a target without a due instant is ignored', { firstResponse: target('warning', null) }, null],
  ] as const)('%s', (_name, sla, expected) => {
    const r = riskOf(ticket('T', sla as Partial<TicketView['sla']>));
    expect(r ? [r.level, r.target] : null).toEqual(expected);
  });

  it('a resolved or closed ticket is never at risk, even with a breach recorded', () => {
    for (const status of ['resolved', 'closed'] as const) {
      expect(riskOf(ticket('T', { resolution: target('breached', '2026-01-01T00:00:00Z') }, { status }))).toBeNull();
    }
    expect(
      riskOf(ticket('T', { resolution: target('breached', '2026-01-01T00:00:00Z') }, { status: 'reopened' }))?.level,
    ).toBe('breached');
  });
});

describe('sortRisks', () => {
  it('breaches first with the newest breach on top, then warnings soonest first', () => {
    const risks = [
      ticket('W-late', { firstResponse: target('warning', '2026-01-01T09:00:00Z') }),
      ticket('B-old', { firstResponse: target('breached', '2026-01-01T01:00:00Z') }),
      ticket('W-soon', { firstResponse: target('warning', '2026-01-01T08:00:00Z') }),
      ticket('B-new', { firstResponse: target('breached', '2026-01-01T03:00:00Z') }),
    ].map((t) => riskOf(t)!);
    expect(sortRisks(risks).map((r) => r.ticket.code)).toEqual(['B-new', 'B-old', 'W-soon', 'W-late']);
  });
});

describe('upsertTicket', () => {
  it('adds unknown tickets, replaces older versions, ignores stale events', () => {
    const v1 = ticket('A', {}, { version: 1 });
    const v2 = ticket('A', { firstResponse: target('warning', '2026-01-01T00:00:00Z') }, { version: 2 });
    expect(upsertTicket([], v1)).toEqual([v1]);
    expect(upsertTicket([v1], v2)).toEqual([v2]);
    expect(upsertTicket([v2], v1)).toEqual([v2]);
  });
});

describe('countdown', () => {
  it.each([
    [0, '0:00'],
    [59, '0:59'],
    [61, '1:01'],
    [-61, '1:01'],
    [3600, '1:00:00'],
    [3 * 86400 + 3723, '3d 1:02:03'],
  ])('%i s → %s', (s, text) => expect(formatCountdown(s)).toBe(text));

  it('days in words of the screen language', () => {
    expect(formatCountdown(-(2 * 86400 + 5), (n) => `${n} ngày`)).toBe('2 ngày 0:00:05');
  });

  it('counts from the due instant in the browser (negative once passed)', () => {
    const due = '2026-01-01T00:00:10.000Z';
    expect(secondsLeft(due, Date.parse('2026-01-01T00:00:00.000Z'))).toBe(10);
    expect(secondsLeft(due, Date.parse('2026-01-01T00:00:10.500Z'))).toBe(-1);
  });
});

describe('live lists', () => {
  const call = (id: string, state: CallView['state'], version: number, startedAt = '2026-01-01T00:00:00Z') =>
    ({ id, state, version, startedAt }) as CallView;
  it('calls: ended ones leave, stale versions are ignored, newest first', () => {
    let list = applyCall([], call('a', 'ringing', 1, '2026-01-01T00:00:00Z'));
    list = applyCall(list, call('b', 'ringing', 1, '2026-01-01T00:01:00Z'));
    expect(list.map((c) => c.id)).toEqual(['b', 'a']);
    list = applyCall(list, call('a', 'answered', 2));
    expect(list.find((c) => c.id === 'a')?.state).toBe('answered');
    expect(applyCall(list, call('a', 'ringing', 1)).find((c) => c.id === 'a')?.state).toBe('answered');
    expect(applyCall(list, call('a', 'ended', 3)).map((c) => c.id)).toEqual(['b']);
  });

  it('operator statuses: newest version wins; working operators first, longest in their status first', () => {
    const s = (
      userId: string,
      status: OperatorStatusView['status'],
      version: number,
      since: string,
    ): OperatorStatusView => ({ userId, status, version, since, reason: null });
    let list = [s('u1', 'available', 1, '2026-01-01T01:00:00Z'), s('u2', 'break', 1, '2026-01-01T00:00:00Z')];
    list = applyStatus(list, s('u2', 'on_call', 2, '2026-01-01T02:00:00Z'));
    list = applyStatus(list, s('u2', 'break', 1, '2026-01-01T00:00:00Z'));
    list = applyStatus(list, s('u3', 'available', 1, '2026-01-01T00:30:00Z'));
    expect(sortStatuses(list).map((x) => `${x.userId}:${x.status}`)).toEqual([
      'u2:on_call',
      'u3:available',
      'u1:available',
    ]);
  });

  it('legs: a finished state removes the leg, an active one patches state and office', () => {
    const legs = [
      { id: 'l1', state: 'unroutable', officeId: null },
      { id: 'l2', state: 'accepted', officeId: 'o1' },
    ] as LegView[];
    expect(applyLegState(legs, 'l1', 'assigned', 'o9').find((l) => l.id === 'l1')).toMatchObject({
      state: 'assigned',
      officeId: 'o9',
    });
    expect(applyLegState(legs, 'l2', 'delivered', 'o1').map((l) => l.id)).toEqual(['l1']);
  });
});

describe('places', () => {
  const communes = new Map([['23575', { code: '23575', lat: 13.98, lng: 108.0 } as never]]);
  it('a leg is drawn at its own point, else at its commune centroid (marked approximate), else nowhere', () => {
    expect(legPoint({ lat: 14, lng: 108.1, communeCode: '23575' }, communes)).toEqual({
      lat: 14,
      lng: 108.1,
      approximate: false,
    });
    expect(legPoint({ lat: null, lng: null, communeCode: '23575' }, communes)).toEqual({
      lat: 13.98,
      lng: 108.0,
      approximate: true,
    });
    expect(legPoint({ lat: null, lng: null, communeCode: '99999' }, communes)).toBeNull();
  });

  it('distanceKm: Pleiku → Quy Nhơn is about 140 km as the crow flies', () => {
    expect(distanceKm({ lat: 13.9833, lng: 108.0 }, { lat: 13.7765, lng: 109.2237 })).toBeGreaterThan(125);
    expect(distanceKm({ lat: 13.9833, lng: 108.0 }, { lat: 13.7765, lng: 109.2237 })).toBeLessThan(140);
    expect(distanceKm({ lat: 14, lng: 108 }, { lat: 14, lng: 108 })).toBe(0);
  });

  it('officeChoices: active offices only, nearest first; without a point, those serving the commune first', () => {
    const office = (id: string, lat: number, over: { active?: boolean; communeCode?: string } = {}) =>
      ({
        id,
        name: `Office ${id}`,
        code: id,
        lat,
        lng: 108,
        active: true,
        communeCode: '11111',
        serviceArea: [],
        ...over,
      }) as unknown as PostOfficeView;
    const offices = [
      office('far', 14.5),
      office('near', 14.01),
      office('closed', 14.0, { active: false }),
      office('mid', 14.2, { communeCode: '23575' }),
    ];
    const near = officeChoices(offices, { lat: 14, lng: 108 }, '23575');
    expect(near.map((c) => c.office.id)).toEqual(['near', 'mid', 'far']);
    expect(near[0].distanceKm).toBeCloseTo(1.11, 1);
    expect(near.find((c) => c.office.id === 'mid')?.servesCommune).toBe(true);
    expect(officeChoices(offices, null, '23575').map((c) => c.office.id)).toEqual(['mid', 'far', 'near']);
  });
});

import type { SlaTargetView, TicketView } from '@hotline/contracts';
import {
  countdownDirection,
  headlineTarget,
  liveSla,
  matchesFilter,
  splitCountdown,
  splitMinutes,
} from './sla-countdown';

const T0 = Date.parse('2026-03-02T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function target(over: Partial<SlaTargetView> = {}): SlaTargetView {
  return {
    state: 'ok',
    dueAt: iso(T0 + 100_000),
    warnAt: iso(T0 + 75_000),
    metAt: null,
    breached: false,
    targetMinutes: 100 / 60,
    consumedMinutes: 0,
    runningSince: iso(T0),
    ...over,
  };
}

describe('liveSla', () => {
  it.each([
    ['before the warning', 0, 'ok', 100_000],
    ['one ms before the warning', 74_999, 'ok', 25_001],
    ['at the warning instant', 75_000, 'warning', 25_000],
    ['between warning and due', 99_999, 'warning', 1],
    ['at the due instant', 100_000, 'breached', 0],
    ['after the due instant', 160_000, 'breached', -60_000],
  ])('%s → %s', (_label, offset, state, msLeft) => {
    expect(liveSla(target(), T0 + offset)).toMatchObject({ state, msLeft });
  });

  it('never lowers the server state (a breach the server saw stays a breach whatever the browser clock says)', () => {
    expect(liveSla(target({ state: 'breached', breached: true }), T0).state).toBe('breached');
    expect(liveSla(target({ state: 'warning' }), T0).state).toBe('warning');
    expect(liveSla(target({ state: 'ok', breached: true }), T0).state).toBe('breached');
  });

  it('a paused clock does not tick: it shows the business minutes left', () => {
    const paused = target({
      state: 'paused',
      runningSince: null,
      dueAt: null,
      warnAt: null,
      targetMinutes: 240,
      consumedMinutes: 40.4,
    });
    expect(liveSla(paused, T0)).toMatchObject({ state: 'paused', msLeft: null, pausedMinutesLeft: 199.6 });
    expect(liveSla(paused, T0 + 3_600_000)).toMatchObject({ state: 'paused', pausedMinutesLeft: 199.6 });
    expect(liveSla({ ...paused, consumedMinutes: 300 }, T0).pausedMinutesLeft).toBe(0);
  });

  it('a met target stays met, even past its old due instant', () => {
    expect(liveSla(target({ state: 'met', metAt: iso(T0 + 10_000) }), T0 + 500_000)).toMatchObject({
      state: 'met',
      msLeft: null,
      metAt: iso(T0 + 10_000),
    });
  });
});

describe('countdownDirection', () => {
  it('reads "left" until the due instant and "over" after it', () => {
    expect(countdownDirection(liveSla(target(), T0 + 40_000))).toEqual({ over: false, ms: 60_000 });
    expect(countdownDirection(liveSla(target(), T0 + 100_000))).toEqual({ over: true, ms: 0 });
    expect(countdownDirection(liveSla(target(), T0 + 130_000))).toEqual({ over: true, ms: 30_000 });
  });

  it('a breach the server declared reads "over" from 0 even when the browser clock is a little behind', () => {
    expect(countdownDirection(liveSla(target({ state: 'breached', breached: true }), T0 + 99_600))).toEqual({
      over: true,
      ms: 0,
    });
  });

  it('nothing to count for paused or met targets', () => {
    expect(countdownDirection(liveSla(target({ state: 'met', metAt: iso(T0) }), T0))).toBeNull();
    expect(countdownDirection(liveSla(target({ state: 'paused', runningSince: null, dueAt: null }), T0))).toBeNull();
  });
});

describe('countdown texts', () => {
  it.each([
    [0, 0, '00:00:00'],
    [999, 0, '00:00:00'],
    [1_000, 0, '00:00:01'],
    [3_723_000, 0, '01:02:03'],
    [86_400_000 + 61_000, 1, '00:01:01'],
    [-3_723_000, 0, '01:02:03'],
    [-(2 * 86_400_000 + 5_000), 2, '00:00:05'],
  ])('%d ms → %d days %s', (ms, days, clock) => {
    expect(splitCountdown(ms)).toEqual({ days, clock });
  });

  it('business minutes in hours and minutes', () => {
    expect(splitMinutes(199.6)).toEqual({ hours: 3, minutes: 20 });
    expect(splitMinutes(59.4)).toEqual({ hours: 0, minutes: 59 });
    expect(splitMinutes(-5)).toEqual({ hours: 0, minutes: 0 });
  });
});

function ticket(over: Partial<TicketView> = {}): TicketView {
  return {
    id: 't1',
    code: 'PA260302-AAAAA',
    kind: 'feedback',
    channel: 'phone',
    status: 'new',
    priority: 'normal',
    priorityRaisedForRemoteArea: false,
    queue: 'operators',
    citizenId: 'c',
    citizenName: null,
    citizenPhone: null,
    callId: null,
    subject: 's',
    content: 'c',
    categoryId: null,
    communeCode: null,
    dossierCode: null,
    bcciRequestId: null,
    assigneeId: null,
    attachments: [],
    policyId: 'p',
    sla: {
      firstResponse: target(),
      resolution: target({ dueAt: iso(T0 + 900_000), warnAt: iso(T0 + 600_000) }),
      forward: null,
    },
    slaVersion: 1,
    receivedAt: iso(T0),
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    csat: null,
    overdueDossier: null,
    createdAt: iso(T0),
    updatedAt: iso(T0),
    version: 1,
    ...over,
  };
}

describe('headlineTarget', () => {
  it('shows the running target due soonest, skipping met ones', () => {
    expect(headlineTarget(ticket(), T0)?.name).toBe('firstResponse');
    const answered = ticket({ sla: { ...ticket().sla, firstResponse: target({ state: 'met', metAt: iso(T0) }) } });
    expect(headlineTarget(answered, T0)?.name).toBe('resolution');
    expect(headlineTarget(ticket({ sla: { firstResponse: null, resolution: null, forward: null } }), T0)).toBeNull();
  });
});

describe('filters and moves', () => {
  it('a live ticket joins the list it belongs to', () => {
    const t = ticket({ assigneeId: 'me' });
    expect(matchesFilter(t, { filter: 'mine', me: 'me' }, T0)).toBe(true);
    expect(matchesFilter(t, { filter: 'mine', me: 'other' }, T0)).toBe(false);
    expect(matchesFilter(t, { filter: 'all', me: 'x', status: 'open' }, T0)).toBe(false);
    expect(matchesFilter(t, { filter: 'supervisorQueue', me: 'x' }, T0)).toBe(false);
    expect(matchesFilter(ticket({ queue: 'supervisors' }), { filter: 'supervisorQueue', me: 'x' }, T0)).toBe(true);
    expect(matchesFilter(t, { filter: 'atRisk', me: 'x' }, T0)).toBe(false);
    expect(matchesFilter(t, { filter: 'atRisk', me: 'x' }, T0 + 80_000)).toBe(true);
  });

  it('atRisk leaves settled tickets out (as the api does), whatever their recorded breach', () => {
    const breached = ticket({});
    expect(matchesFilter(breached, { filter: 'atRisk', me: 'x' }, T0 + 80_000)).toBe(true);
    expect(matchesFilter({ ...breached, status: 'resolved' }, { filter: 'atRisk', me: 'x' }, T0 + 80_000)).toBe(false);
    expect(matchesFilter({ ...breached, status: 'closed' }, { filter: 'atRisk', me: 'x' }, T0 + 80_000)).toBe(false);
  });

  it('open=true keeps the tickets being worked on only', () => {
    for (const status of ['resolved', 'closed'] as const)
      expect(matchesFilter({ ...ticket({}), status }, { filter: 'all', me: 'x', open: true }, T0)).toBe(false);
    for (const status of ['new', 'open', 'waiting_citizen', 'forwarded', 'reopened'] as const)
      expect(matchesFilter({ ...ticket({}), status }, { filter: 'all', me: 'x', open: true }, T0)).toBe(true);
  });
});

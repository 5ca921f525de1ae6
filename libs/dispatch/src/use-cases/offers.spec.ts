import type { AdministrativeUnitsService } from '@hotline/geo';
import type { PostOfficesService } from '@hotline/geo';
import type { AuthUser } from '@hotline/core';
import { type IndexedOffice, OfficeIndex } from '../office-index';
import type { OfficeIndexService } from '../office-index.service';
import { anOffer, dispatchTestbed, emitsOf, jobsOf, seedLeg, type Testbed } from '../testing/testbed';
import { AcceptOffer } from './accept-offer.use-case';
import { AssignManually } from './assign-manually.use-case';
import { RejectOffer } from './reject-offer.use-case';
import { RouteLeg } from './route-leg.use-case';

const ALWAYS = Object.fromEntries(
  ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '23:59']]]),
);
const office = (id: string, lat: number, extra: Partial<IndexedOffice> = {}): IndexedOffice => ({
  id,
  lat,
  lng: 108,
  active: true,
  dailyCapacity: 100,
  openingHours: ALWAYS as never,
  serves: ['23575'],
  ...extra,
});
const dispatcher = (officeId: string): AuthUser =>
  ({ id: `disp-${officeId}`, role: 'dispatcher', officeId }) as unknown as AuthUser;
const supervisor = { id: 'sup-1', role: 'supervisor', officeId: null } as unknown as AuthUser;

function routing(t: Testbed, offices: IndexedOffice[]) {
  const index = { get: async () => new OfficeIndex(offices) } as unknown as OfficeIndexService;
  const units = { find: async () => ({ lat: '13.98', lng: '108' }) } as unknown as AdministrativeUnitsService;
  return new RouteLeg(t.kit, index, units, t.offers);
}

describe('RouteLeg (the routing job)', () => {
  it('offers the leg to the nearest open office: the offer, its acceptance timeout, the event to its room', async () => {
    const t = dispatchTestbed();
    const { leg, request } = seedLeg(t, { lat: 13.98, remoteArea: true });
    const route = routing(t, [office('far', 14.5), office('near', 13.99)]);
    await expect(route.execute({ legId: leg.id, attempt: 1 })).resolves.toBe('assigned');
    const { effects, history } = t.uow.take();
    expect(t.db.legRows[0]).toMatchObject({ state: 'assigned', officeId: 'near', version: 2 });
    expect(t.db.assignmentRows).toMatchObject([{ legId: leg.id, officeId: 'near', state: 'pending', attempt: 1 }]);
    const [emit] = emitsOf(effects);
    expect(emit).toMatchObject({ event: 'dispatch:leg-assigned', payload: { officeId: 'near', to: 'assigned' } });
    expect(emit.rooms).toEqual(
      expect.arrayContaining(['office:near', 'role:supervisor', `user:${request.createdById}`]),
    );
    // 15 working minutes from Monday 09:00 (Vietnam): 09:15.
    expect(jobsOf(effects)).toEqual([
      expect.objectContaining({
        name: 'dispatch-accept-timeout',
        jobId: `accept-timeout__${t.db.assignmentRows[0].id}`,
        runAt: Date.parse('2026-03-02T02:15:00Z'),
      }),
    ]);
    expect(effects.map((e) => e.kind)).toEqual(['job', 'emit']);
    expect(history).toMatchObject([{ entityType: 'bcci_leg', entityId: leg.id, from: 'routing', to: 'assigned' }]);
  });

  it('skips the offices that already refused the leg (a later attempt)', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t, { routingAttempt: 2 });
    t.db.assignmentRows.push(anOffer(leg, { officeId: 'near', state: 'rejected' }));
    await routing(t, [office('near', 13.98), office('other', 14.2)]).execute({ legId: leg.id, attempt: 2 });
    expect(t.db.legRows[0]).toMatchObject({ state: 'assigned', officeId: 'other' });
  });

  it('waits in routing for the next opening when no eligible office is open now (a delayed routing job)', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t);
    const closedNow = office('later', 13.98, { openingHours: { tue: [['08:00', '09:00']] } as never });
    await expect(routing(t, [closedNow]).execute({ legId: leg.id, attempt: 1 })).resolves.toBe('waiting');
    const opening = Date.parse('2026-03-03T01:00:00Z'); // Tuesday 08:00 Vietnam
    expect(t.db.legRows[0]).toMatchObject({ state: 'routing', routeAfter: new Date(opening) });
    expect(jobsOf(t.uow.take().effects)).toEqual([
      expect.objectContaining({ name: 'dispatch-route-leg', jobId: `route__${leg.id}__1__${opening}`, runAt: opening }),
    ]);
  });

  it('escalates to supervisors when no eligible office is left', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t);
    await expect(routing(t, []).execute({ legId: leg.id, attempt: 1 })).resolves.toBe('unroutable');
    expect(t.db.legRows[0].state).toBe('unroutable');
    expect(emitsOf(t.uow.take().effects)).toMatchObject([
      { event: 'dispatch:escalated', payload: { to: 'unroutable' } },
    ]);
  });

  it('is a no-op for a stale job (another attempt, or the leg moved on)', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t, { routingAttempt: 3 });
    await expect(routing(t, [office('o', 13.98)]).execute({ legId: leg.id, attempt: 2 })).resolves.toBe('stale');
    expect(t.uow.commits).toBe(0);
  });
});

describe('accept, reject, timeout, manual assignment', () => {
  async function offered(t: Testbed) {
    const { leg } = seedLeg(t);
    await routing(t, [office('o1', 13.98), office('o2', 14.1)]).execute({ legId: leg.id, attempt: 1 });
    t.uow.take();
    return { legId: leg.id, assignmentId: t.db.assignmentRows[0].id };
  }

  it('accept: the offer and the leg move together, the timeout job is cancelled, the office and supervisors hear it', async () => {
    const t = dispatchTestbed();
    const { legId, assignmentId } = await offered(t);
    const accept = new AcceptOffer(t.kit, t.pendingOffers, t.queries);
    const view = await accept.execute(legId, dispatcher('o1'));
    expect(view).toMatchObject({ state: 'accepted', officeId: 'o1', pendingOffer: null });
    const { effects } = t.uow.take();
    expect(effects).toEqual([
      { kind: 'cancel-job', name: 'dispatch-accept-timeout', jobId: `accept-timeout__${assignmentId}` },
      expect.objectContaining({ kind: 'emit', event: 'dispatch:leg-updated' }),
    ]);
    // The second dispatcher of the office is too late: 409, nothing recorded.
    await expect(accept.execute(legId, dispatcher('o1'))).rejects.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect(t.uow.take().effects).toEqual([]);
  });

  it("another office's dispatcher gets a 404, not the offer", async () => {
    const t = dispatchTestbed();
    const { legId } = await offered(t);
    await expect(
      new AcceptOffer(t.kit, t.pendingOffers, t.queries).execute(legId, dispatcher('o2')),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('timeout: back to routing with the next attempt and its routing job; the old office hears it; a late second run is a no-op', async () => {
    const t = dispatchTestbed();
    const { legId, assignmentId } = await offered(t);
    await expect(t.endOffer.timeout(assignmentId)).resolves.toBe('timed_out');
    expect(t.db.legRows[0]).toMatchObject({ state: 'routing', routingAttempt: 2, officeId: null });
    expect(t.db.assignmentRows[0].state).toBe('timed_out');
    const { effects, history } = t.uow.take();
    expect(jobsOf(effects)).toMatchObject([
      { name: 'dispatch-route-leg', jobId: `route__${legId}__2__0`, data: { attempt: 2 } },
    ]);
    expect(emitsOf(effects)[0].rooms).toContain('office:o1');
    expect(history[0]).toMatchObject({ from: 'assigned', to: 'routing', reason: 'not accepted in time' });
    await expect(t.endOffer.timeout(assignmentId)).resolves.toBe('stale');
  });

  it('reject: the offer ends with the reason, the timer is cancelled, the leg is shown as a supervisor sees it', async () => {
    const t = dispatchTestbed();
    const { legId } = await offered(t);
    const view = await new RejectOffer(t.uow.asUnitOfWork, t.pendingOffers, t.endOffer, t.queries).execute(
      legId,
      'Không đủ bưu tá',
      dispatcher('o1'),
    );
    expect(view.state).toBe('routing');
    expect(t.db.assignmentRows[0]).toMatchObject({ state: 'rejected', reason: 'Không đủ bưu tá' });
    expect(t.uow.take().effects.map((e) => e.kind)).toEqual(['job', 'emit', 'cancel-job']);
    expect(t.uow.commits).toBe(2); // the routing, then the reject (the end of the offer joined its unit of work)
  });

  it('manual assignment: only a routing or unroutable leg, a new attempt, no timeout', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t, { state: 'unroutable' });
    const offices = { exists: async () => true } as unknown as PostOfficesService;
    const assign = new AssignManually(t.kit, offices, t.offers, t.queries);
    await expect(assign.execute(leg.id, 'o9', supervisor)).resolves.toMatchObject({
      state: 'assigned',
      officeId: 'o9',
    });
    expect(t.db.legRows[0].routingAttempt).toBe(2);
    expect(jobsOf(t.uow.take().effects)).toEqual([]);
    await expect(assign.execute(leg.id, 'o9', supervisor)).rejects.toMatchObject({ status: 409 });
  });
});

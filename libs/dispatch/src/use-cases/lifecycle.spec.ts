import type { AuthUser } from '@hotline/core';
import type { PickupChecklistDto } from '../dispatch.dto';
import { anOffer, dispatchTestbed, emitsOf, seedLeg, type Testbed } from '../testing/testbed';
import { AssignCourier } from './assign-courier.use-case';
import { CancelLeg } from './cancel-leg.use-case';
import { RecordDelivery } from './record-delivery.use-case';
import { RecordFailedAttempt } from './record-failed-attempt.use-case';
import { RecordPickup } from './record-pickup.use-case';
import { ReturnToAgency } from './return-to-agency.use-case';

const d = { id: 'disp-1', role: 'dispatcher', officeId: 'o1' } as unknown as AuthUser;
const operator = { id: 'op-1', role: 'operator', officeId: null } as unknown as AuthUser;
const checklist: PickupChecklistDto = {
  missingDocuments: [],
  slipSignedByBoth: true,
  sealedInFrontOfCitizen: true,
};

function commands(t: Testbed) {
  return {
    courier: new AssignCourier(t.change),
    pickup: new RecordPickup(t.change),
    deliver: new RecordDelivery(t.change, t.clock),
    fail: new RecordFailedAttempt(t.change),
    back: new ReturnToAgency(t.change),
    cancel: new CancelLeg(t.change, t.kit),
  };
}

describe('the delivery lifecycle (ChangeLeg and its commands)', () => {
  it('each step: the machine allows it, the leg changes with its history row, the office and the operator hear it', async () => {
    const t = dispatchTestbed();
    const { leg, request } = seedLeg(t, { state: 'accepted', officeId: 'o1' });
    const c = commands(t);
    await expect(c.courier.execute(leg.id, { courierName: 'Bưu tá Y Nhi' }, d)).resolves.toMatchObject({
      state: 'courier_assigned',
      courierName: 'Bưu tá Y Nhi',
    });
    await c.pickup.execute(leg.id, { checklist: { ...checklist, feeReceiptNumber: 'BL-1' }, feeCollected: 50_000 }, d);
    const done = await c.deliver.execute(leg.id, { recipientName: 'Cán bộ một cửa', relation: 'cơ quan' }, d);
    expect(done).toMatchObject({ state: 'delivered', feeCollected: 50_000, proofOfDelivery: { relation: 'cơ quan' } });
    const { effects, history } = t.uow.take();
    expect(history.map((h) => h.to)).toEqual(['courier_assigned', 'picked_up', 'delivered']);
    expect(history.every((h) => h.actorId === d.id && h.entityType === 'bcci_leg')).toBe(true);
    for (const e of emitsOf(effects)) {
      expect(e.event).toBe('dispatch:leg-updated');
      expect(e.rooms).toEqual(expect.arrayContaining(['office:o1', `user:${request.createdById}`, 'role:supervisor']));
    }
  });

  it('an illegal move is a 409 and leaves no trace', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t, { state: 'accepted', officeId: 'o1' });
    await expect(commands(t).pickup.execute(leg.id, { checklist }, d)).rejects.toMatchObject({
      status: 409,
      code: 'ILLEGAL_TRANSITION',
    });
    expect(t.uow.take()).toEqual({ effects: [], history: [] });
    expect(t.db.legRows[0]).toMatchObject({ state: 'accepted', version: 1 });
  });

  it('the checklist is checked before anything (400): slip signed by both, sealed for a pickup leg, receipt with a fee', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t, { state: 'courier_assigned', officeId: 'o1' });
    const pickup = commands(t).pickup;
    await expect(
      pickup.execute(leg.id, { checklist: { ...checklist, slipSignedByBoth: false } }, d),
    ).rejects.toMatchObject({
      status: 400,
    });
    await expect(
      pickup.execute(leg.id, { checklist: { ...checklist, sealedInFrontOfCitizen: false } }, d),
    ).rejects.toMatchObject({ status: 400 });
    await expect(pickup.execute(leg.id, { checklist, feeCollected: 1 }, d)).rejects.toMatchObject({
      message: expect.stringMatching(/feeReceiptNumber/),
    });
  });

  it('delivered only after a pickup (courier → failed → deliver is refused)', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t, { state: 'courier_assigned', officeId: 'o1', kind: 'return' });
    const c = commands(t);
    await c.fail.execute(leg.id, 'Công dân đi vắng', d);
    await expect(c.deliver.execute(leg.id, { recipientName: 'A', relation: 'chính chủ' }, d)).rejects.toMatchObject({
      status: 409,
      details: { reason: 'not_picked_up' },
    });
  });

  it('back to the agency only after two invitations 2 working days apart (Monday, Tuesday: no; Wednesday: yes)', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t, {
      state: 'picked_up',
      officeId: 'o1',
      pickupChecklist: { ...checklist, feeReceiptNumber: null },
    });
    const c = commands(t);
    await c.fail.execute(leg.id, 'Vắng nhà', d); // Monday 2/3, 09:00
    await expect(c.back.execute(leg.id, 'Hết hạn', d)).rejects.toMatchObject({
      message: expect.stringMatching(/1 so far/),
    });
    t.clock.travel(86_400_000); // Tuesday
    const second = await c.fail.execute(leg.id, 'Vẫn vắng', d);
    expect(second.invitations).toEqual({ count: 2, lastOn: '2026-03-03', returnNeedsInvitationOn: '2026-03-04' });
    await expect(c.back.execute(leg.id, 'Hết hạn', d)).rejects.toMatchObject({
      message: expect.stringMatching(/on or after 04\/03\/2026/),
    });
    t.clock.travel(86_400_000); // Wednesday
    await c.fail.execute(leg.id, 'Lần ba', d);
    await expect(c.back.execute(leg.id, 'Đã mời 3 lần', d)).resolves.toMatchObject({ state: 'returned_to_agency' });
  });

  it('cancel before the pickup: the pending offer is withdrawn and its timer cancelled; after the pickup: 409', async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t, { state: 'assigned', officeId: 'o1' });
    t.db.assignmentRows.push(anOffer(leg, { id: 'a1' }));
    await expect(commands(t).cancel.execute(leg.id, 'Công dân tự nộp', operator)).resolves.toMatchObject({
      state: 'cancelled',
    });
    expect(t.db.assignmentRows[0]).toMatchObject({ state: 'withdrawn', reason: 'Công dân tự nộp' });
    expect(t.uow.take().effects).toContainEqual({
      kind: 'cancel-job',
      name: 'dispatch-accept-timeout',
      jobId: 'accept-timeout__a1',
    });
    const picked = seedLeg(t, { state: 'failed_attempt', pickupChecklist: { ...checklist, feeReceiptNumber: null } });
    await expect(commands(t).cancel.execute(picked.leg.id, 'Muộn', operator)).rejects.toMatchObject({
      message: 'a leg in state failed_attempt can no longer be cancelled (only before pickup)',
    });
  });

  it("another office's leg is not found (404)", async () => {
    const t = dispatchTestbed();
    const { leg } = seedLeg(t, { state: 'accepted', officeId: 'o2' });
    await expect(commands(t).courier.execute(leg.id, { courierName: 'X' }, d)).rejects.toMatchObject({ status: 404 });
  });
});

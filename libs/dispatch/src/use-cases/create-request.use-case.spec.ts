import type { CitizensService } from '@hotline/calls';
import type { AuthUser } from '@hotline/core';
import type { AdministrativeUnitsService } from '@hotline/geo';
import type { CreateBcciRequestDto } from '../dispatch.dto';
import { NewLegs } from '../new-legs';
import type { PricingService } from '../pricing.service';
import { priceLeg } from '../pricing';
import type { CodeSequenceRepository } from '../repositories/code-sequence.repository';
import { dispatchTestbed, jobsOf } from '../testing/testbed';
import { CreateBcciRequest } from './create-request.use-case';

const tariffs = (['pickup', 'return'] as const).map((legKind) => ({
  legKind,
  routeType: 'intra_province' as const,
  priceVnd: 25_000,
  dueWorkingDays: 2,
  active: true,
}));
const pricing = {
  quote: async (dto: CreateBcciRequestDto, at: Date) => ({
    lines: (dto.option === 'both' ? (['pickup', 'return'] as const) : (['pickup'] as const)).map((legKind) =>
      priceLeg(
        { legKind, routeType: 'intra_province', serviceLevel: dto.serviceLevel, field: dto.field, at },
        tariffs,
        [],
      ),
    ),
  }),
} as unknown as PricingService;
const units = {
  find: async (code: string) =>
    code === '23575' ? { remoteArea: false } : code === '24000' ? { remoteArea: true } : null,
} as unknown as AdministrativeUnitsService;
const operator = { id: 'op-1', role: 'operator' } as unknown as AuthUser;

function setup() {
  const t = dispatchTestbed();
  const citizens = { idForPhone: async () => 'cit-9' } as unknown as CitizensService;
  let counter = 41;
  const codes = { next: async () => ++counter } as unknown as CodeSequenceRepository;
  const create = new CreateBcciRequest(t.kit, new NewLegs(units, pricing, t.calendar), citizens, codes);
  return { t, create };
}

const dto = (extra: Partial<CreateBcciRequestDto> = {}): CreateBcciRequestDto => ({
  option: 'both',
  serviceLevel: '3',
  field: 'Đất đai',
  dossierCode: 'HS-1',
  procedureName: 'Đăng ký thế chấp',
  agency: 'VPĐKĐĐ',
  phone: '0912 345 678',
  pickupAddress: { detail: '12 Trần Phú', communeCode: '23575' },
  deliveryAddress: { detail: 'Buôn Ma', communeCode: '24000' },
  feeOnBehalf: 50_000,
  ...extra,
});

describe('CreateBcciRequest', () => {
  it('writes the request and its legs in routing with their history, and records each leg’s routing job and overdue timer', async () => {
    const { t, create } = setup();
    const view = await create.execute(dto(), operator);
    expect(view).toMatchObject({
      code: 'BC-260302-000042',
      priority: 'high',
      remoteArea: true,
      citizenPhone: '+84912345678',
    });
    expect(view.legs.map((l) => [l.kind, l.state, l.feeExpected, l.remoteArea])).toEqual([
      ['pickup', 'routing', 50_000, false],
      ['return', 'routing', 0, true],
    ]);
    // J+2 working days from Monday 2/3: Wednesday 4/3.
    expect(view.legs[0].dueAt.slice(0, 10)).toBe('2026-03-04');
    const { effects, history } = t.uow.take();
    const jobs = jobsOf(effects);
    expect(jobs.map((j) => j.name)).toEqual([
      'dispatch-route-leg',
      'dispatch-leg-overdue',
      'dispatch-route-leg',
      'dispatch-leg-overdue',
    ]);
    const [pickup, ret] = view.legs;
    expect(jobs[0]).toMatchObject({
      jobId: `route__${pickup.id}__1__0`,
      priority: 5,
      data: { legId: pickup.id, attempt: 1, requestCode: view.code, createdById: operator.id },
    });
    expect(jobs[2]).toMatchObject({ jobId: `route__${ret.id}__1__0`, priority: 1 }); // remote area first
    expect(jobs[1]).toMatchObject({ runAt: Date.parse(pickup.dueAt) });
    expect(history.map((h) => [h.entityType, h.to, h.reason ?? null])).toEqual([
      ['bcci_leg', 'routing', 'request created'],
      ['bcci_leg', 'routing', 'request created'],
      ['bcci_request', 'routing', null],
    ]);
    expect(t.db.legRows).toHaveLength(2);
    expect(t.db.requestRows[0]).toMatchObject({ id: view.id, citizenId: 'cit-9' });
  });

  it('refuses bad input before anything is written or a code is drawn', async () => {
    const { t, create } = setup();
    await expect(
      create.execute(dto({ pickupAddress: { detail: 'x y', communeCode: '99999' } }), operator),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/pickupAddress.communeCode/) });
    await expect(
      create.execute(dto({ option: 'send_dossier', pickupAddress: undefined }), operator),
    ).rejects.toMatchObject({
      status: 400,
    });
    await expect(create.execute(dto({ windowTo: '2026-03-01T00:00:00Z' }), operator)).rejects.toMatchObject({
      message: expect.stringMatching(/windowTo/),
    });
    expect(t.uow.commits).toBe(0);
    expect(t.db.legRows).toEqual([]);
  });
});

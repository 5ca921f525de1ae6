import { filterUnits, UNITS_RECHECK_MS } from './administrative-units.service';
import { AN_LAO, geoTestbed, HOI_PHU, PLEIKU, QUY_NHON } from './testing/geo-testbed';

describe('AdministrativeUnitsService', () => {
  let now = 1_000_000;
  beforeEach(() => jest.spyOn(Date, 'now').mockImplementation(() => now));
  afterEach(() => jest.restoreAllMocks());

  it('loads the communes once, rechecks their version after a while, and reloads only when it moved', async () => {
    const { units, unitsRepo } = geoTestbed();
    await Promise.all([units.all(), units.find('23575'), units.get('21583')]);
    expect(unitsRepo.loads).toBe(1);
    now += UNITS_RECHECK_MS - 1;
    await units.all();
    expect(unitsRepo.versionReads).toBe(1);
    now += 2;
    await units.all();
    expect([unitsRepo.versionReads, unitsRepo.loads]).toEqual([2, 1]);
    // Another process flags a commune: seen at the next recheck.
    unitsRepo.rows.get('21583')!.remoteArea = true;
    now += UNITS_RECHECK_MS;
    expect((await units.find('21583'))?.remoteArea).toBe(true);
    expect(unitsRepo.loads).toBe(2);
  });

  it('flags a remote area with a history row, and shows it here at once', async () => {
    const { units, uow, unitsRepo } = geoTestbed();
    await units.all();
    const view = await units.setRemoteArea('21583', true, 'admin-id');
    expect(view).toMatchObject({ code: '21583', remoteArea: true });
    expect((await units.get('21583')).remoteArea).toBe(true);
    expect(unitsRepo.loads).toBe(2);
    expect(uow.history).toEqual([
      expect.objectContaining({
        actorId: 'admin-id',
        entityType: 'administrative_unit',
        entityId: '21583',
        action: 'remote_area_changed',
        from: 'false',
        to: 'true',
      }),
    ]);
    await expect(units.setRemoteArea('99999', true, 'admin-id')).rejects.toMatchObject({ status: 404 });
  });

  it('answers one page of every commune matching the filters', async () => {
    const { units } = geoTestbed();
    const page = await units.list({});
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((u) => u.code)).toEqual(['21583', '21610', '23575', '23584', '23620']);
    expect(await units.unknownCodes(['23575', '99999', '99999'])).toEqual(['99999']);
    await expect(units.get('00000')).rejects.toMatchObject({ status: 404 });
  });

  it.each([
    [{ q: 'quy nhon' }, ['21583']],
    [{ q: 'QUY NHƠN' }, ['21583']],
    [{ q: 'hoi phu' }, ['23584']],
    [{ type: 'commune' as const }, ['21610']],
    [{ type: 'ward' as const, q: 'p' }, ['23575', '23584', '21583']],
    [{ remoteArea: true }, ['21610']],
  ])('filters %j', (query, codes) => {
    const all = [PLEIKU, HOI_PHU, QUY_NHON, { ...AN_LAO, remoteArea: true }];
    expect(filterUnits(all, query).map((u) => u.code)).toEqual(codes);
  });
});

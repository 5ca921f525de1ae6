import { geoTestbed } from '../testing/geo-testbed';
import { CreatePostOfficeUseCase } from './create-post-office.use-case';
import { ImportPostOfficesUseCase } from './import-post-offices.use-case';
import { demoOffice, SeedDemoGeoUseCase } from './seed-demo-geo.use-case';
import { mergeOffice, UpdatePostOfficeUseCase } from './update-post-office.use-case';

const HEADER = 'code,name,address,commune_code,lat,lng,phone,opening_hours,daily_capacity,active,serves';

function setup() {
  const bed = geoTestbed();
  const uow = bed.uow.asUnitOfWork;
  return {
    ...bed,
    create: new CreatePostOfficeUseCase(bed.checker, bed.writer, bed.read),
    update: new UpdatePostOfficeUseCase(bed.checker, bed.writer, bed.read, uow),
    importCsv: new ImportPostOfficesUseCase(bed.checker, bed.writer, bed.offices, uow),
    seed: new SeedDemoGeoUseCase(bed.units, bed.offices, bed.writer, uow),
  };
}

const body = {
  code: 'P1',
  name: 'Bưu cục Pleiku',
  address: '69 Hùng Vương',
  communeCode: '23575',
  lat: 13.98,
  lng: 108,
};

describe('post office use cases', () => {
  it('creates an office with its history row; a taken code (any case) is a 409; bad input a 400 naming fields', async () => {
    const { create, uow } = setup();
    const view = await create.execute(body, 'admin-id');
    expect(view).toMatchObject({ code: 'P1', serviceArea: ['23575'], active: true, isDemo: false });
    expect(uow.history).toEqual([
      expect.objectContaining({ entityType: 'post_office', entityId: view.id, action: 'created', to: 'active' }),
    ]);
    await expect(create.execute({ ...body, code: 'p1' }, 'admin-id')).rejects.toMatchObject({ status: 409 });
    await expect(create.execute({ ...body, code: 'P2', communeCode: '99999' }, 'admin-id')).rejects.toMatchObject({
      status: 400,
      details: { fields: [expect.objectContaining({ field: 'communeCode', constraint: 'exists' })] },
    });
  });

  it('updates only what the PATCH gives; its own commune follows a commune change', async () => {
    const { create, update, uow } = setup();
    const office = await create.execute({ ...body, serviceArea: ['23584'], dailyCapacity: 80 }, 'admin-id');
    const renamed = await update.execute(office.id, { name: 'Bưu cục mới' }, 'admin-id');
    expect(renamed).toMatchObject({ name: 'Bưu cục mới', dailyCapacity: 80, serviceArea: ['23575', '23584'] });
    const moved = await update.execute(office.id, { communeCode: '21583' }, 'admin-id');
    expect(moved.serviceArea).toEqual(['21583', '23584']);
    expect(uow.history.at(-1)).toMatchObject({ action: 'updated', data: { changes: ['communeCode'] } });
    await expect(update.execute(office.id, { lat: 50 }, 'admin-id')).rejects.toMatchObject({ status: 400 });
    await expect(update.execute('01a2296b-0000-7000-8000-000000000000', {}, 'admin-id')).rejects.toMatchObject({
      status: 404,
    });
  });

  it('mergeOffice keeps the stored service area without its own commune when the PATCH does not give one', () => {
    const current = { serviceArea: ['23575', '23584'], communeCode: '23575' } as never;
    expect(mergeOffice(current, {}).serviceArea).toEqual(['23584']);
    expect(mergeOffice(current, { serviceArea: [] }).serviceArea).toEqual([]);
  });

  it('imports a file: new codes are created, known codes (any case) updated, one summary history row', async () => {
    const { create, importCsv, read, uow } = setup();
    await create.execute(body, 'admin-id');
    const result = await importCsv.execute(
      [
        HEADER,
        'p1,Bưu cục Pleiku (mới),69 Hùng Vương,23575,13.98,108,,,,false,',
        'P9,Bưu cục 9,Số 9,23584,13.9,108,,,,,',
      ].join('\n'),
      'admin-id',
    );
    expect(result).toEqual({ created: 1, updated: 1, total: 2 });
    const page = await read.list({});
    expect(page.items.map((o) => [o.code, o.name, o.active])).toEqual([
      // The line's spelling of the code is kept.
      ['p1', 'Bưu cục Pleiku (mới)', false],
      ['P9', 'Bưu cục 9', true],
    ]);
    expect(uow.history.at(-1)).toMatchObject({ action: 'imported', data: { created: 1, updated: 1 } });
  });

  it('refuses a whole file for one bad line: nothing written, nothing committed', async () => {
    const { importCsv, officesRepo, uow } = setup();
    const csv = [HEADER, 'G1,Bưu cục tốt,Số 1,23575,13.9,108,,,,,', 'B1,Bưu cục xấu,Số 2,99999,13.9,108,,,,,'].join(
      '\n',
    );
    await expect(importCsv.execute(csv, 'admin-id')).rejects.toMatchObject({ code: 'CSV_INVALID' });
    expect(officesRepo.rows.size).toBe(0);
    expect(uow.commits).toBe(0);
  });

  it('pages the offices in code order with an opaque cursor', async () => {
    const { create, read } = setup();
    for (const code of ['C3', 'A1', 'B2']) await create.execute({ ...body, code }, 'admin-id');
    const first = await read.list({ limit: 2 });
    expect(first.items.map((o) => o.code)).toEqual(['A1', 'B2']);
    const second = await read.list({ limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [expect.objectContaining({ code: 'C3' })], nextCursor: null });
    await expect(read.list({ cursor: 'nope' })).rejects.toMatchObject({ status: 400 });
  });

  it('seeds one demo office per commune, serving it and its 3 nearest, and flags the demo remote communes', async () => {
    const { seed, read, units } = setup();
    expect(await seed.execute()).toEqual({ offices: 5, remoteAreas: 1 });
    expect(await seed.execute()).toEqual({ offices: 0, remoteAreas: 1 });
    const pleiku = await read.findByCode('DEMO-23575');
    expect(pleiku).toMatchObject({ isDemo: true, name: '[DEMO] Bưu điện Phường Pleiku', communeCode: '23575' });
    expect(pleiku!.serviceArea).toHaveLength(4);
    expect((await units.list({ remoteArea: true })).items.map((u) => u.name)).toEqual(['Xã Ia Grai']);
  });

  it('demoOffice picks the nearest neighbours', () => {
    const { unitsRepo } = setup();
    const all = [...unitsRepo.rows.values()];
    const office = demoOffice(unitsRepo.rows.get('23575')!, all);
    expect(office.serviceArea.slice(0, 3)).toEqual(['23575', '23584', '23620']);
    expect(office.serviceArea).not.toContain('21583');
  });
});

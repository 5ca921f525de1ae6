import type { IndexedOffice } from './office-index';
import { OfficeIndexService } from './office-index.service';
import type { OfficeSnapshotRepository } from './repositories/office-snapshot.repository';

const office = (id: string): IndexedOffice => ({
  id,
  lat: 14,
  lng: 108,
  active: true,
  dailyCapacity: 10,
  openingHours: {},
  serves: ['23575'],
});

describe('OfficeIndexService', () => {
  it('reads the version stamp before each routing and rebuilds only when it changed', async () => {
    let stamp = 's1';
    let offices = [office('a')];
    let builds = 0;
    const snapshot = {
      stamp: async () => stamp,
      offices: async () => (builds++, offices),
    } as unknown as OfficeSnapshotRepository;
    const service = new OfficeIndexService(snapshot);
    const first = await service.get();
    expect(await service.get()).toBe(first);
    expect(builds).toBe(1);
    offices = [office('a'), office('b')];
    stamp = 's2'; // an office was edited in the geo context
    const second = await service.get();
    expect(second.size).toBe(2);
    expect(second.candidates('23575').map((o) => o.id)).toEqual(['a', 'b']);
    expect(builds).toBe(2);
  });
});

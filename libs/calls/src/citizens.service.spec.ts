import type { AdministrativeUnitsService } from '@hotline/geo';
import type { CitizenPhone } from './citizen-phone.entity';
import type { Citizen } from './citizen.entity';
import { CitizensService } from './citizens.service';
import type { CitizensRepository } from './repositories/citizens.repository';
import { FakeClock, FakeUnitOfWork } from '@hotline/core';
import type { Public } from './testing/in-memory-repositories';

class InMemoryCitizens implements Partial<Public<CitizensRepository>> {
  readonly citizens = new Map<string, Citizen>();
  readonly phones: CitizenPhone[] = [];
  async findById(id: string) {
    return this.citizens.get(id) ?? null;
  }
  async findByIds(ids: string[]) {
    return ids.flatMap((id) => (this.citizens.has(id) ? [this.citizens.get(id)!] : []));
  }
  async phoneLink(e164: string) {
    return this.phones.find((p) => p.phone === e164) ?? null;
  }
  async citizenIdOf(e164: string) {
    return (await this.phoneLink(e164))?.citizenId ?? null;
  }
  async phonesOf(ids: string[]) {
    return this.phones.filter((p) => ids.includes(p.citizenId));
  }
  async insert(c: Citizen) {
    this.citizens.set(c.id, c);
  }
  async insertPhone(p: CitizenPhone) {
    this.phones.push(p);
  }
  async insertPhoneUnlessTaken(p: CitizenPhone) {
    if (this.phones.some((x) => x.phone === p.phone)) return false;
    this.phones.push(p);
    return true;
  }
  async remove(id: string) {
    this.citizens.delete(id);
  }
  async byPhoneWithPhones(e164: string) {
    const link = await this.phoneLink(e164);
    const citizen = link ? this.citizens.get(link.citizenId) : undefined;
    return citizen ? { citizen, phones: await this.phonesOf([citizen.id]) } : null;
  }
}

function setup() {
  const clock = new FakeClock(Date.parse('2026-03-02T02:00:00.000Z'));
  const unit = new FakeUnitOfWork(clock);
  const repo = new InMemoryCitizens();
  const units = {
    find: async (code: string) => (code === '23575' ? { code } : undefined),
  } as unknown as AdministrativeUnitsService;
  const service = new CitizensService(repo as unknown as CitizensRepository, unit.asUnitOfWork, clock, units);
  return { unit, repo, service };
}

describe('CitizensService (what dispatch and feedback call)', () => {
  it('a new number taken meanwhile by another intake answers that citizen and leaves no second one', async () => {
    const f = setup();
    const insert = f.repo.insert.bind(f.repo);
    // The other intake's number row lands between this one's citizen insert and its number insert.
    f.repo.insert = async (c: Citizen) => {
      await insert(c);
      if (!f.repo.phones.length) {
        await insert({ ...c, id: 'winner', fullName: 'Người khác' });
        f.repo.phones.push({
          phone: '+84912345678',
          citizenId: 'winner',
          isPrimary: true,
          label: null,
          createdAt: c.createdAt,
        });
      }
    };
    const got = await f.service.findOrCreateByPhone('0912 345 678', { fullName: 'Nguyễn Văn An' }, 'op-1');
    expect(got).toMatchObject({ id: 'winner', fullName: 'Người khác' });
    expect([...f.repo.citizens.keys()]).toEqual(['winner']);
  });

  it('findOrCreateByPhone: any form of a number finds the same citizen; a new one is created once, audited', async () => {
    const f = setup();
    const a = await f.service.findOrCreateByPhone('0912 345 678', { fullName: '  Nguyễn Văn An ' }, 'op-1');
    expect(a).toMatchObject({
      fullName: 'Nguyễn Văn An',
      kind: 'person',
      phones: [{ phone: '+84912345678', isPrimary: true }],
    });
    const b = await f.service.findOrCreateByPhone('+84 91 234 5678');
    expect(b.id).toBe(a.id);
    expect(await f.service.idForPhone('84912345678')).toBe(a.id);
    expect(f.unit.history).toEqual([
      expect.objectContaining({ entityType: 'citizen', entityId: a.id, action: 'created', actorId: 'op-1' }),
    ]);
    await expect(f.service.findOrCreateByPhone('0123')).rejects.toMatchObject({ details: { field: 'phone' } });
    await expect(f.service.idForPhone('0987654321', { communeCode: '99999' })).rejects.toMatchObject({
      details: { field: 'communeCode' },
    });
  });

  it('inside another context’s unit of work the creation joins it: one commit, its history with the caller’s', async () => {
    const f = setup();
    const id = await f.unit.run(async (tx) => {
      const citizenId = await f.service.idForPhone('0269.3888.222', { fullName: 'Trung tâm' }, 'op-1');
      await tx.history({ actorId: 'op-1', entityType: 'bcci_request', entityId: 'r-1', action: 'created' });
      return citizenId;
    });
    expect(f.unit.commits).toBe(1);
    expect(f.unit.history.map((h) => [h.entityType, h.entityId])).toEqual([
      ['citizen', id],
      ['bcci_request', 'r-1'],
    ]);
  });

  it('get / getMany / findByPhone', async () => {
    const f = setup();
    const a = await f.service.findOrCreateByPhone('0912345678');
    await expect(f.service.get('nope')).rejects.toMatchObject({ status: 404 });
    expect((await f.service.getMany([a.id, a.id, 'nope'])).map((c) => c.id)).toEqual([a.id]);
    expect((await f.service.findByPhone('0912-345-678'))?.id).toBe(a.id);
    expect(await f.service.findByPhone('0987654321')).toBeNull();
  });
});
